"""What a SOURCE argument is, and its comparison record: a policy file, a saved page, a shopterms API or a
shop page on the web.

Files are told apart by suffix (.html/.htm page, .jsonld JSON-LD, anything else a policy). An address is
fetched once: a canonical policy in JSON is an API's /policy; an HTML page that links to a shopterms API
catalog is an API's terms page, so its /policy is read instead; any other page is read for its markup;
an address that fails is tried once more as an API base ({address}/policy).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

from shopterms.policy.compare.policy_record import record_from_policy
from shopterms.policy.compare.record import ComparisonRecord
from shopterms.policy.loader import load_policy
from shopterms.policy.queries import DestinationQuery
from shopterms.validators.bounded_json import load_json
from shopterms.validators.compare.api_reader import looks_like_policy, policy_url, record_from_fetched
from shopterms.validators.compare.fetching import SourceError, fetch
from shopterms.validators.compare.markup import MarkupError, read_jsonld_document, read_markup
from shopterms.validators.compare.page_record import record_from_page
from shopterms.validators.fetch.charset import decode_page
from shopterms.validators.fetch.client import Fetched
from shopterms.validators.fetch.errors import FetchError
from shopterms.validators.fetch.limits import DEFAULT_LIMITS, Limits, describe_size
from shopterms.validators.fetch.page import file_path

PAGE_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONLD_SUFFIXES = {".jsonld"}
PAGE_ACCEPT = "text/html, application/xhtml+xml, application/json;q=0.9, application/ld+json;q=0.8"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# A terms page served by a shopterms API names the API catalog in its Link header.
_API_LINK = re.compile(r'rel="?api-catalog"?')

Destination = DestinationQuery | str


def _page(
    text: str,
    url: str,
    base: str | None,
    destination: Destination,
    at: dt.datetime | str | None,
    limits: Limits,
    warning: str | None = None,
) -> ComparisonRecord:
    try:
        page, notes = read_markup(text, url, base, limits)
    except MarkupError as error:
        raise SourceError(url, str(error)) from None
    notes = [warning, *notes] if warning else notes
    if len(page.graph) == 0:
        detail = f" ({'; '.join(notes)})" if notes else ""
        raise SourceError(url, f"the page has no schema.org markup (JSON-LD, microdata or RDFa){detail}")
    return record_from_page(page, destination, at, notes)


def _jsonld(
    text: str,
    url: str,
    base: str | None,
    destination: Destination,
    at: dt.datetime | str | None,
    limits: Limits,
) -> ComparisonRecord:
    try:
        page, notes = read_jsonld_document(text, url, base, limits)
    except MarkupError as error:
        raise SourceError(url, str(error)) from None
    return record_from_page(page, destination, at, notes)


def _is_jsonld(text: str, limits: Limits) -> bool:
    try:
        data = load_json(text, limits.max_json_depth)
    except ValueError:  # not JSON, or nested too deep: read_jsonld_document says which
        return False
    items = data if isinstance(data, list) else [data]
    return any(isinstance(item, dict) and "@context" in item for item in items)


def read_file(
    path: Path, destination: Destination, at: dt.datetime | str | None, limits: Limits = DEFAULT_LIMITS
) -> ComparisonRecord:
    name = str(path)
    if not path.exists():
        raise SourceError(name, "no such file")
    if path.is_dir():
        raise SourceError(name, "is a directory; give a policy file, a saved page or an address")
    suffix = path.suffix.lower()
    if suffix in PAGE_SUFFIXES | JSONLD_SUFFIXES | {".json"}:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise SourceError(name, f"cannot be read ({error.strerror})") from None
        if len(data) > limits.max_decoded_bytes:
            raise SourceError(name, f"is larger than {describe_size(limits.max_decoded_bytes)}")
        decoded = decode_page(data) if suffix in PAGE_SUFFIXES else None
        text = decoded.text if decoded else data.decode("utf-8", errors="replace")
        if decoded is not None:
            return _page(text, name, None, destination, at, limits, decoded.warning)
        if suffix in JSONLD_SUFFIXES or _is_jsonld(text, limits):
            return _jsonld(text, name, None, destination, at, limits)
    result = load_policy(path)
    if result.policy is None:
        first = result.diagnostics[0]
        where = f"{name}:{first.location.line}:{first.location.column}" if first.location else name
        more = len(result.diagnostics) - 1
        others = f" ({more} more problem{'s' if more > 1 else ''}; run shopterms validate)" if more else ""
        raise SourceError(where, f"{first.message}{others}")
    return record_from_policy(result, destination, at, kind="yaml", location=name)


def _api_instead(url: str, limits: Limits, started: float) -> Fetched | None:
    """The address's /policy, if it serves one; fetched within what is left of the source's total time,
    so that a source never takes longer than --timeout however many requests it needs."""
    left = limits.total_seconds - (time.monotonic() - started)
    if left <= 0:
        raise SourceError(
            url, f"could not be fetched: no complete answer within {limits.total_seconds:g} seconds"
        )
    rest = limits.model_copy(update={"total_seconds": left})
    candidate = fetch(policy_url(url.removesuffix("index.html")), "application/json", rest, url)
    return candidate if looks_like_policy(candidate, limits) else None


def read_url(
    url: str, destination: Destination, at: dt.datetime | str | None, limits: Limits = DEFAULT_LIMITS
) -> ComparisonRecord:
    if not url.lower().startswith(("http://", "https://")):
        raise SourceError(url, "only http and https addresses are read")
    started = time.monotonic()
    if url.rstrip("/").endswith("/policy"):
        fetched = fetch(url, "application/json", limits)
        if looks_like_policy(fetched, limits):
            return record_from_fetched(fetched, url, destination, at)
        raise SourceError(url, f"answered HTTP {fetched.status} without a shopterms policy")
    fetched = fetch(url, PAGE_ACCEPT, limits)
    if fetched.status != 200:
        api = _api_instead(url, limits, started)
        if api is not None:
            return record_from_fetched(api, url, destination, at)
        raise SourceError(url, f"answered HTTP {fetched.status}")
    if looks_like_policy(fetched, limits):
        return record_from_fetched(fetched, url, destination, at)
    if "json" in fetched.content_type:
        if not _is_jsonld(fetched.text, limits):
            raise SourceError(url, "answered with JSON that is neither a shopterms policy nor JSON-LD")
        return _jsonld(fetched.text, fetched.url, fetched.url, destination, at, limits)
    if _API_LINK.search(fetched.links):
        api = _api_instead(fetched.url, limits, started)
        if api is not None:
            return record_from_fetched(api, url, destination, at)
    if "html" not in fetched.content_type:
        raise SourceError(
            url, f"is neither a page nor a shopterms API (content type {fetched.content_type[:80] or 'none'})"
        )
    decoded = fetched.decoded()
    return _page(decoded.text, fetched.url, fetched.url, destination, at, limits, decoded.warning)


def read_source(
    source: str,
    destination: Destination,
    at: dt.datetime | str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ComparisonRecord:
    """The comparison record of one SOURCE; raises SourceError (never a traceback) when it cannot be read.

    A `file:` address is the local file it names, read like a path."""
    if source.lower().startswith("file:"):
        try:
            path = file_path(source)
        except FetchError as error:
            raise SourceError(source, str(error)) from None
        return read_file(path, destination, at, limits)
    if not _URL.match(source):
        return read_file(Path(source), destination, at, limits)
    return read_url(source, destination, at, limits)
