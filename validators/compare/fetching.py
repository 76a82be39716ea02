"""Fetching a source over HTTP: one GET with limits, and every failure turned into a SourceError in our words.

Limits keep a comparison of unknown pages bounded: a timeout per request, a few redirects, and a cap on
the size read. Only http and https are fetched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

TIMEOUT_SECONDS = 10.0
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "shopterms-compare (+https://shopterms.org)"


class SourceError(Exception):
    """A source that cannot be read into a record: where, and what is wrong, in one sentence."""

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")


@dataclass(frozen=True)
class Fetched:
    """What one GET returned."""

    url: str  # after redirects
    status: int
    content_type: str  # media type only, lower-case
    links: str  # the Link header, if any
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def client() -> httpx.Client:
    import httpx

    return httpx.Client(
        timeout=TIMEOUT_SECONDS,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": USER_AGENT},
    )


def fetch(session: httpx.Client, url: str, accept: str, source: str | None = None) -> Fetched:
    """GET `url`; raises SourceError for network failures, redirect loops and oversized bodies (not for
    HTTP error statuses, which callers judge)."""
    import httpx

    named = source or url
    try:
        with session.stream("GET", url, headers={"Accept": accept}) as response:
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > MAX_BYTES:
                    raise SourceError(named, f"the response is larger than {MAX_BYTES // (1024 * 1024)} MB")
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(
                str(response.url), response.status_code, kind, response.headers.get("link", ""), bytes(body)
            )
    except httpx.TooManyRedirects:
        raise SourceError(named, f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise SourceError(named, f"no answer within {TIMEOUT_SECONDS:.0f} seconds") from None
    except httpx.InvalidURL as error:
        raise SourceError(named, f"not a valid address ({error})") from None
    except httpx.HTTPError as error:
        reason = str(error) or type(error).__name__
        raise SourceError(named, f"could not be fetched ({reason})") from None
