"""The API catalog of RFC 9727: a linkset (RFC 9264) at /.well-known/api-catalog naming the API.

The catalog lists the API as an `item`; the API's own entry links its OpenAPI description
(`service-desc`), its documentation (`service-doc`), its health check (`status`) and, where served,
the MCP endpoint. The MCP endpoint is an item too, described (`service-desc`) by its server card, and
the catalog links the AI Catalog that lists the cards. A static build has no API, so its catalog links
the published files instead.
"""

from __future__ import annotations

from typing import Any

from shopterms.policy.documents.ai_catalog import CATALOG_MEDIA_TYPE, CATALOG_PATH, card_url
from shopterms.policy.documents.server_card import CARD_MEDIA_TYPE
from shopterms.policy.documents.site import Site

MEDIA_TYPE = 'application/linkset+json; profile="https://www.rfc-editor.org/info/rfc9727"'
OPENAPI_MEDIA_TYPE = "application/vnd.oai.openapi+json;version=3.1"


def _link(href: str, media_type: str | None = None, title: str | None = None) -> dict[str, str]:
    link = {"href": href}
    if media_type:
        link["type"] = media_type
    if title:
        link["title"] = title
    return link


def _api_entry(site: Site) -> dict[str, Any]:
    endpoints = site.endpoints()
    entry: dict[str, Any] = {
        "anchor": site.url("/"),
        "service-desc": [_link(site.url(endpoints["openapi"]), OPENAPI_MEDIA_TYPE, "OpenAPI description")],
        "service-doc": [
            _link(site.url(endpoints["docs"]), "text/html", "API documentation"),
            _link(site.url(endpoints["llms_txt"]), "text/markdown", "The terms for language models"),
        ],
        "status": [_link(site.url(endpoints["health"]), "application/json")],
        "describedby": [
            _link(site.url(endpoints["policy_jsonld"]), "application/ld+json", "The terms as JSON-LD")
        ],
    }
    if site.mcp_url:
        entry["related"] = [_link(site.mcp_url, "application/json", "MCP endpoint (streamable HTTP)")]
    return entry


def _static_entry(site: Site) -> dict[str, Any]:
    files = site.endpoints()
    return {
        "anchor": site.url("/"),
        "service-doc": [
            _link(site.url(files["terms_page"]), "text/html", "The terms for people"),
            _link(site.url(files["llms_txt"]), "text/markdown", "The terms for language models"),
        ],
        "describedby": [
            _link(site.url(files["policy_jsonld"]), "application/ld+json", "The terms as JSON-LD")
        ],
    }


def _mcp_entry(mcp_url: str) -> dict[str, Any]:
    card = _link(card_url(mcp_url), CARD_MEDIA_TYPE, "MCP server card")
    return {"anchor": mcp_url, "service-desc": [card]}


def api_catalog(sites: list[Site], catalog_url: str) -> dict[str, Any]:
    """The linkset document for one or more published sites; `catalog_url` is its own address."""
    entries = [_api_entry(site) if site.api else _static_entry(site) for site in sites]
    entries += [_mcp_entry(site.mcp_url) for site in sites if site.mcp_url]
    catalog: dict[str, Any] = {"anchor": catalog_url, "item": [_link(entry["anchor"]) for entry in entries]}
    if any(site.mcp_url for site in sites):
        root = catalog_url.removesuffix("/.well-known/api-catalog")
        catalog["related"] = [_link(root + CATALOG_PATH, CATALOG_MEDIA_TYPE, "AI Catalog of the MCP servers")]
    return {"linkset": [catalog, *entries]}
