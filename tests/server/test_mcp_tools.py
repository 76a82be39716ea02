"""The MCP tools in-process: what they advertise, what they answer, and how they refuse bad arguments."""

from __future__ import annotations

import json

import pytest
from mcp import Client
from mcp.server import MCPServer

from shopterms.policy.loader import read_policy
from shopterms.server.mcp_server import create_mcp
from tests.conftest import EXAMPLES_DIR
from tests.server.mcp_harness import EXAMPLE_CALLS, FixedTerms, assert_valid_output, error_text

pytestmark = pytest.mark.anyio
# Both protocol eras: the 2025-11-25 initialize handshake, and 2026-07-28 without one.
MODES = ["legacy", "2026-07-28"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def server() -> MCPServer:
    published = FixedTerms(read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml"))
    return create_mcp(lambda: published)


async def test_every_tool_is_read_only_idempotent_and_described_for_a_model(server: MCPServer) -> None:
    async with Client(server, raise_exceptions=True) as client:
        tools = (await client.list_tools()).tools
    assert sorted(tool.name for tool in tools) == sorted(EXAMPLE_CALLS)
    for tool in tools:
        assert tool.annotations is not None
        assert tool.annotations.read_only_hint is True
        assert tool.annotations.idempotent_hint is True
        assert tool.description is not None and "Example: " + tool.name + "(" in tool.description
        assert tool.output_schema is not None and tool.output_schema["type"] == "object"
        assert "result" not in tool.output_schema["properties"]  # a model, not a wrapped list or scalar
        for name, parameter in tool.input_schema["properties"].items():
            assert parameter.get("description"), f"{tool.name}.{name} has no description"
            assert parameter.get("examples"), f"{tool.name}.{name} has no example"


@pytest.mark.parametrize("mode", MODES)
async def test_every_tool_answers_with_content_that_fits_its_output_schema(
    server: MCPServer, mode: str
) -> None:
    async with Client(server, raise_exceptions=True, mode=mode) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        for name, arguments in EXAMPLE_CALLS.items():
            result = await client.call_tool(name, arguments)
            assert_valid_output(tools[name], result)
            # The text copy, for clients that read only text, is the same JSON.
            assert json.loads(getattr(result.content[0], "text", "")) == result.structured_content


async def test_estimate_counts_the_christmas_closure_and_lists_the_fastest_service_first(
    server: MCPServer,
) -> None:
    async with Client(server, raise_exceptions=True) as client:
        result = await client.call_tool("estimate_delivery", EXAMPLE_CALLS["estimate_delivery"])
    assert result.structured_content is not None
    estimates = result.structured_content["estimates"]
    assert [estimate["service"] for estimate in estimates] == ["express", "standard"]
    assert estimates[0]["counts_from"] == "2027-01-04"


@pytest.mark.parametrize(
    ("tool", "arguments", "expected"),
    [
        ("get_shipping_options", {"country": "FR"}, ["'country'", "AT, CH, DE"]),
        ("get_return_policy", {"country": "CH"}, ["'country'", "AT, DE"]),
        (
            "estimate_delivery",
            {"country": "DE", "ordered_at": "2026-12-23T15:00"},
            ["'ordered_at'", "UTC offset"],
        ),
        ("estimate_delivery", {"country": "DE", "service": "overnight"}, ["'service'", "standard, express"]),
        (
            "compute_return_deadline",
            {"country": "DE", "delivered_on": "11.12.2026"},
            ["'delivered_on'", "ISO date"],
        ),
        (
            "compute_return_deadline",
            {"country": "Germany", "delivered_on": "2026-12-11"},
            ["'country'", "ISO 3166-1"],
        ),
        ("get_support_contacts", {"at": "tomorrow"}, ["'at'", "RFC 3339", "2026-12-23T15:00:00+01:00"]),
        ("get_shipping_options", {"country": "de"}, ["'country'", "in capitals", "Write DE"]),
        ("get_shipping_options", {"country": "DE", "region": "BY"}, ["'region'", "DE-BY"]),
        (
            "compute_return_deadline",
            {"country": "FR", "delivered_on": "2026-12-11"},
            ["Not covered", "'country'", "sells to AT, CH, DE"],
        ),
        (
            "compute_return_deadline",
            {"country": "DE", "delivered_on": "2026-12-11", "ordered_on": "2026-12-12"},
            ["Not covered", "'ordered_on'", "after its delivery"],
        ),
        (
            "estimate_delivery",
            {"country": "DE", "ordered_at": "9999-12-31T23:59:00+14:00"},
            ["'ordered_at'", "1970-01-01 to 2199-12-31"],
        ),
        ("get_return_policy", {}, ["'country' is required", "ISO 3166-1", "'DE'"]),
        ("get_shipping_options", {"country": 49}, ["'country' must be a string, not a number"]),
    ],
)
async def test_a_bad_argument_is_a_tool_error_that_says_what_is_allowed(
    server: MCPServer, tool: str, arguments: dict[str, object], expected: list[str]
) -> None:
    async with Client(server, raise_exceptions=True) as client:
        result = await client.call_tool(tool, arguments)
    text = error_text(result)
    for part in expected:
        assert part in text
    assert "Traceback" not in text and "pydantic" not in text


async def test_every_input_schema_refuses_properties_it_does_not_name(server: MCPServer) -> None:
    async with Client(server, raise_exceptions=True) as client:
        tools = (await client.list_tools()).tools
    assert all(tool.input_schema.get("additionalProperties") is False for tool in tools)


@pytest.mark.parametrize("mode", MODES)
async def test_an_unknown_argument_is_refused_with_the_accepted_parameters(
    server: MCPServer, mode: str
) -> None:
    async with Client(server, raise_exceptions=True, mode=mode) as client:
        result = await client.call_tool("get_shipping_options", {"country": "DE", "zip": "80331"})
    assert error_text(result) == (
        "Invalid arguments for get_shipping_options: 'zip' is not a parameter. "
        "Accepted parameters: country, region, postal_code, as_of."
    )


async def test_a_misspelt_argument_is_refused_with_a_suggestion(server: MCPServer) -> None:
    async with Client(server, raise_exceptions=True) as client:
        result = await client.call_tool(
            "compute_return_deadline", {"country": "DE", "deliverd_on": "2026-12-11"}
        )
    assert "Did you mean delivered_on" in error_text(result)


async def test_a_tool_taking_only_a_moment_refuses_any_other_argument(server: MCPServer) -> None:
    async with Client(server, raise_exceptions=True) as client:
        result = await client.call_tool("get_payment_terms", {"verbose": True})
    assert error_text(result) == (
        "Invalid arguments for get_payment_terms: 'verbose' is not a parameter. Accepted parameters: as_of."
    )
