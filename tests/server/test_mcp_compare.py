"""The compare_with MCP tool: a served shop beside the others of its directory, by id only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from mcp import Client
from mcp.server import MCPServer

from shopterms.policy.compare import compare, record_from_file
from shopterms.server.http_app import create_app
from shopterms.server.mcp_compare import CompareScope
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.mcp_server import create_mcp
from shopterms.server.state import ShopRegistry, open_registry
from tests.conftest import EXAMPLES_DIR, example_files
from tests.server.mcp_harness import EXAMPLE_CALLS, FixedTerms, assert_valid_output, error_text, serving

pytestmark = pytest.mark.anyio
AT = "2026-03-09T10:00:00+01:00"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def registry(tmp_path: Path) -> ShopRegistry:
    for path in example_files():
        shutil.copyfile(path, tmp_path / path.name)
    return open_registry(tmp_path)


def server_for(registry: ShopRegistry, shop_id: str) -> MCPServer:
    scope = CompareScope(lambda: registry.states, shop_id, lambda other: f"/shops/{other}/policy")
    return create_mcp(lambda: registry.current(shop_id), scope)


async def test_the_tool_is_offered_only_where_other_shops_are_served(registry: ShopRegistry) -> None:
    async with Client(server_for(registry, "nordlicht-mode")) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    assert set(tools) == {*EXAMPLE_CALLS, "compare_with"}
    tool = tools["compare_with"]
    assert tool.annotations is not None and tool.annotations.read_only_hint is True
    assert tool.annotations.open_world_hint is False
    assert tool.description is not None and "Example: compare_with(" in tool.description
    for name, parameter in tool.input_schema["properties"].items():
        assert parameter.get("description"), name
    single = create_mcp(lambda: FixedTerms(registry.current("kleinkram").policy))
    async with Client(single) as client:
        assert "compare_with" not in {tool.name for tool in (await client.list_tools()).tools}


async def test_compare_with_ranks_this_shop_and_the_named_ones(registry: ShopRegistry) -> None:
    arguments = {
        "sources": ["voltwerk-electronics", "kleinkram"],
        "destination": "DE-BY",
        "preferences": ["fast", "cheap"],
        "ordered_at": AT,
    }
    async with Client(server_for(registry, "nordlicht-mode"), raise_exceptions=True) as client:
        tool = next(tool for tool in (await client.list_tools()).tools if tool.name == "compare_with")
        result = await client.call_tool("compare_with", arguments)
    assert_valid_output(tool, result)
    assert result.structured_content is not None
    answer = result.structured_content
    assert [(entry["rank"], entry["shop"]) for entry in answer["ranking"]] == [
        (1, "Voltwerk"),
        (2, "Nordlicht Mode"),
        (3, "Kleinkram"),
    ]
    assert answer["ranking"][0]["source"] == "/shops/voltwerk-electronics/policy"
    refund = answer["records"][1]["returns"]["refund"]["sources"]
    assert refund == [{"kind": "api", "url": "/shops/nordlicht-mode/policy", "path": "returns.refund.days"}]
    # The same ranking as the command line gives for the files themselves.
    files = [
        record_from_file(EXAMPLES_DIR / f"{name}.yaml", "DE-BY", AT)
        for name in ("nordlicht-mode", "voltwerk-electronics", "kleinkram")
    ]
    assert [entry["reason"] for entry in answer["ranking"]] == [
        entry.reason for entry in compare(files, ["fast", "cheap"]).ranking
    ]
    assert json.loads(getattr(result.content[0], "text", "")) == answer


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"sources": ["voltwerk"], "destination": "DE"}, ["'sources'", "Did you mean voltwerk-electronics?"]),
        ({"sources": ["../secrets"], "destination": "DE"}, ["is a path or address", "shopterms compare"]),
        ({"sources": ["https://169.254.169.254/latest"], "destination": "DE"}, ["is a path or address"]),
        ({"sources": ["kleinkram"], "destination": "XX"}, ["'destination'", "not an ISO 3166-1"]),
        ({"sources": ["kleinkram"], "destination": "DE", "ordered_at": "2026-03-09T10:00"}, ["'ordered_at'"]),
        (
            {"sources": ["kleinkram"], "destination": "DE", "preferences": ["quick"]},
            ["'preferences'", "'quick' is not a preference; use fast, cheap"],
        ),
    ],
)
async def test_bad_arguments_are_tool_errors_naming_the_parameter(
    registry: ShopRegistry, arguments: dict[str, object], expected: list[str]
) -> None:
    async with Client(server_for(registry, "nordlicht-mode")) as client:
        result = await client.call_tool("compare_with", arguments)
    text = error_text(result)
    for part in expected:
        assert part in text


async def test_each_shop_of_a_served_directory_compares_over_http(registry: ShopRegistry) -> None:
    app = create_app(registry, mounts=mcp_mounts(registry), handle_sighup=False)
    arguments = {
        "sources": ["nordlicht-mode"],
        "destination": "AT",
        "preferences": ["free-returns"],
        "ordered_at": AT,
    }
    with serving(app) as base:
        async with Client(f"{base}/shops/voltwerk-electronics/mcp/") as client:
            result = await client.call_tool("compare_with", arguments)
    assert result.structured_content is not None
    ranking = result.structured_content["ranking"]
    assert [(entry["shop"], entry["source"]) for entry in ranking] == [
        ("Voltwerk", "/shops/voltwerk-electronics/policy"),
        ("Nordlicht Mode", "/shops/nordlicht-mode/policy"),
    ]
    assert ranking[1]["reason"] == "free-returns: returns cost 6.95 EUR"
