"""`shopterms build` publishes the MCP discovery files: the AI Catalog, the server card and server.json."""

from __future__ import annotations

import json
import subprocess
import sys

from shopterms.policy.documents.artefacts import BuildInput, render_artefacts
from shopterms.policy.documents.mcp_files import CARD_FILE, CATALOG_FILE, LEGACY_CATALOG_FILE, REGISTRY_FILE
from shopterms.policy.loader import read_policy
from tests.conftest import EXAMPLES_DIR


def test_build_writes_the_catalog_the_card_and_a_registry_entry_naming_the_endpoint() -> None:
    path = EXAMPLES_DIR / "nordlicht-mode.yaml"
    files = render_artefacts(BuildInput(read_policy(path), str(path)), ["mcp-discovery"])
    assert sorted(files) == sorted([CATALOG_FILE, LEGACY_CATALOG_FILE, CARD_FILE, REGISTRY_FILE])
    assert (CATALOG_FILE, CARD_FILE) == (".well-known/ai-catalog.json", "mcp/server-card")
    card, entry = json.loads(files[CARD_FILE]), json.loads(files[REGISTRY_FILE])
    assert card["name"] == entry["name"] == "example.nordlicht-mode/terms"
    assert entry["remotes"] == [{"type": "streamable-http", "url": "https://nordlicht-mode.example/mcp/"}]
    assert card["remotes"][0]["url"] == "https://nordlicht-mode.example/mcp/"
    catalog = json.loads(files[CATALOG_FILE])
    assert files[LEGACY_CATALOG_FILE] == files[CATALOG_FILE]
    assert catalog["entries"] == [
        {
            "identifier": "urn:air:nordlicht-mode.example:mcp:terms",
            "displayName": "Nordlicht Mode terms",
            "type": "application/mcp-server-card+json",
            "url": "https://nordlicht-mode.example/mcp/server-card",
        }
    ]


def test_writing_the_discovery_files_does_not_load_the_mcp_package() -> None:
    code = "import sys, shopterms.policy.documents.mcp_files; print('mcp' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert run.stdout.strip() == "False"
