"""The MCP side of versions: get_policy_history, and the stdio server over a store's shop."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from mcp import Client, StdioServerParameters

from shopterms.server.mcp_server import create_mcp
from shopterms.store.records import VersionInfo
from tests.server.mcp_harness import error_text
from tests.server.store_serving import ERAS, publish_three_eras, store_app


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def versions(store_url: str) -> list[VersionInfo]:
    return publish_three_eras(store_url)


@pytest.mark.anyio
async def test_the_history_tool_lists_the_versions_with_their_status(
    store_url: str, versions: list[VersionInfo]
) -> None:
    with store_app(store_url, now=ERAS["v2"]) as served:
        server = create_mcp(served.registry.only_terms)
        async with Client(server, raise_exceptions=True) as client:
            now = await client.call_tool("get_policy_history", {})
            later = await client.call_tool("get_policy_history", {"as_of": ERAS["v3"]})
            wrong = await client.call_tool("get_policy_history", {"as_of": "next week"})
    assert now.structured_content is not None and later.structured_content is not None
    entries = now.structured_content["versions"]
    assert [(entry["number"], entry["hash"], entry["status"]) for entry in entries] == [
        (3, versions[2].hash, "scheduled"),
        (2, versions[1].hash, "in force"),
        (1, versions[0].hash, "superseded"),
    ]
    assert later.structured_content["versions"][0]["status"] == "in force"
    assert "Invalid argument 'as_of'" in error_text(wrong)


@pytest.mark.anyio
async def test_the_stdio_server_serves_a_shop_of_a_store(store_url: str, versions: list[VersionInfo]) -> None:
    shopterms = str(Path(sys.executable).with_name("shopterms"))
    parameters = StdioServerParameters(
        command=shopterms, args=["mcp", "--store", store_url, "--shop", "nordlicht-mode"]
    )
    async with Client(parameters) as client:
        result = await client.call_tool("get_return_policy", {"country": "AT", "as_of": ERAS["v3"]})
    assert result.structured_content is not None
    assert result.structured_content["window"]["days"] == 14
    assert result.structured_content["version"]["number"] == 3
