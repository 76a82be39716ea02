"""MCP server discovery by domain: the AI Catalog that lists each shop's MCP server card.

The draft of MCP server cards (SEP-2127, modelcontextprotocol/experimental-ext-server-card) has a
domain publish an AI Catalog at /.well-known/ai-catalog.json (media type application/ai-catalog+json);
each entry points by `url` to a card of type application/mcp-server-card+json, which the server hosts
at <streamable-http-url>/server-card. An earlier revision of the draft placed the catalog, in the same
shape, at /.well-known/mcp/catalog.json; both addresses carry the same document, so clients of either
revision find the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from shopterms.policy.documents.server_card import CARD_MEDIA_TYPE, server_title
from shopterms.policy.model import Policy

CATALOG_PATH = "/.well-known/ai-catalog.json"
LEGACY_CATALOG_PATH = "/.well-known/mcp/catalog.json"
CATALOG_MEDIA_TYPE = "application/ai-catalog+json"
SPEC_VERSION = "1.0"
CARD_SUFFIX = "server-card"


@dataclass(frozen=True)
class CardEntry:
    """One MCP server a catalog lists: the shop, and where its card is."""

    policy: Policy
    card_url: str


def card_url(mcp_url: str) -> str:
    """Where an endpoint hosts its card: <streamable-http-url>/server-card (the reserved location)."""
    return mcp_url.rstrip("/") + "/" + CARD_SUFFIX


def _host(policy: Policy) -> str:
    return (urlsplit(policy.shop.url).hostname or "shop.invalid").removeprefix("www.")


def identifier(policy: Policy, taken: set[str]) -> str:
    """The domain-anchored URN of the shop's server (urn:air:{publisher}:mcp:{name}), unique in `taken`."""
    base = f"urn:air:{_host(policy)}:mcp:terms"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def ai_catalog(entries: list[CardEntry], host: Policy | None = None) -> dict[str, Any]:
    """The catalog of `entries`; `host` names the operator when the catalog speaks for one shop."""
    taken: set[str] = set()
    listed = []
    for entry in entries:
        urn = identifier(entry.policy, taken)
        taken.add(urn)
        listed.append(
            {
                "identifier": urn,
                "displayName": server_title(entry.policy),
                "type": CARD_MEDIA_TYPE,
                "url": entry.card_url,
            }
        )
    catalog: dict[str, Any] = {"specVersion": SPEC_VERSION}
    if host is not None:
        catalog["host"] = {"displayName": host.shop.name, "identifier": _host(host)}
    catalog["entries"] = listed
    return catalog
