"""The fast path: rendered documents and memoised answers served before FastAPI's routing.

Routing, dependency resolution and the middleware stack cost a FastAPI request more than sending a
pre-rendered document does. A GET for something already rendered (the policy, the JSON-LD, the terms
pages, llms.txt, the UCP profile, an answer in a version's memo) is therefore answered here, with the
very response the route would give; anything else (first requests, errors, CORS requests from
browsers, the MCP endpoint) goes through the full app. The routes stay the definition: this module
only looks up what they rendered, choosing the version with the same function (server.selection).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Scope

from shopterms.policy.errors import QueryError
from shopterms.server.answer_keys import AS_OF, PARAMETERS_BY_PATH, accepted, answer_key, with_as_of
from shopterms.server.caching import LIVE_CACHE_CONTROL, Document, document_response
from shopterms.server.context import ServerSettings, answer_headers, site_for
from shopterms.server.discovery import llms_document, page_links, shop_keys, ucp_document
from shopterms.server.live_answers import ESTIMATE_PATH
from shopterms.server.negotiation import prefers_jsonld
from shopterms.server.performance_documents import served_document
from shopterms.server.selection import ORDER_MOMENT_BY_QUESTION, select, with_link
from shopterms.server.state import ShopRegistry, ShopState
from shopterms.server.terms import ShopTerms

_PAGE = re.compile(r"^/(?:index(?:\.[A-Za-z0-9-]{1,16})?\.html)?$")
_CHOOSING = (AS_OF, *ORDER_MOMENT_BY_QUESTION.values())
Handler = Callable[[Request, ShopState, dict[str, str]], Response | None]


class FastPath:
    """Finds the response to a plain GET among what is already rendered, or says it cannot."""

    def __init__(self, registry: ShopRegistry, settings: ServerSettings) -> None:
        self.registry = registry
        self.settings = settings
        self.handlers: dict[str, Handler] = {
            "/policy": self._policy,
            "/policy.jsonld": lambda request, shop, query: self._send(request, shop, "policy.jsonld"),
            "/llms.txt": lambda request, shop, query: self._plain(
                request, shop, llms_document(shop, site_for(request, settings, registry, shop))
            ),
            "/.well-known/ucp": lambda request, shop, query: self._plain(
                request,
                shop,
                ucp_document(
                    shop, site_for(request, settings, registry, shop), shop_keys(registry, shop.shop_id)
                ),
            ),
            **{path: self._answer(path) for path in PARAMETERS_BY_PATH},
        }

    def response(self, scope: Scope) -> Response | None:
        if scope["method"] != "GET":
            return None
        request = Request(scope)
        if "origin" in request.headers:  # cross-origin: let the CORS middleware answer
            return None
        found = self._shop(scope["path"])
        if found is None:
            return None
        terms, rest = found
        query = dict(parse_qsl(request.url.query, keep_blank_values=True))  # the last one wins, as in FastAPI
        page = _PAGE.match(rest)
        handler = None if page else self.handlers.get(rest)
        if not page and handler is None:
            return None
        try:
            shop = select(rest, {name: query.get(name) for name in _CHOOSING}, terms)
        except QueryError:
            return None  # the route answers it, in its own words
        if page:
            return self._page(request, shop, rest)
        assert handler is not None
        return handler(request, shop, query)

    def _shop(self, path: str) -> tuple[ShopTerms, str] | None:
        if not self.registry.directory:
            shops = self.registry.shops
            return (next(iter(shops.values())), path) if len(shops) == 1 else None
        if not path.startswith("/shops/"):
            return None
        shop_id, slash, rest = path[len("/shops/") :].partition("/")
        terms = self.registry.held(shop_id)  # one a replica does not hold is read by the routes
        return None if terms is None or not slash else (terms, "/" + rest)

    def _plain(
        self, request: Request, shop: ShopState, document: Document, headers: dict[str, str] | None = None
    ) -> Response:
        cache, links = answer_headers(request, self.settings, self.registry, shop)
        merged = with_link(dict(headers or {}), links.get("Link"))
        return _with_vary_origin(document_response(request, document, cache, merged))

    def _send(
        self, request: Request, shop: ShopState, name: str, headers: dict[str, str] | None = None
    ) -> Response:
        as_of = request.query_params.get(AS_OF)
        return self._plain(
            request, shop, served_document(self.registry.performance, shop, name, as_of), headers
        )

    def _policy(self, request: Request, shop: ShopState, query: dict[str, str]) -> Response:
        name = "policy.jsonld" if prefers_jsonld(request.headers.get("accept")) else "policy.json"
        return self._send(request, shop, name, {"Vary": "Accept"})

    def _page(self, request: Request, shop: ShopState, rest: str) -> Response | None:
        name = "index.html" if rest in {"/", "/index.html"} else rest.lstrip("/")
        if name not in shop.documents:
            return None
        links = page_links(request, self.settings, self.registry, shop)
        return self._send(request, shop, name, {"Link": links})

    def _answer(self, path: str) -> Handler:
        names = accepted(path)

        def handler(request: Request, shop: ShopState, query: dict[str, str]) -> Response | None:
            if any(name not in names for name in query):
                return None  # the route refuses it, in its own words
            values: dict[str, str | None] = {name: query.get(name) for name in names}
            key = answer_key(path, with_as_of(path, values))
            if key is None:
                return self._live(request, shop, path, values)
            document = shop.memo.peek(key)
            return None if document is None else self._plain(request, shop, document)

        return handler

    def _live(
        self, request: Request, shop: ShopState, path: str, values: dict[str, str | None]
    ) -> Response | None:
        """An answer about now, while the one kept in the version's live memo holds."""
        if path != ESTIMATE_PATH:
            return None
        question = tuple(values.get(name) for name in ("country", "region", "postal_code", "service"))
        now = self.registry.now()
        live = shop.live.peek((ESTIMATE_PATH, *question), now)
        if live is None:
            return None
        _, links = answer_headers(request, self.settings, self.registry, shop)
        response = document_response(request, live.document(now), LIVE_CACHE_CONTROL, links)
        return _with_vary_origin(response)


def _with_vary_origin(response: Response) -> Response:
    # What the CORS middleware adds to a same-origin response, so both paths answer alike.
    vary = response.headers.get("vary")
    response.headers["Vary"] = f"{vary}, Origin" if vary else "Origin"
    return response


__all__ = ["PARAMETERS_BY_PATH", "FastPath"]
