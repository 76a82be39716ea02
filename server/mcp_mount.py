"""The MCP endpoint mounted into the HTTP app: one MCP server for every shop, reading the live state.

A single shop is served at /mcp; a directory or store at /shops/{id}/mcp, where one mount and one MCP
server answer for every shop: the shop is found from the path on each request (server.mcp_shops), so
start-up and memory do not grow with the number of shops, and shops added, reloaded or loaded on first
request are served alike.

`mcp` is imported here (through server.mcp_server and server.mcp_http) and this module is imported
only when serving with MCP, so the API alone never pays for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.types import ASGIApp

from shopterms.server.context import MCP_PATH
from shopterms.server.mcp_shops import Find, ShopScope, shop_in_scope
from shopterms.server.mounts import Mount
from shopterms.server.state import ShopRegistry

SHOP_MCP_PATH = "/shops/{shop_id}" + MCP_PATH


def mcp_mounts(
    registry: ShopRegistry,
    hosts: Sequence[str] = (),
    origins: Sequence[str] = (),
    find: Find | None = None,
) -> list[Mount]:
    """The MCP endpoint: at /mcp for a single shop, at /shops/{id}/mcp for many (one mount for all).

    `hosts` and `origins` extend the local ones the endpoint always accepts (DNS-rebinding protection).
    `find` looks a shop up by id for each request (default: among the shops the registry holds now); a
    registry that loads shops on first request passes its loader.
    """
    from shopterms.server.mcp_compare import CompareScope
    from shopterms.server.mcp_http import streamable_http_endpoint
    from shopterms.server.mcp_server import create_mcp

    compare = None
    if registry.directory:
        # Every shop may be compared with the others served, by id.
        compare = CompareScope(
            lambda: registry.states, lambda: shop_in_scope().shop_id, lambda other: f"/shops/{other}/policy"
        )
    server = create_mcp(shop_in_scope, compare, registry.performance)

    def scoped(app: ASGIApp) -> ASGIApp:
        return ShopScope(app, registry, find)

    endpoint = streamable_http_endpoint(server, hosts, origins, scoped)
    path = SHOP_MCP_PATH if registry.directory else MCP_PATH
    return [Mount(path, endpoint.app, endpoint.lifespan)]
