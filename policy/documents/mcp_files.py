"""The MCP discovery files of a build: the AI Catalog, the server card and the MCP Registry's server.json.

They sit at the paths `shopterms serve` answers on the shop's own origin, with the same bytes: the AI
Catalog at /.well-known/ai-catalog.json (and the earlier draft's /.well-known/mcp/catalog.json), the
card at /mcp/server-card, the reserved location beside the endpoint /mcp/. server.json is what
`mcp-publisher publish` reads.
"""

from __future__ import annotations

from shopterms.policy.documents.ai_catalog import (
    CATALOG_PATH,
    LEGACY_CATALOG_PATH,
    CardEntry,
    ai_catalog,
    card_url,
)
from shopterms.policy.documents.artefacts import BuildInput
from shopterms.policy.documents.json_text import json_text
from shopterms.policy.documents.server_card import default_mcp_url, registry_server, server_card

CATALOG_FILE = CATALOG_PATH.lstrip("/")
LEGACY_CATALOG_FILE = LEGACY_CATALOG_PATH.lstrip("/")
CARD_FILE = "mcp/server-card"
REGISTRY_FILE = "server.json"


def mcp_files(build: BuildInput) -> dict[str, bytes]:
    url = default_mcp_url(build.policy)
    catalog = json_text(ai_catalog([CardEntry(build.policy, card_url(url))], host=build.policy)).encode()
    return {
        CATALOG_FILE: catalog,
        LEGACY_CATALOG_FILE: catalog,
        CARD_FILE: json_text(server_card(build.policy, url)).encode("utf-8"),
        REGISTRY_FILE: json_text(registry_server(build.policy, url)).encode("utf-8"),
    }
