"""What every route needs besides the shop: server settings, and the addresses a request is served at."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Path
from starlette.requests import Request

from shopterms.policy.documents.site import Site
from shopterms.policy.errors import QueryError, listing, suggest
from shopterms.server.answer_keys import PARAMETERS_BY_PATH
from shopterms.server.problems import UnknownShopError
from shopterms.server.state import ShopRegistry, ShopState

MCP_PATH = "/mcp"


@dataclass(frozen=True)
class ServerSettings:
    """Choices made when the app is created."""

    public_url: str | None = None
    """Absolute address the API is reached at (behind a proxy); default: taken from each request."""
    max_age: int = 300
    """Seconds a cache may keep the terms before revalidating."""
    mcp: bool = False
    """Whether an MCP endpoint is mounted (at /mcp, or /shops/{id}/mcp for each shop)."""

    @property
    def cache_control(self) -> str:
        return f"public, max-age={self.max_age}"


def root_url(request: Request, settings: ServerSettings) -> str:
    return (settings.public_url or str(request.base_url)).rstrip("/")


def shop_prefix(registry: ShopRegistry, shop: ShopState) -> str:
    """The path of a shop under the server root: empty for a single shop, /shops/{id} otherwise."""
    return f"/shops/{shop.shop_id}" if registry.directory else ""


def site_for(request: Request, settings: ServerSettings, registry: ShopRegistry, shop: ShopState) -> Site:
    root = root_url(request, settings)
    base = root + shop_prefix(registry, shop)
    return Site(base, api=True, mcp_url=base + MCP_PATH + "/" if settings.mcp else None, root_url=root)


def shop_resolver(registry: ShopRegistry) -> Callable[..., Awaitable[ShopState]]:
    """The FastAPI dependency that finds the shop a request is about (async: no worker-thread hop)."""
    if not registry.directory:

        async def only_shop() -> ShopState:
            return registry.current()

        return only_shop

    async def named_shop(
        shop_id: Annotated[
            str, Path(description="Shop id: the policy file's name without .yaml.", max_length=64)
        ],
    ) -> ShopState:
        state = registry.get(shop_id)
        if state is None:
            ids = sorted(registry.states)
            message = f"there is no shop '{shop_id}'.{suggest(shop_id, ids)} Shops: {listing(ids)}."
            raise UnknownShopError("shop_id", message, ids)
        return state

    return named_shop


async def known_parameters(request: Request) -> None:
    """Refuses a query parameter the answer does not take (`zip` for postal_code), naming those it takes.

    Ignoring it would answer a different question than the one asked. Documents and pages take no
    parameters and are left alone (links to them may carry tracking parameters)."""
    route = request.scope.get("route")
    endpoint = "/" + str(getattr(route, "path", "")).rsplit("/", 1)[-1]
    names = PARAMETERS_BY_PATH.get(endpoint)
    if names is None:
        return
    for name in request.query_params:
        if name not in names:
            takes = f"it takes {listing(names)}" if names else "it takes no parameters"
            message = f"'{name}' is not a parameter of {endpoint}; {takes}.{suggest(name, names)}"
            raise QueryError(name, message, names)
