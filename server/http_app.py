"""The HTTP app: `create_app(registry, ...)` assembles routes, error handling, CORS and the MCP mount.

Routes are defined once and included at the root (one shop) or under /shops/{shop_id} (a directory).
The lifespan runs the file watcher, the SIGHUP handler and the lifespans of mounted apps (the MCP
session manager), because Starlette never runs a mounted app's own lifespan.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shopterms.server.caching import Document, document_response
from shopterms.server.context import MCP_PATH, ServerSettings
from shopterms.server.discovery import server_router, shop_discovery_router
from shopterms.server.docs_page import ASSETS_PATH, docs_asset, docs_page
from shopterms.server.fastpath import FastPath
from shopterms.server.mcp_discovery import CARD_PATH, mcp_card_router, mcp_catalog_router
from shopterms.server.mounts import Mount
from shopterms.server.openapi_doc import openapi_document
from shopterms.server.problems import install_problem_handlers
from shopterms.server.reload import Reloader
from shopterms.server.routes_dates import dates_router
from shopterms.server.routes_performance import performance_router
from shopterms.server.routes_terms import terms_router
from shopterms.server.routes_versions import server_keys_router, versions_router
from shopterms.server.state import ShopRegistry

# Browser-based agents read these across origins.
EXPOSED_HEADERS = ["ETag", "Link"]


class ApiCors:
    """CORS for the API routes, leaving mounted apps (the MCP endpoint) to answer CORS themselves.

    The terms are public and read-only, so any origin may read them. The MCP endpoint admits only its
    allowed origins and its own Mcp-* headers; an open policy laid over it would undo that.
    """

    def __init__(self, app: ASGIApp, mount_paths: Sequence[str] = (), api_paths: Sequence[str] = ()) -> None:
        self.app = app
        # Mount paths may hold parameters (/shops/{shop_id}/mcp): each matches one path segment.
        self.mounted = [_path_pattern(path, subpaths=True) for path in mount_paths]
        self.api_paths = [_path_pattern(path) for path in api_paths]  # the API's documents under a mount
        self.cors = CORSMiddleware(
            app,
            allow_origins=["*"],
            allow_methods=["GET", "HEAD", "OPTIONS"],
            allow_headers=["Accept", "If-None-Match"],
            expose_headers=EXPOSED_HEADERS,
            max_age=86400,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        mounted = any(pattern.match(path) for pattern in self.mounted)
        if scope["type"] == "http" and mounted and not any(pattern.match(path) for pattern in self.api_paths):
            await self.app(scope, receive, send)
        else:
            await self.cors(scope, receive, send)


async def _stopped(task: asyncio.Task[None]) -> None:
    """Cancel a background task and wait until it has ended (the file watcher stops its thread first)."""
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


def _path_pattern(path: str, *, subpaths: bool = False) -> re.Pattern[str]:
    """A route path as a regular expression: each {parameter} one segment; with `subpaths`, what lies
    under it too."""
    parts = re.split(r"\{[^}]+\}", path)
    body = "[^/]+".join(re.escape(part) for part in parts)
    return re.compile(f"^{body}(?:/.*)?$" if subpaths else f"^{body}$")


def _headers_only(send: Send) -> Send:
    """`send` for a HEAD request answered as its GET: the same status and headers, no body."""

    async def without_body(message: Message) -> None:
        if message["type"] != "http.response.body":
            await send(message)
        elif not message.get("more_body", False):
            await send({"type": "http.response.body", "body": b"", "more_body": False})

    return without_body


class TermsApp(FastAPI):
    """FastAPI with HEAD for every GET, and the fast path in front: what is already rendered is sent
    without routing."""

    fast_path: FastPath | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "HEAD":
            # RFC 9110 §9.3.2: HEAD is GET without the content. Answering it as the GET guarantees the same
            # headers (Content-Length, ETag, Link) for every resource, routes, documents and mounts alike.
            scope, send = {**scope, "method": "GET"}, _headers_only(send)
        if scope["type"] == "http" and self.fast_path is not None:
            try:
                response = self.fast_path.response(scope)
            except Exception:  # the full app answers instead, with its error handling
                response = None
            if response is not None:
                await response(scope, receive, send)
                return
        await super().__call__(scope, receive, send)


def create_app(
    registry: ShopRegistry,
    *,
    settings: ServerSettings | None = None,
    mounts: Sequence[Mount] = (),
    watch: float | None = None,
    handle_sighup: bool = True,
    fast_path: bool = True,
    reloader: Reloader | None = None,
) -> FastAPI:
    """The HTTP app serving `registry`.

    `mounts` are sub-apps (the MCP endpoint, see server.mcp_mount.mcp_mounts) whose lifespans run
    inside this app's. `watch` polls the policy files every so many seconds and reloads what changed.
    `fast_path` sends what is already rendered before routing (see server.fastpath). `reloader` takes up
    changes (default: re-reading the policy files; server.store_source.StoreWatcher for a store).
    """
    settings = settings or ServerSettings(mcp=bool(mounts))
    reloader = reloader or Reloader(registry)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Any]]:
        async with AsyncExitStack() as stack:
            for mount in mounts:
                if mount.lifespan is not None:
                    await stack.enter_async_context(mount.lifespan())
            if handle_sighup and reloader.install_sighup():
                stack.callback(reloader.remove_sighup)
            if watch:
                task = asyncio.create_task(reloader.watch(watch))
                stack.push_async_callback(_stopped, task)
            yield {"reloader": reloader}

    first = next(iter(registry.states.values()), None)
    title = f"{first.policy.shop.name} terms" if first and not registry.directory else "Shop terms"
    app = TermsApp(
        title=title,
        lifespan=lifespan,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        separate_input_output_schemas=False,
    )
    app.fast_path = FastPath(registry, settings) if fast_path else None
    app.state.registry = registry
    app.state.reloader = reloader
    install_problem_handlers(app)
    cards = [mount.path + CARD_PATH.removeprefix(MCP_PATH) for mount in mounts] if settings.mcp else []
    app.add_middleware(ApiCors, mount_paths=[mount.path for mount in mounts], api_paths=cards)

    prefix = "/shops/{shop_id}" if registry.directory else ""
    for router in (terms_router, dates_router, shop_discovery_router, versions_router):
        app.include_router(router(registry, settings), prefix=prefix)
    if registry.performance is not None:  # served with measured figures
        app.include_router(performance_router(registry, settings), prefix=prefix)
    app.include_router(server_router(registry, settings))
    if settings.mcp:  # before the mounts, so <endpoint>/server-card resolves here
        app.include_router(mcp_card_router(registry, settings), prefix=prefix)
        app.include_router(mcp_catalog_router(registry, settings))
    if registry.directory:
        app.include_router(server_keys_router(registry, settings))
    _document_routes(app, registry, settings, title, prefix)
    for mount in mounts:
        app.mount(mount.path, mount.app)
    return app


def _document_routes(
    app: FastAPI, registry: ShopRegistry, settings: ServerSettings, title: str, prefix: str
) -> None:
    rendered: dict[tuple[object, ...], Document] = {}

    def openapi() -> Document:
        # A replica's description names no shop: it is the same on every replica, whatever each holds.
        states = {} if registry.lazy else registry.states
        generation = tuple((shop_id, state.loaded_at) for shop_id, state in states.items())
        if generation not in rendered:
            rendered.clear()  # only the current generation is kept
            first = next(iter(states.values()), None)
            shop_ids = list(states) if registry.directory else []
            policy = first.policy if first else None
            rendered[generation] = openapi_document(app, title, policy, prefix, shop_ids)
        return rendered[generation]

    async def openapi_json(request: Request) -> Response:
        return document_response(request, openapi(), settings.cache_control)

    async def docs(request: Request) -> Response:
        return docs_page(title)

    app.add_route("/openapi.json", openapi_json, include_in_schema=False)
    app.add_route("/docs", docs, include_in_schema=False)
    app.add_route(ASSETS_PATH + "/{name}", docs_asset, include_in_schema=False)
