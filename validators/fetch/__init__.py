"""Fetching shop pages under limits: the one way shopterms reads anything over the network.

    from shopterms.validators.fetch import Limits, FetchError, fetch_page

    page = fetch_page("https://shop.example/returns", Limits(total_seconds=10))
    page.text, page.base_url, page.warning

`fetch` gives the raw answer (status, content type, decoded body) for callers that judge it themselves.
Every failure is a FetchError (ForbiddenTarget, FetchTimeout, TooLarge, UnreadableResponse) whose
message is one sentence without the address's password; `redact` names an address the same way.
"""

from shopterms.validators.fetch.client import Fetched, fetch
from shopterms.validators.fetch.errors import (
    FetchError,
    FetchTimeout,
    ForbiddenTarget,
    TooLarge,
    UnreadableResponse,
)
from shopterms.validators.fetch.limits import DEFAULT_LIMITS, Limits
from shopterms.validators.fetch.page import FetchedPage, fetch_page, is_url, read_page_file
from shopterms.validators.fetch.urls import redact

__all__ = [
    "DEFAULT_LIMITS",
    "FetchError",
    "FetchTimeout",
    "Fetched",
    "FetchedPage",
    "ForbiddenTarget",
    "Limits",
    "TooLarge",
    "UnreadableResponse",
    "fetch",
    "fetch_page",
    "is_url",
    "read_page_file",
    "redact",
]
