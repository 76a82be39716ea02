"""What every route needs besides the shop: server settings, and the addresses a request is served at."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from shopterms.policy.documents.site import Site
from shopterms.policy.errors import QueryError, listing, suggest
from shopterms.server.answer_keys import PARAMETERS_BY_PATH, accepted
from shopterms.server.resolvers import question
from shopterms.server.selection import (
    AS_OF,
    ORDER_MOMENT_BY_QUESTION,
    cache_control,
    signature_link,
    with_link,
)
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


def answer_headers(
    request: Request, settings: ServerSettings, registry: ShopRegistry, state: ShopState
) -> tuple[str, dict[str, str]]:
    """Cache-Control and headers of a version-bound answer: how long it keeps (no longer than until a
    scheduled version takes over, for answers about now) and the link to the version's signature."""
    terms = registry.terms(state.shop_id)
    values = {name: request.query_params.get(name) for name in (AS_OF, *ORDER_MOMENT_BY_QUESTION.values())}
    cache = cache_control(terms, values, settings.max_age) if terms is not None else settings.cache_control
    base = site_for(request, settings, registry, state).base_url
    return cache, with_link({}, signature_link(base, state))


async def known_parameters(request: Request) -> None:
    """Refuses a query parameter the answer does not take (`zip` for postal_code), naming those it takes.

    Ignoring it would answer a different question than the one asked. Documents and pages take no
    parameters and are left alone (links to them may carry tracking parameters)."""
    endpoint = question(request)
    if endpoint not in PARAMETERS_BY_PATH:
        return
    names = accepted(endpoint)
    for name in request.query_params:
        if name not in names:
            takes = f"it takes {listing(names)}" if names else "it takes no parameters"
            message = f"'{name}' is not a parameter of {endpoint}; {takes}.{suggest(name, names)}"
            raise QueryError(name, message, names)
