"""The JSON-LD and the terms pages with the shop's measured figures laid in.

A version's documents are rendered without figures (at load, or by `publish`): figures change with
every run, terms only with a new version. Where figures exist for the moment asked, the served JSON-LD
and pages are derived from the version's documents and the run's figures, once per version and run,
and kept in the version's memo; their ETag names both, so a cache learns of a new run.
"""

from __future__ import annotations

import json

from shopterms.policy.documents.artefacts import BuildInput
from shopterms.policy.documents.served import JSONLD, POLICY_JSONLD
from shopterms.policy.documents.terms_page.page import terms_page_files
from shopterms.policy.evidence.figures import DeliveryPerformance
from shopterms.policy.jsonld import dumps
from shopterms.policy.jsonld.performance import with_performance
from shopterms.server.caching import Document
from shopterms.server.performance_source import PerformanceSource, figures_at
from shopterms.server.version_state import HTML, ShopState, version_etag


def carries_figures(name: str) -> bool:
    return name == POLICY_JSONLD or name.endswith(".html")


def served_document(
    source: PerformanceSource | None, shop: ShopState, name: str, as_of: str | None
) -> Document:
    """The version's document `name`, with the figures in force at `as_of` when it shows figures."""
    document = shop.documents[name]
    if source is None or not carries_figures(name):
        return document
    figures = figures_at(source, shop.shop_id, as_of)
    if figures is None:
        return document
    stamp = figures.computed_at.strftime("%Y%m%dT%H%M%S%fZ")
    key = ("with-figures", name, stamp)
    return shop.memo.get(key, lambda: _derived(shop, name, figures, document, stamp))


def _derived(
    shop: ShopState, name: str, figures: DeliveryPerformance, document: Document, stamp: str
) -> Document:
    etag = version_etag(shop.version, name)[:-1] + f'-figures-{stamp}"'
    if name == POLICY_JSONLD:
        graph = with_performance(json.loads(document.text), shop.policy, figures)
        return Document.of(dumps(graph), JSONLD, etag)
    pages = terms_page_files(BuildInput(shop.policy, str(shop.path or shop.shop_id), figures))
    return Document.of(pages[name], HTML, etag)
