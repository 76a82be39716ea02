"""The MCP discovery files of a build: a server card for clients and the MCP Registry's server.json.

The card goes where discovery tools look for it on the shop's site; server.json is what
`mcp-publisher publish` reads. Both name the endpoint `shopterms serve` provides at /mcp/ on the
shop's own address; the running server also answers with its card at <endpoint>/server-card.
"""

from __future__ import annotations

import json
from typing import Any

from shopterms.policy.documents.artefacts import BuildInput
from shopterms.policy.documents.server_card import default_mcp_url, registry_server, server_card

CARD_FILE = ".well-known/mcp/server-card.json"
REGISTRY_FILE = "server.json"


def _json(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def mcp_files(build: BuildInput) -> dict[str, bytes]:
    url = default_mcp_url(build.policy)
    return {
        CARD_FILE: _json(server_card(build.policy, url)),
        REGISTRY_FILE: _json(registry_server(build.policy, url)),
    }
