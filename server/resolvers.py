"""The FastAPI dependencies that find what a request is about: the shop, and the version of its terms in
force at the moment asked (server.selection)."""
# No "from __future__ import annotations": FastAPI reads these signatures, whose dependency types are
# local to the factories.

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Path, Query
from starlette.requests import Request

from shopterms.policy.arguments import MOMENT
from shopterms.policy.errors import listing, suggest
from shopterms.server.problems import ShopUnavailableError, UnknownShopError, unavailable_detail
from shopterms.server.selection import (
    AS_OF,
    AS_OF_DESCRIPTION,
    AS_OF_EXAMPLE,
    ORDER_MOMENT_BY_QUESTION,
    select,
)
from shopterms.server.state import ShopRegistry, ShopState
from shopterms.server.terms import ShopTerms


def question(request: Request) -> str:
    """The question a request asks: the last segment of its route (/shipping, /return-deadline, …)."""
    route = request.scope.get("route")
    return "/" + str(getattr(route, "path", "")).rsplit("/", 1)[-1]


AsOf = Annotated[
    str | None,
    Query(description=AS_OF_DESCRIPTION, examples=[AS_OF_EXAMPLE], json_schema_extra=MOMENT.schema()),
]


def terms_resolver(registry: ShopRegistry) -> Callable[..., Awaitable[ShopTerms]]:
    """The FastAPI dependency that finds the shop a request is about (async: no worker-thread hop)."""
    if not registry.directory:

        async def only_shop() -> ShopTerms:
            return registry.only_terms()

        return only_shop

    async def named_shop(
        shop_id: Annotated[
            str, Path(description="Shop id: the policy file's name without .yaml.", max_length=64)
        ],
    ) -> ShopTerms:
        terms = await registry.find(shop_id)
        if terms is None:
            problem = registry.problems.get(shop_id)
            if problem is not None:
                raise ShopUnavailableError("shop_id", unavailable_detail(shop_id, problem.message))
            ids = registry.shop_choices()
            if registry.lazy:  # a replica does not list every shop of its store to name them
                message = f"there is no shop '{shop_id}'; the shops served are listed at /shops."
            else:
                message = f"there is no shop '{shop_id}'.{suggest(shop_id, ids)} Shops: {listing(ids)}."
            raise UnknownShopError("shop_id", message, ids)
        return terms

    return named_shop


def shop_resolver(registry: ShopRegistry) -> Callable[..., Awaitable[ShopState]]:
    """The dependency that finds the version of the shop's terms answering a request: in force at `as_of`
    (default now), or at the order's moment for questions about an order (server.selection)."""
    find_terms = terms_resolver(registry)

    async def version_in_force(
        request: Request, terms: Annotated[ShopTerms, Depends(find_terms)], as_of: AsOf = None
    ) -> ShopState:
        values = {
            name: request.query_params.get(name) for name in (AS_OF, *ORDER_MOMENT_BY_QUESTION.values())
        }
        return select(question(request), values, terms)

    return version_in_force
