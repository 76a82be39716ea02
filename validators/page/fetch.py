"""Getting a page: over HTTP(S) with a time limit, a size cap and few redirects, or from a file.

Every failure becomes a PageError whose message says what went wrong in the merchant's terms (the name
does not resolve, the certificate is not trusted, the server answered 404, ...).
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 10.0
USER_AGENT = "shopterms-check (+https://shopterms.org/)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Page:
    """A page's text, the address it was read from (after redirects) and what to call it in messages."""

    name: str
    text: str
    base_url: str


class PageError(Exception):
    """The page could not be read; `kind` names the stage (dns, connect, timeout, tls, redirects, status,
    size, content-type, file)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def read_page_file(path: Path) -> Page:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PageError("file", f"there is no file {path}") from None
    except IsADirectoryError:
        raise PageError("file", f"{path} is a directory, not a page") from None
    except OSError as error:
        raise PageError("file", f"cannot read {path}: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise PageError("size", f"{path} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    return Page(str(path), data.decode("utf-8", errors="replace"), path.resolve().as_uri())


def fetch_page(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int | None = None) -> Page:
    import httpx

    max_bytes = MAX_BYTES if max_bytes is None else max_bytes

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"}
    client = httpx.Client(
        follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout, headers=headers
    )
    try:
        with client, client.stream("GET", url) as response:
            return Page(url, _body(response, max_bytes), str(response.url))
    except httpx.TooManyRedirects:
        raise PageError("redirects", f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise PageError("timeout", f"no answer within {timeout:g} seconds") from None
    except httpx.ConnectError as error:
        raise _connect_error(error) from None
    except httpx.InvalidURL as error:
        raise PageError("url", f"not a valid address: {error}") from None
    except httpx.HTTPError as error:
        raise PageError("connect", f"the connection failed: {error}") from None


def _body(response: httpx.Response, max_bytes: int) -> str:
    if response.status_code >= 400:
        raise PageError("status", f"the server answered {response.status_code} {response.reason_phrase}")
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind and kind not in _HTML_TYPES:
        raise PageError("content-type", f"the address returns {kind}, not an HTML page")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise PageError("size", f"the page is larger than {max_bytes // (1024 * 1024)} MB")
    return body.decode(response.encoding or "utf-8", errors="replace")


def _connect_error(error: Exception) -> PageError:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return PageError("tls", f"the certificate is not trusted ({cause.verify_message})")
        if isinstance(cause, ssl.SSLError):
            return PageError("tls", f"the secure connection failed ({cause.reason or cause})")
        cause = cause.__cause__ or cause.__context__
    text = str(error)
    if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return PageError("dns", "the host name does not resolve (DNS)")
    if "Connection refused" in text:
        return PageError("connect", "the server refused the connection")
    return PageError("connect", f"cannot connect: {text}")
