"""The MCP server over streamable HTTP, as an ASGI app to mount at /mcp beside the HTTP API.

Host and Origin headers are checked against allow-lists (protection against DNS rebinding), and CORS
admits browser-based clients from the allowed origins, including the Mcp-* headers both protocol eras
use. The endpoint is stateless: every answer depends only on the request and the policy in force, so
no session has to be kept, and a reload of the policy reaches every client at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass

from mcp.server import MCPServer
from mcp.server.transport_security import TransportSecuritySettings
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp

from shopterms.policy.documents.server_card import PROTOCOL_VERSIONS
from shopterms.server.mcp_front import EndpointIdentity, McpFront
from shopterms.server.mcp_guard import HostOriginGuard

# Local clients are always welcome: a rebinding attack arrives with the attacker's host name, not these.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
LOCAL_ORIGINS = ("http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*")
# Request headers of the 2025 (session) and 2026 (per-request metadata) protocol eras.
REQUEST_HEADERS = (
    "Accept",
    "Authorization",
    "Content-Type",
    "Last-Event-ID",
    "Mcp-Method",
    "Mcp-Name",
    "Mcp-Protocol-Version",
    "Mcp-Session-Id",
)
EXPOSED_HEADERS = ("Mcp-Protocol-Version", "Mcp-Session-Id")


@dataclass(frozen=True)
class McpEndpoint:
    """The app to mount at /mcp, and the context its host app must enter in its lifespan."""

    app: ASGIApp
    lifespan: Callable[[], AbstractAsyncContextManager[None]]


def allowed_hosts(configured: Sequence[str] = ()) -> list[str]:
    """Host header values accepted: the local ones and the configured ones, each with or without a port."""
    hosts: list[str] = []
    for host in (*LOCAL_HOSTS, *configured):
        hosts.append(host)
        if not re.search(r":(\d+|\*)$", host):
            hosts.append(f"{host}:*")
    return list(dict.fromkeys(hosts))


def allowed_origins(configured: Sequence[str] = ()) -> list[str]:
    """Origins accepted: local pages on any port, and the configured ones (`https://app.example`, `…:*`).

    An origin on its scheme's default port is written without one (`http://localhost`), so each `:*`
    entry comes with its portless form too.
    """
    origins: list[str] = []
    for origin in (*LOCAL_ORIGINS, *(origin.rstrip("/") for origin in configured)):
        origins += [origin, origin[:-2]] if origin.endswith(":*") else [origin]
    return list(dict.fromkeys(origins))


def origin_pattern(origins: Sequence[str]) -> str:
    """One regular expression for CORS that reads `:*` the way the host check does: any port (or none)."""
    parts = [
        re.escape(origin[:-2]) + r"(?::[0-9]{1,5})?" if origin.endswith(":*") else re.escape(origin)
        for origin in origins
    ]
    return "^(?:" + "|".join(parts) + ")$"


def streamable_http_endpoint(
    server: MCPServer,
    hosts: Sequence[str] = (),
    origins: Sequence[str] = (),
    scoped: Callable[[ASGIApp], ASGIApp] | None = None,
) -> McpEndpoint:
    """`server` as a stateless streamable-HTTP endpoint with host checks and CORS, ready to mount.

    `scoped` wraps everything inside CORS: server.mcp_shops.ShopScope, which finds the shop a request is
    about, so that even its refusals (unknown shop, 503) carry CORS headers for allowed origins."""
    accepted_origins = allowed_origins(origins)
    security = TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=allowed_hosts(hosts),
        allowed_origins=accepted_origins,
    )
    # The mount supplies /mcp; inside it the endpoint is its root.
    app = server.streamable_http_app(
        streamable_http_path="/", stateless_http=True, json_response=True, transport_security=security
    )

    def identity() -> EndpointIdentity:
        return EndpointIdentity(
            server.name, server.title, server.description, server.version, PROTOCOL_VERSIONS
        )

    # Our exact Host and Origin check runs first: the SDK's matches allowed `host:*` entries by prefix.
    guarded = HostOriginGuard(app, allowed_hosts(hosts), accepted_origins)
    front: ASGIApp = McpFront(guarded, identity)
    cors = CORSMiddleware(
        front if scoped is None else scoped(front),
        allow_origin_regex=origin_pattern(accepted_origins),
        allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
        allow_headers=list(REQUEST_HEADERS),
        expose_headers=list(EXPOSED_HEADERS),
        max_age=600,
    )
    return McpEndpoint(app=cors, lifespan=server.session_manager.run)
