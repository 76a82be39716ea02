"""The MCP server mounted into the HTTP app: one streamable-HTTP endpoint per shop, reading the live state.

`mcp` is imported here (through server.mcp_server and server.mcp_http) and this module is imported
only when serving with MCP, so the API alone never pays for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from shopterms.server.context import MCP_PATH
from shopterms.server.mounts import Mount
from shopterms.server.performance_source import PerformanceSource
from shopterms.server.state import ShopRegistry
from shopterms.server.terms import ShopTerms

if TYPE_CHECKING:
    from shopterms.server.mcp_compare import CompareScope


def mcp_mount(
    current: Callable[[], ShopTerms],
    path: str,
    hosts: Sequence[str],
    origins: Sequence[str],
    compare_scope: CompareScope | None = None,
    performance: PerformanceSource | None = None,
) -> Mount:
    """The MCP endpoint for the shop `current()` returns, to mount at `path`."""
    from shopterms.server.mcp_http import streamable_http_endpoint
    from shopterms.server.mcp_server import create_mcp

    endpoint = streamable_http_endpoint(create_mcp(current, compare_scope, performance), hosts, origins)
    return Mount(path, endpoint.app, endpoint.lifespan)


def mcp_mounts(registry: ShopRegistry, hosts: Sequence[str] = (), origins: Sequence[str] = ()) -> list[Mount]:
    """The MCP endpoint at /mcp, or at /shops/{id}/mcp for each shop of a directory.

    `hosts` and `origins` extend the local ones the endpoint always accepts (DNS-rebinding protection).
    """
    if not registry.directory:
        return [mcp_mount(registry.only_terms, MCP_PATH, hosts, origins, performance=registry.performance)]
    from shopterms.server.mcp_compare import CompareScope

    mounts = []
    for shop_id in registry.shops:

        def current(shop_id: str = shop_id) -> ShopTerms:
            return registry.only_terms(shop_id)

        # Every shop's server may compare its shop with the others of the directory, by id.
        scope = CompareScope(lambda: registry.states, shop_id, lambda other: f"/shops/{other}/policy")
        path = f"/shops/{shop_id}{MCP_PATH}"
        mounts.append(mcp_mount(current, path, hosts, origins, scope, registry.performance))
    return mounts
