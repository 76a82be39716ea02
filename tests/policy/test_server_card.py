"""The MCP server card and registry server.json describe every example shop within the published limits."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from shopterms.policy.documents.server_card import (
    CARD_SCHEMA,
    PROTOCOL_VERSIONS,
    REGISTRY_SCHEMA,
    registry_server,
    server_card,
)
from shopterms.policy.loader import read_policy
from tests.conftest import example_files

MCP_URL = "https://terms.example/mcp/"
# The constraints both documents share with the registry's server.json schema of 2025-12-11.
IDENTITY = {
    "type": "object",
    "required": ["$schema", "name", "version", "description", "remotes"],
    "properties": {
        "name": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$",
            "minLength": 3,
            "maxLength": 200,
        },
        "version": {"type": "string", "maxLength": 255, "not": {"const": "latest"}},
        "description": {"type": "string", "minLength": 1, "maxLength": 100},
        "title": {"type": "string", "minLength": 1, "maxLength": 100},
        "websiteUrl": {"type": "string", "format": "uri"},
        "remotes": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["type", "url"],
                "properties": {"type": {"const": "streamable-http"}, "url": {"pattern": "^https?://"}},
            },
        },
    },
}


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.stem)
def test_card_and_registry_entry_of_every_example_fit_the_schemas(path: Path) -> None:
    policy = read_policy(path)
    card, entry = server_card(policy, MCP_URL), registry_server(policy, MCP_URL)
    jsonschema.Draft7Validator(IDENTITY).validate(card)
    jsonschema.Draft7Validator(IDENTITY).validate(entry)
    assert card["$schema"] == CARD_SCHEMA and entry["$schema"] == REGISTRY_SCHEMA
    assert entry["remotes"] == [{"type": "streamable-http", "url": MCP_URL}]
    assert card["remotes"][0]["supportedProtocolVersions"] == list(PROTOCOL_VERSIONS)


def test_server_name_is_the_shop_address_in_reverse_dns_form() -> None:
    policy = read_policy(example_files()[0].parent / "nordlicht-mode.yaml")
    assert server_card(policy, MCP_URL)["name"] == "example.nordlicht-mode/terms"


def test_card_announces_exactly_the_protocol_versions_the_sdk_serves() -> None:
    from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS, MODERN_PROTOCOL_VERSIONS

    sdk_versions = (*HANDSHAKE_PROTOCOL_VERSIONS, *MODERN_PROTOCOL_VERSIONS)
    assert sdk_versions == PROTOCOL_VERSIONS
