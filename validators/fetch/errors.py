"""Every way a fetch can fail, as one family of exceptions whose message is a sentence for the merchant.

`kind` names the stage for hints and tests; the message never holds the address's password.
"""

from __future__ import annotations

from typing import Literal

FetchErrorKind = Literal[
    "url",  # not an address we fetch (bad syntax, a scheme other than http and https)
    "forbidden",  # the address is loopback, private, link-local, ... and was not allowed
    "dns",  # the host name does not resolve
    "connect",  # no TCP connection (refused, unreachable)
    "tls",  # the secure connection failed
    "timeout",  # the total time ran out
    "redirects",  # too many redirects, or a redirect without a usable Location
    "protocol",  # a malformed HTTP answer
    "size",  # the body or the decompressed page is larger than allowed
    "encoding",  # a content coding that cannot be undone (unknown, stacked too deep, corrupt)
    "status",  # an HTTP status of 400 or more where a page was expected
    "content-type",  # not an HTML page where one was expected
    "file",  # a local file that cannot be read
]


class FetchError(Exception):
    """A page or document could not be fetched; str(error) is one sentence in our words."""

    kind: FetchErrorKind = "connect"

    def __init__(self, message: str, kind: FetchErrorKind | None = None) -> None:
        super().__init__(message)
        self.message = message
        if kind is not None:
            self.kind = kind


class ForbiddenTarget(FetchError):
    """The address is not fetched at all: a non-public address, or a scheme other than http(s)."""

    kind: FetchErrorKind = "forbidden"


class FetchTimeout(FetchError):
    """The total time for the fetch ran out."""

    kind: FetchErrorKind = "timeout"


class TooLarge(FetchError):
    """The body on the wire or the decompressed page is over its limit."""

    kind: FetchErrorKind = "size"


class UnreadableResponse(FetchError):
    """The answer arrived but is not a page we can read (status, type, coding, malformed HTTP)."""

    kind: FetchErrorKind = "protocol"
