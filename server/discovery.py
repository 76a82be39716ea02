"""Finding the API: llms.txt, the RFC 9727 API catalog, the UCP profile, Link headers, health, shop index."""
# No "from __future__ import annotations": FastAPI reads the route signatures, whose dependency types
# are local to the router factory.

import datetime as dt
import html
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import urlencode

import anyio
from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from shopterms.policy.documents.api_catalog import MEDIA_TYPE as LINKSET_MEDIA_TYPE
from shopterms.policy.documents.api_catalog import OPENAPI_MEDIA_TYPE, api_catalog
from shopterms.policy.documents.json_text import json_text
from shopterms.policy.documents.llms_text import llms_index, llms_text
from shopterms.policy.documents.site import Site
from shopterms.policy.documents.ucp_profile import ucp_profile
from shopterms.server.caching import Document, DocumentMemo, document_response
from shopterms.server.context import (
    MCP_PATH,
    ServerSettings,
    answer_headers,
    root_url,
    site_for,
)
from shopterms.server.problems import PROBLEM_KINDS_BY_NAME, ProblemType, problem_responses, problem_type_url
from shopterms.server.replica import ReplicaRegistry
from shopterms.server.resolvers import shop_resolver
from shopterms.server.shop_cache import CacheReport
from shopterms.server.state import HTML, JSON, ShopRegistry, ShopState
from shopterms.server.store_health import StoreReport
from shopterms.server.version_state import version_etag

T = TypeVar("T")
MARKDOWN = "text/markdown; charset=utf-8"
CATALOG_PATH = "/.well-known/api-catalog"


class ShopHealth(BaseModel):
    """One shop's load state."""

    id: str = Field(description="Shop id.")
    loaded_at: dt.datetime = Field(description="When its terms were last loaded.")
    reload_error: str | None = Field(
        description="Why the last reload failed (the previous terms still serve)."
    )
    version: str | None = Field(
        default=None, description="Content hash of the version in force; null before the first takes effect."
    )


ERRORS_DESCRIPTION = "Every error of the file, one `file:line:col: error[CODE] message` a line."


class BrokenFile(BaseModel):
    """A shop whose policy file has errors."""

    id: str = Field(description="Shop id.")
    file: str = Field(description="The policy file.")
    error: str = Field(description=ERRORS_DESCRIPTION)
    serving: bool = Field(
        description="true: the shop's previous valid terms keep serving; false: it answers 503."
    )


class HealthReport(BaseModel):
    """The server is up; when each shop's terms were loaded, and which policy files have errors."""

    status: Literal["ok", "degraded"] = Field(
        description="ok; or degraded: a policy file has errors (see `broken`; every valid shop serves), "
        "or a replica (serve --replica) cannot read its store (it answers from the shops it holds and "
        "refuses the others with 503).",
        examples=["ok"],
    )
    shops: list[ShopHealth] = Field(description="Every shop served (a replica: every shop it holds now).")
    broken: list[BrokenFile] = Field(default=[], description="Every policy file that failed to load.")
    store: StoreReport | None = Field(default=None, description="A replica's connection to its store.")
    cache: CacheReport | None = Field(default=None, description="A replica's shops held in memory.")


class ShopEntry(BaseModel):
    """One shop served, with its addresses."""

    id: str = Field(description="Shop id: the policy file's name without .yaml.", examples=["nordlicht-mode"])
    name: str = Field(description="The shop's trading name.")
    url: str = Field(description="Base address of this shop's API.")
    terms_page: str = Field(description="The terms for people (HTML).")
    llms_txt: str = Field(description="The terms for language models (Markdown).")
    reload_error: str | None = Field(
        default=None,
        description="Why the latest version of its policy file failed to load (the previous terms serve).",
    )


class UnavailableShop(BaseModel):
    """A shop whose policy file has errors and has no valid terms to serve: its endpoints answer 503."""

    id: str = Field(description="Shop id: the policy file's name without .yaml.")
    url: str = Field(description="Base address of this shop's API (503 until its file is fixed).")
    error: str = Field(description=ERRORS_DESCRIPTION)


class ShopIndex(BaseModel):
    """The shops this server serves, a page at a time."""

    shops: list[ShopEntry] = Field(description="Shops, by id.")
    next: str | None = Field(
        default=None, description="Address of the next page (also in the Link header); null on the last."
    )
    unavailable: list[UnavailableShop] = Field(
        default=[],
        description="Shops whose policy files have errors and which answer 503 (on the first page).",
    )


