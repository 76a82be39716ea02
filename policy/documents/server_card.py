"""Discovery documents for a shop's MCP endpoint: an MCP server card and an MCP Registry server.json.

Both describe only identity and how to connect (the streamable-HTTP address and protocol versions);
the tools and resources are listed by the server itself at run time. The name is the shop's web
address in reverse-DNS form, which is also the name the MCP server reports when a client connects,
so the card and the live server agree.
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Any
from urllib.parse import urlsplit

from shopterms.policy.model import Policy

CARD_SCHEMA = "https://static.modelcontextprotocol.io/schemas/v1/server-card.schema.json"
CARD_MEDIA_TYPE = "application/mcp-server-card+json"
REGISTRY_SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json"
# Every revision the server answers: the initialize handshake of 2024 and 2025, and the stateless 2026 one.
PROTOCOL_VERSIONS = ("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28")
# Registry and card limit descriptions and titles to this many characters.
MAX_TEXT = 100


def default_mcp_url(policy: Policy) -> str:
    """Where the endpoint is when `shopterms serve` runs behind the shop's own address: <origin>/mcp/."""
    parts = urlsplit(policy.shop.url)
    return f"{parts.scheme}://{parts.netloc}/mcp/"


def server_name(policy: Policy) -> str:
    """`example.nordlicht-mode/terms` for https://nordlicht-mode.example: reverse-DNS namespace, one slash."""
    host = (urlsplit(policy.shop.url).hostname or "shop.invalid").removeprefix("www.")
    return ".".join(reversed(host.split("."))) + "/terms"


def server_title(policy: Policy) -> str:
    return _fit(f"{policy.shop.name} terms")


def server_description(policy: Policy) -> str:
    """One sentence for catalogue listings; shortened to the registry's limit for long shop names."""
    return _fit(f"Shipping, returns, payment and support terms of {policy.shop.name}, for shopping agents.")


def _fit(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


def _identity(policy: Policy) -> dict[str, Any]:
    return {
        "name": server_name(policy),
        "version": version("shopterms"),
        "title": server_title(policy),
        "description": server_description(policy),
        "websiteUrl": policy.shop.url,
    }


def server_card(policy: Policy, mcp_url: str) -> dict[str, Any]:
    """The server card of the MCP endpoint at `mcp_url`, for clients discovering it before connecting."""
    remote = {"type": "streamable-http", "url": mcp_url, "supportedProtocolVersions": list(PROTOCOL_VERSIONS)}
    return {"$schema": CARD_SCHEMA, **_identity(policy), "remotes": [remote]}


def registry_server(policy: Policy, mcp_url: str) -> dict[str, Any]:
    """The server.json to publish the endpoint in the MCP Registry (schema of 2025-12-11)."""
    return {
        "$schema": REGISTRY_SCHEMA,
        **_identity(policy),
        "remotes": [{"type": "streamable-http", "url": mcp_url}],
    }
