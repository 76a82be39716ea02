"""Fetching a comparison source: one GET through the shared fetcher, its failures turned into SourceError.

The limits (total time, sizes, redirects, private addresses) are the fetcher's (validators/fetch), the
same for every command; a source is always named with its password redacted.
"""

from __future__ import annotations

from shopterms.validators.fetch.client import Fetched
from shopterms.validators.fetch.limits import DEFAULT_LIMITS, Limits
from shopterms.validators.fetch.urls import redact


class SourceError(Exception):
    """A source that cannot be read into a record: where, and what is wrong, in one sentence."""

    def __init__(self, source: str, message: str) -> None:
        self.source = redact(source)
        self.message = message
        super().__init__(f"{self.source}: {message}")


def fetch(url: str, accept: str, limits: Limits = DEFAULT_LIMITS, source: str | None = None) -> Fetched:
    """GET `url`; raises SourceError for network failures, refused addresses, redirect loops and oversized
    bodies (not for HTTP error statuses, which callers judge)."""
    from shopterms.validators.fetch import FetchError
    from shopterms.validators.fetch import fetch as fetch_url

    try:
        return fetch_url(url, limits, accept=accept)
    except FetchError as error:
        raise SourceError(source or url, f"could not be fetched: {error}") from None