# The most shops one page of the index lists (and the root documents that list shops name).
PAGE_LIMIT = 1000


def page_links(request: Request, settings: ServerSettings, registry: ShopRegistry, shop: ShopState) -> str:
    """The Link header of a terms page: API catalog, OpenAPI description, JSON-LD and llms.txt."""
    site = site_for(request, settings, registry, shop)
    root = root_url(request, settings)
    return ", ".join(
        [
            f'<{root}{CATALOG_PATH}>; rel="api-catalog"',
            f'<{root}/openapi.json>; rel="describedby"; type="{OPENAPI_MEDIA_TYPE}"',
            f'<{site.url("/policy.jsonld")}>; rel="alternate"; type="application/ld+json"',
            f'<{site.url("/llms.txt")}>; rel="alternate"; type="text/markdown"',
        ]
    )


def _catalog_headers(request: Request, settings: ServerSettings) -> dict[str, str]:
    return {"Link": f'<{root_url(request, settings)}{CATALOG_PATH}>; rel="api-catalog"'}


def _catalog_response(request: Request, settings: ServerSettings, document: Document) -> Response:
    # RFC 9727: a HEAD request finds the catalog by its Link header (the app answers HEAD as GET).
    return document_response(request, document, settings.cache_control, _catalog_headers(request, settings))


_CATALOG_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {LINKSET_MEDIA_TYPE: {"schema": {"type": "object", "required": ["linkset"]}}}},
}


def shop_discovery_router(registry: ShopRegistry, settings: ServerSettings) -> APIRouter:
    """Per-shop documents: llms.txt and the UCP profile (and, for a single shop, the API catalog)."""
    router = APIRouter(tags=["discovery"])
    Shop = Annotated[ShopState, Depends(shop_resolver(registry))]

    def site(request: Request, shop: ShopState) -> Site:
        return site_for(request, settings, registry, shop)

    @router.get(
        "/llms.txt",
        summary="The terms for language models",
        description="The terms summarised in Markdown (llms.txt), with a link to every endpoint.",
        response_class=Response,
        responses={200: {"content": {MARKDOWN: {"schema": {"type": "string"}}}}, **problem_responses(404)},
    )
    async def llms_txt(request: Request, shop: Shop) -> Response:
        cache, headers = answer_headers(request, settings, registry, shop)
        return document_response(request, llms_document(shop, site(request, shop)), cache, headers)

    @router.get(
        "/.well-known/ucp",
        summary="UCP business profile",
        description="Universal Commerce Protocol profile: the REST and MCP endpoints of the terms "
        "service, and links to the shipping and refund policies.",
        response_class=Response,
        responses={200: {"content": {JSON: {"schema": {"type": "object", "required": ["ucp"]}}}}},
    )
    async def ucp(request: Request, shop: Shop) -> Response:
        cache, headers = answer_headers(request, settings, registry, shop)
        document = ucp_document(shop, site(request, shop), shop_keys(registry, shop.shop_id))
        return document_response(request, document, cache, headers)

    if not registry.directory:

        @router.get(
            CATALOG_PATH,
            summary="API catalog",
            description="RFC 9727 API catalog: a linkset naming this API, its OpenAPI description, "
            "documentation and health check.",
            response_class=Response,
            responses=_CATALOG_RESPONSES,
        )
        async def catalog(request: Request, shop: Shop) -> Response:
            document = catalog_document(shop, site(request, shop), root_url(request, settings) + CATALOG_PATH)
            return _catalog_response(request, settings, document)

    return router


def json_document(data: object, media_type: str = JSON) -> Document:
    return Document.of(json_text(data), media_type)


# The documents that name the addresses they are served at, rendered once per shop state and site.
def llms_document(shop: ShopState, site: Site) -> Document:
    etag = version_etag(shop.version, "llms.txt")
    return shop.memo.get(
        ("llms.txt", site), lambda: Document.of(llms_text(shop.policy, site), MARKDOWN, etag)
    )


def shop_keys(registry: ShopRegistry, shop_id: str) -> list[dict[str, Any]]:
    """The public keys that signed any version of the shop, as JWKs (none for terms read from files)."""
    terms = registry.terms(shop_id)
    if registry.signatures is None or terms is None:
        return []
    kids = sorted({version.key_id for version in terms.timeline.versions if version.key_id})
    return registry.signatures.public_keys(kids) if kids else []


