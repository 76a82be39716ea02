"""The fast path: rendered documents and memoised answers served before FastAPI's routing.

Routing, dependency resolution and the middleware stack cost a FastAPI request more than sending a
pre-rendered document does. A GET for something already rendered (the policy, the JSON-LD, the terms
pages, llms.txt, the UCP profile, an answer in a shop's memo) is therefore answered here, with the
very response the route would give; anything else (first requests, errors, CORS requests from
browsers, HEAD, the MCP endpoint) goes through the full app. The routes stay the definition: this
module only looks up what they rendered, or renders it with the same functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Scope

from shopterms.policy.documents.site import Site
from shopterms.server.answer_keys import PARAMETERS_BY_PATH, answer_key
from shopterms.server.caching import Document, document_response
from shopterms.server.context import ServerSettings, site_for
from shopterms.server.discovery import llms_document, page_links, ucp_document
from shopterms.server.negotiation import prefers_jsonld
from shopterms.server.state import ShopRegistry, ShopState

_PAGE = re.compile(r"^/(?:index(?:\.[A-Za-z0-9-]{1,16})?\.html)?$")
Handler = Callable[[Request, ShopState], Response | None]


class FastPath:
    """Finds the response to a plain GET among what is already rendered, or says it cannot."""

    def __init__(self, registry: ShopRegistry, settings: ServerSettings) -> None:
        self.registry = registry
        self.settings = settings
        self.cache = settings.cache_control
        self.handlers: dict[str, Handler] = {
            "/policy": self._policy,
            "/policy.jsonld": lambda request, shop: self._send(request, shop, "policy.jsonld"),
            "/llms.txt": lambda request, shop: self._plain(
                request, llms_document(shop, self._site(request, shop))
            ),
            "/.well-known/ucp": lambda request, shop: self._plain(
                request, ucp_document(shop, self._site(request, shop))
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
        shop, rest = found
        if _PAGE.match(rest):
            return self._page(request, shop, rest)
        handler = self.handlers.get(rest)
        return None if handler is None else handler(request, shop)

    def _shop(self, path: str) -> tuple[ShopState, str] | None:
        if not self.registry.directory:
            states = self.registry.states
            return (next(iter(states.values())), path) if len(states) == 1 else None
        if not path.startswith("/shops/"):
            return None
        shop_id, slash, rest = path[len("/shops/") :].partition("/")
        state = self.registry.get(shop_id)
        return None if state is None or not slash else (state, "/" + rest)

    def _site(self, request: Request, shop: ShopState) -> Site:
        return site_for(request, self.settings, self.registry, shop)

    def _plain(self, request: Request, document: Document) -> Response:
        return _with_vary_origin(document_response(request, document, self.cache))

    def _send(
        self, request: Request, shop: ShopState, name: str, headers: dict[str, str] | None = None
    ) -> Response:
        return _with_vary_origin(document_response(request, shop.documents[name], self.cache, headers))

    def _policy(self, request: Request, shop: ShopState) -> Response:
        name = "policy.jsonld" if prefers_jsonld(request.headers.get("accept")) else "policy.json"
        return self._send(request, shop, name, {"Vary": "Accept"})

    def _page(self, request: Request, shop: ShopState, rest: str) -> Response | None:
        name = "index.html" if rest in {"/", "/index.html"} else rest.lstrip("/")
        if name not in shop.documents:
            return None
        links = page_links(request, self.settings, self.registry, shop)
        return self._send(request, shop, name, {"Link": links})

    def _answer(self, path: str) -> Handler:
        names = PARAMETERS_BY_PATH[path]

        def handler(request: Request, shop: ShopState) -> Response | None:
            values: dict[str, str | None] = dict.fromkeys(names)
            for name, value in parse_qsl(request.url.query, keep_blank_values=True):
                if name not in values:
                    return None  # the route refuses it, in its own words
                values[name] = value  # the last one wins, as in FastAPI
            key = answer_key(path, values)
            document = None if key is None else shop.memo.peek(key)
            return None if document is None else self._plain(request, document)

        return handler


def _with_vary_origin(response: Response) -> Response:
    # What the CORS middleware adds to a same-origin response, so both paths answer alike.
    vary = response.headers.get("vary")
    response.headers["Vary"] = f"{vary}, Origin" if vary else "Origin"
    return response
