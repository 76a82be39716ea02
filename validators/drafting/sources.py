"""What a `--from` SOURCE is, and the draft facts it yields.

An address (http/https) is a shop page, fetched by the same fetcher and under the same limits as
`shopterms check` (a `file:` address is the saved page it names). A file is
told by its content: HTML is a saved page; JSON is a schema.org JSON-LD document, a Merchant API body,
a Shopify or WooCommerce shipping export, or a UCP body; CSV, TSV, JSON lines or a JSON list of
products with seller, return and shipping columns is a product feed. Anything else is refused with a
message that names what was found.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shopterms.policy.drafting import feeds, google, shopify, woocommerce
from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.problems import ImportProblem
from shopterms.validators.fetch import DEFAULT_LIMITS, FetchError, Limits, fetch_page, is_url, redact
from shopterms.validators.fetch.limits import describe_size

KINDS = (
    "a shop page (URL or saved HTML)",
    "schema.org JSON-LD",
    "Merchant API OnlineReturnPolicy / ShippingSettings JSON",
    "a Shopify shipping-zones or delivery-profiles export",
    "a WooCommerce shipping-zones export",
    "a UCP body",
    "an OpenAI / ACP product feed (CSV, TSV, JSON)",
)


class SourceProblem(Exception):
    """A source that cannot be read: its name and what is wrong, for a message and exit status 2."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


def read_source(source: str, limits: Limits = DEFAULT_LIMITS) -> list[SourceDraft]:
    try:
        if is_url(source):
            return [_page(source, limits)]
        text = _read_file(Path(source), limits)
        return _by_content(text, source)
    except ImportProblem as problem:
        raise SourceProblem(source, str(problem)) from None
    except FetchError as error:
        raise SourceProblem(redact(source), f"cannot read the page: {error}") from None


def _read_file(path: Path, limits: Limits) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportProblem("there is no such file") from None
    except IsADirectoryError:
        raise ImportProblem("is a directory, not a file") from None
    except OSError as error:
        raise ImportProblem(f"cannot be read ({error.strerror or error})") from None
    if len(data) > limits.max_decoded_bytes:
        raise ImportProblem(f"is larger than {describe_size(limits.max_decoded_bytes)}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportProblem("is not UTF-8 text") from None


def _page(url: str, limits: Limits) -> SourceDraft:
    from shopterms.validators.drafting.page import read_page_source

    page = fetch_page(url, limits)
    return read_page_source(page.text, page.base_url, page.name)


def _by_content(text: str, source: str) -> list[SourceDraft]:
    stripped = text.lstrip()
    if stripped.startswith("<"):
        from shopterms.validators.drafting.page import read_page_source

        return [read_page_source(text, Path(source).resolve().as_uri(), source)]
    payload = _json(stripped)
    if payload is not None:
        return _by_json(payload, text, source)
    rows = feeds.feed_rows(text)
    if rows is not None:
        return feeds.read_feed(rows, source)
    raise ImportProblem(f"is neither HTML, JSON nor a product feed; init reads {_kinds()}")


def _json(text: str) -> Any:
    if not text or text[0] not in "[{":
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


def _by_json(payload: Any, text: str, source: str) -> list[SourceDraft]:
    if _is_jsonld(payload):
        from shopterms.validators.drafting.page import read_jsonld_source

        return [read_jsonld_source(text, source)]
    if google.is_google(payload):
        return [google.read_google(payload, source)]
    if shopify.is_shopify(payload):
        return [shopify.read_shopify(payload, source)]
    if woocommerce.is_woocommerce(payload):
        return [woocommerce.read_woocommerce(payload, source)]
    if feeds.is_ucp(payload):
        return [feeds.read_ucp(payload, source)]
    rows = feeds.feed_rows(text)
    if rows is not None:
        return feeds.read_feed(rows, source)
    raise ImportProblem(f"is JSON of no kind init reads ({_found(payload)}); init reads {_kinds()}")


def _is_jsonld(payload: Any) -> bool:
    items = payload if isinstance(payload, list) else [payload]
    return any(isinstance(item, dict) and ("@context" in item or "@graph" in item) for item in items)


def _found(payload: Any) -> str:
    if isinstance(payload, dict):
        keys = list(payload)[:6]
        return "an object with the keys " + ", ".join(keys) if keys else "an empty object"
    if isinstance(payload, list):
        return f"a list of {len(payload)} items"
    return f"a single {type(payload).__name__}"


def _kinds() -> str:
    return "; ".join(KINDS)
