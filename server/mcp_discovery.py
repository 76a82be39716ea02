"""Finding the MCP servers: each shop's server card beside its endpoint, and the AI Catalog listing them.

The HTTP app serves these (not the MCP server): they are documents like the API catalog, with the
same ETags, public address and reload behaviour, and the routes come before the MCP mount, so
<endpoint>/server-card resolves here. The bytes are those `shopterms build` writes for the same
address (policy.documents.mcp_files).
"""
# No "from __future__ import annotations": FastAPI reads the route signatures, whose dependency types
# are local to the router factory.

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import Response

from shopterms.policy.documents.ai_catalog import (
    CATALOG_MEDIA_TYPE,
    CATALOG_PATH,
    LEGACY_CATALOG_PATH,
    CardEntry,
    ai_catalog,
    card_url,
)
from shopterms.policy.documents.server_card import CARD_MEDIA_TYPE, server_card
from shopterms.policy.documents.site import Site
from shopterms.server.caching import Document, DocumentMemo, document_response
from shopterms.server.context import MCP_PATH, ServerSettings, root_url, site_for
from shopterms.server.discovery import json_document
from shopterms.server.resolvers import shop_resolver
from shopterms.server.state import JSON, ShopRegistry, ShopState

# Cards and catalogs are read by browser-based clients on any origin; the draft asks for these headers.
CARD_CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "ETag"}
CARD_CACHE_CONTROL = "public, max-age=3600"
CARD_PATH = MCP_PATH + "/server-card"


def _responses(media_type: str, required: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {media_type: {"schema": {"type": "object", "required": [required]}}}}}


def card_document(shop: ShopState, site: Site) -> Document:
    def render() -> Document:
        return json_document(server_card(shop.policy, site.mcp_url or ""), CARD_MEDIA_TYPE)

    return shop.memo.get(("server-card", site), render)


def mcp_card_router(registry: ShopRegistry, settings: ServerSettings) -> APIRouter:
    """The server card of a shop's MCP endpoint, at <endpoint>/server-card (included per shop)."""
    router = APIRouter(tags=["discovery"])
    Shop = Annotated[ShopState, Depends(shop_resolver(registry))]

    @router.get(
        CARD_PATH,
        summary="MCP server card",
        description="The server card (SEP-2127 draft) of this shop's MCP endpoint: name, version, title, "
        "description, address and protocol versions, for clients discovering it before they connect.",
        response_class=Response,
        responses=_responses(CARD_MEDIA_TYPE, "name"),
    )
    async def mcp_server_card(request: Request, shop: Shop) -> Response:
        document = card_document(shop, site_for(request, settings, registry, shop))
        return document_response(request, document, CARD_CACHE_CONTROL, dict(CARD_CORS))

    return router


def mcp_catalog_router(registry: ShopRegistry, settings: ServerSettings) -> APIRouter:
    """The AI Catalog of every shop's MCP server card, at the server root."""
    router = APIRouter(tags=["discovery"])
    memo = DocumentMemo(size=16)

    def catalog(request: Request, media_type: str) -> Response:
        root = root_url(request, settings)
        generation = tuple((shop_id, state.loaded_at) for shop_id, state in registry.states.items())

        def render() -> Document:
            cards = [
                CardEntry(state.policy, card_url(site_for(request, settings, registry, state).mcp_url or ""))
                for state in registry.states.values()
            ]
            host = None if registry.directory else registry.current().policy
            return json_document(ai_catalog(cards, host), media_type)

        document = memo.get(("ai-catalog", media_type, root, generation), render)
        return document_response(request, document, CARD_CACHE_CONTROL, dict(CARD_CORS))

    @router.get(
        CATALOG_PATH,
        summary="AI Catalog of the MCP servers",
        description="Lists the MCP server card of every shop served, for clients discovering MCP servers "
        "by domain (SEP-2127 draft).",
        response_class=Response,
        responses=_responses(CATALOG_MEDIA_TYPE, "entries"),
    )
    async def ai_catalog_document(request: Request) -> Response:
        return catalog(request, CATALOG_MEDIA_TYPE)

    @router.get(
        LEGACY_CATALOG_PATH,
        summary="MCP catalog (earlier draft address)",
        description="The same catalog at the address an earlier revision of the server-card draft used.",
        response_class=Response,
        responses=_responses(JSON, "entries"),
    )
    async def legacy_catalog_document(request: Request) -> Response:
        return catalog(request, JSON)

    return router
