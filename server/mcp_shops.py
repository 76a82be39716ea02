"""One MCP endpoint for every shop: the shop is found from the request's path, per request.

The endpoint is mounted once at /shops/{shop_id}/mcp (or at /mcp for a single shop). For each request
`ShopScope` looks the shop up (`find`, by default the registry's own: the shops it holds, or for a
replica the shop read from the store on its first request), puts its terms in `SHOP_IN_SCOPE` and
passes the request on to the one MCP server, whose tools, resources and identity all read the shop
from there. Nothing is built per shop, so the
endpoint's cost does not grow with the number of shops, and a shop added while the server runs is
reachable at once. The SDK carries the ASGI task's context variables to the handlers it schedules.

An unknown shop is a 404 problem naming the shops; a shop whose policy file has errors and which has
no valid terms yet is a 503 problem with the located errors, like every other endpoint of that shop.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from shopterms.policy.errors import listing, suggest
from shopterms.server.problems import problem_response, unavailable_detail
from shopterms.server.state import ShopRegistry
from shopterms.server.terms import ShopTerms
from shopterms.store.errors import StoreError

# The terms of the shop the request being answered is about (None outside a request).
SHOP_IN_SCOPE: ContextVar[ShopTerms | None] = ContextVar("shopterms_shop_in_scope", default=None)

Find = Callable[[str], Awaitable[ShopTerms | None]]


def shop_in_scope() -> ShopTerms:
    """The terms of the shop the current MCP request is about."""
    terms = SHOP_IN_SCOPE.get()
    if terms is None:
        raise LookupError("no shop is in scope: the MCP server is called outside a shop's endpoint")
    return terms


class ShopScope:
    """ASGI middleware: the shop named by the path (or the only one) in scope for the app behind it."""

    def __init__(
        self,
        app: ASGIApp,
        registry: ShopRegistry,
        find: Find | None = None,
        problems: Callable[[], Mapping[str, str]] | None = None,
    ) -> None:
        self.app = app
        self.registry = registry
        # The registry's own lookup: the shops held now, or (a replica) read from the store on first request.
        self.find = find or registry.find
        # Shops that are not served because their files have errors, with those errors.
        self.problems = problems or (lambda: registry.errors)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        shop_id = scope.get("path_params", {}).get("shop_id")
        try:
            terms = self.registry.only_terms() if shop_id is None else await self.find(str(shop_id))
        except StoreError as error:  # a replica that cannot read its store: this shop, not the server
            refusal = problem_response(
                Request(scope), "store-unavailable", error.message, headers={"Retry-After": "5"}
            )
            await refusal(scope, receive, send)
            return
        if terms is None:
            await self._refuse(Request(scope), str(shop_id))(scope, receive, send)
            return
        token = SHOP_IN_SCOPE.set(terms)
        try:
            await self.app(scope, receive, send)
        finally:
            SHOP_IN_SCOPE.reset(token)

    def _refuse(self, request: Request, shop_id: str) -> Response:
        error = self.problems().get(shop_id)
        if error is not None:
            return problem_response(
                request, "shop-unavailable", unavailable_detail(shop_id, error), field="shop_id"
            )
        ids = self.registry.shop_choices()
        if self.registry.lazy:  # a replica does not list every shop of its store to name them
            detail = f"there is no shop '{shop_id}'; the shops served are listed at /shops."
        else:
            detail = f"there is no shop '{shop_id}'.{suggest(shop_id, ids)} Shops: {listing(ids)}."
        return problem_response(request, "not-found", detail, field="shop_id", allowed=ids)