def ucp_document(shop: ShopState, site: Site, keys: list[dict[str, Any]] | None = None) -> Document:
    kids = tuple(str(key.get("kid")) for key in keys or [])
    etag = version_etag(shop.version, "ucp")
    return shop.memo.get(
        ("ucp", site, kids),
        lambda: Document.of(json_text(ucp_profile(shop.policy, site, keys or None)), JSON, etag),
    )


def catalog_document(shop: ShopState, site: Site, own_url: str) -> Document:
    return shop.memo.get(
        ("api-catalog", site, own_url),
        lambda: json_document(api_catalog([site], own_url), LINKSET_MEDIA_TYPE),
    )


def server_router(registry: ShopRegistry, settings: ServerSettings) -> APIRouter:
    """Documents about the whole server: health, problem types and, for many shops, the shop index."""
    router = APIRouter(tags=["server"])
    memo = DocumentMemo(size=64)

    def generation() -> tuple[object, ...]:
        # Changes whenever any shop is reloaded, so memoised server-wide documents follow.
        if isinstance(registry, ReplicaRegistry):
            return ("replica", registry.generation)
        loaded = tuple((shop_id, state.loaded_at) for shop_id, state in registry.states.items())
        return (loaded, tuple(registry.errors.items()))  # a file that breaks changes the index too

    @router.get(
        "/healthz",
        response_model=HealthReport,
        summary="Health",
        description="Liveness check; `degraded` names the policy files that have errors (or a replica's "
        "store that cannot be read).",
    )
    async def health() -> HealthReport:
        errors = registry.errors
        replica = registry if isinstance(registry, ReplicaRegistry) else None
        store = replica.health.report() if replica is not None else None
        served = registry.shops
        broken = [
            BrokenFile(id=shop_id, file=str(problem.path), error=problem.message, serving=shop_id in served)
            for shop_id, problem in sorted(registry.problems.items())
        ]
        degraded = bool(broken) or (store is not None and store.status == "degraded")
        return HealthReport(
            status="degraded" if degraded else "ok",
            broken=broken,
            store=store,
            cache=replica.cache.report() if replica is not None else None,
            shops=[
                ShopHealth(
                    id=shop_id,
                    loaded_at=state.loaded_at,
                    reload_error=errors.get(shop_id),
                    version=state.version.hash,
                )
                for shop_id, state in registry.states.items()
            ],
        )

    @router.get(
        "/problems/{kind}",
        response_model=ProblemType,
        summary="A problem type",
        description="What an error's `type` means.",
        responses=problem_responses(404),
    )
    async def problem_type(
        request: Request,
        kind: Annotated[
            str,
            Path(
                description="Name of the problem type.",
                json_schema_extra={"enum": list(PROBLEM_KINDS_BY_NAME)},
            ),
        ],
    ) -> ProblemType:
        info = PROBLEM_KINDS_BY_NAME.get(kind)
        if info is None:
            raise HTTPException(
                404, f"there is no problem type '{kind}'; known: {', '.join(PROBLEM_KINDS_BY_NAME)}"
            )
        return ProblemType(
            type=problem_type_url(request, kind),
            title=info.title,
            status=info.status,
            description=info.description,
        )

    if not registry.directory:
        return router

    # Pages of the index by (root, after, limit), with the address of the page after each.
    following: dict[tuple[object, ...], str | None] = {}

    def page(request: Request, after: str | None = None, limit: int = PAGE_LIMIT) -> ShopIndex:
        """A page of the shop index (a replica reads it from its store, never from memory)."""
        root = root_url(request, settings)
        listing = registry.listing(after, limit)
        result = []
        for shop_id, name in listing.shops:
            base = f"{root}/shops/{shop_id}"
            entry = ShopEntry(
                id=shop_id, name=name, url=base, terms_page=base + "/", llms_txt=base + "/llms.txt"
            )
            result.append(entry.model_copy(update={"reload_error": registry.errors.get(shop_id)}))
        later = None
        if listing.after is not None:
            later = f"{root}/shops?{urlencode({'after': listing.after, 'limit': limit})}"
        unavailable = [
            UnavailableShop(id=shop_id, url=f"{root}/shops/{shop_id}", error=problem.message)
            for shop_id, problem in sorted(registry.unavailable().items())
        ]
        return ShopIndex(shops=result, next=later, unavailable=unavailable if after is None else [])

    async def indexed(
        request: Request,
        name: str,
        render: Callable[[ShopIndex], Document],
        after: str | None = None,
        limit: int = PAGE_LIMIT,
    ) -> tuple[Document, str | None]:
        """A document made from a page of the index, kept until a change is taken up. A replica reads
        the page off the event loop."""
        key = (name, root_url(request, settings), after, limit, generation())
        document = memo.peek(key)
        if document is None:
            index = await _off_loop(registry, lambda: page(request, after, limit))
            document = memo.get(key, lambda: render(index))
            if len(following) > 4 * memo.size:
                following.clear()
            following[key] = index.next
        return document, following.get(key)

    @router.get(
        "/",
        summary="Shops page",
        description="The shops this server serves, for people (HTML).",
        response_class=Response,
        responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}}},
    )
    async def index_page(request: Request) -> Response:
        document, _ = await indexed(
            request, "index.html", lambda index: Document.of(_index_page(index), HTML)
        )
        return document_response(request, document, settings.cache_control)

    @router.get(
        "/shops",
        response_model=ShopIndex,
        summary="Shops",
        description=f"The shops this server serves, by id, up to {PAGE_LIMIT} a page; `next` (and the "
        'Link header, rel="next") names the following page.',
    )
    async def shops(
        request: Request,
        after: Annotated[
            str | None, Query(description="List the shops whose ids sort after this one.", max_length=64)
        ] = None,
        limit: Annotated[
            int, Query(description="The most shops on the page.", ge=1, le=PAGE_LIMIT)
        ] = PAGE_LIMIT,
    ) -> Response:
        document, later = await indexed(
            request, "shops", lambda index: Document.of(index.model_dump_json(), JSON), after, limit
        )
        headers = {"Link": f'<{later}>; rel="next"'} if later else None
        return document_response(request, document, settings.cache_control, headers)

    @router.get(
        "/llms.txt",
        summary="Index for language models",
        description=f"llms.txt of the whole server: one link per shop (the first {PAGE_LIMIT}; /shops "
        "lists them all).",
        response_class=Response,
        responses={200: {"content": {MARKDOWN: {"schema": {"type": "string"}}}}},
    )
    async def llms_index_route(request: Request) -> Response:
        root = root_url(request, settings)

        def render(index: ShopIndex) -> Document:
            listing = [(entry.id, entry.name, entry.url) for entry in index.shops]
            return Document.of(llms_index(listing, root), MARKDOWN)

        document, _ = await indexed(request, "llms.txt", render)
        return document_response(request, document, settings.cache_control)

    @router.get(
        CATALOG_PATH,
        summary="API catalog",
        description="RFC 9727 API catalog: a linkset naming every shop's API (the first "
        f"{PAGE_LIMIT}) and the OpenAPI description.",
        response_class=Response,
        responses=_CATALOG_RESPONSES,
    )
    async def catalog(request: Request) -> Response:
        root = root_url(request, settings)

        def render(index: ShopIndex) -> Document:
            sites = [_site(request, settings, entry.url) for entry in index.shops]
            return json_document(api_catalog(sites, root + CATALOG_PATH), LINKSET_MEDIA_TYPE)

        document, _ = await indexed(request, "api-catalog", render)
        return _catalog_response(request, settings, document)

    return router


def _site(request: Request, settings: ServerSettings, base: str) -> Site:
    """The addresses of a shop served at `base` (as server.context.site_for names them)."""
    mcp_url = base + MCP_PATH + "/" if settings.mcp else None
    return Site(base, api=True, mcp_url=mcp_url, root_url=root_url(request, settings))


async def _off_loop(registry: ShopRegistry, work: Callable[[], T]) -> T:
    """Run `work` in a worker thread when it reads a store (a replica), else right here."""
    if registry.lazy:
        return await anyio.to_thread.run_sync(work)
    return work()


def _index_page(index: ShopIndex) -> str:
    shops = index.shops
    items = "".join(
        f'<li><a href="{html.escape(shop.terms_page)}">{html.escape(shop.name)}</a> '
        f'(<a href="{html.escape(shop.llms_txt)}">llms.txt</a>)</li>'
        for shop in shops
    )
    more = f'<p><a href="{html.escape(index.next)}">More shops</a></p>' if index.next else ""
    return (
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Shop terms</title>'
        f"<h1>Shop terms</h1><ul>{items}</ul>{more}"
        '<p><a href="/openapi.json">OpenAPI</a> · <a href="/docs">API documentation</a></p></html>\n'
    )
