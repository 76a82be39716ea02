"""An HTML page to check or import: fetched under Limits, or read from a saved file, as text.

`fetch_page` is the entry point for every command that reads a shop's page (check, compare, init,
verify): an http(s) address is fetched, a `file:` address or a path is read from disk under the same
size limit, and either way the bytes become text as a browser would decode them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from shopterms.validators.fetch.addresses import Resolver, system_resolver
from shopterms.validators.fetch.charset import decode_page
from shopterms.validators.fetch.client import fetch
from shopterms.validators.fetch.errors import FetchError, TooLarge, UnreadableResponse
from shopterms.validators.fetch.limits import DEFAULT_LIMITS, Limits, describe_size
from shopterms.validators.fetch.urls import redact

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"


@dataclass(frozen=True)
class FetchedPage:
    """A page's text and where it came from.

    `name` is what messages call the page (the address as given, password redacted, or the file path);
    `base_url` resolves the page's relative links; `warning` says why a declared encoding was passed over.
    """

    name: str
    text: str
    base_url: str
    encoding: str
    warning: str | None = None


def is_url(target: str) -> bool:
    """Whether a command-line target is an address (scheme://…, or file:…) rather than a path."""
    return _SCHEME.match(target) is not None or target.lower().startswith("file:")


def fetch_page(
    url: str, limits: Limits = DEFAULT_LIMITS, *, resolver: Resolver = system_resolver
) -> FetchedPage:
    """The HTML page at an http(s) address (or a `file:` address, read from disk); raises FetchError
    when it cannot be read, is not HTML or answers with an HTTP error."""
    if url.lower().startswith("file:"):
        return read_page_file(file_path(url), limits, name=redact(url))
    answer = fetch(url, limits, accept=PAGE_ACCEPT, resolver=resolver)
    if answer.status >= 400:
        raise UnreadableResponse(f"the server answered {answer.status} {answer.reason}".rstrip(), "status")
    if answer.status >= 300:
        raise UnreadableResponse(
            f"the server answered {answer.status} without a Location to follow", "status"
        )
    if answer.content_type and answer.content_type not in HTML_TYPES:
        raise UnreadableResponse(
            f"the address returns {answer.content_type[:80]}, not an HTML page", "content-type"
        )
    decoded = answer.decoded()
    return FetchedPage(redact(url), decoded.text, answer.url, decoded.encoding, decoded.warning)


def file_path(url: str) -> Path:
    """The local path a `file:` address names; only this machine's files (no host, or localhost)."""
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise FetchError(f"a file: address names a file on this machine, not on {parts.netloc}", "file")
    return Path(unquote(parts.path))


def read_page_file(path: Path, limits: Limits = DEFAULT_LIMITS, *, name: str | None = None) -> FetchedPage:
    """A saved page, under the same size limit as a fetched one."""
    named = name or str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_decoded_bytes + 1)
    except FileNotFoundError:
        raise FetchError(f"there is no file {path}", "file") from None
    except IsADirectoryError:
        raise FetchError(f"{path} is a directory, not a page", "file") from None
    except OSError as error:
        raise FetchError(f"cannot read {path}: {error.strerror or error}", "file") from None
    if len(data) > limits.max_decoded_bytes:
        raise TooLarge(
            f"{path} is larger than {describe_size(limits.max_decoded_bytes)} (the max_decoded_bytes limit)"
        )
    decoded = decode_page(data)
    return FetchedPage(named, decoded.text, path.resolve().as_uri(), decoded.encoding, decoded.warning)
