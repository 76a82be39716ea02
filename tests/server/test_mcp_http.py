"""The MCP endpoint mounted in the HTTP app, served by a real uvicorn on 127.0.0.1 and spoken to over HTTP."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from mcp import Client

from shopterms.server.http_app import create_app
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.state import open_registry
from tests.conftest import EXAMPLES_DIR
from tests.server.mcp_harness import EXAMPLE_CALLS, assert_valid_output, error_text, serving

MODES = ["legacy", "2026-07-28"]
BROWSER = "http://localhost:5173"
MCP_HEADERS = ["mcp-method", "mcp-name", "mcp-protocol-version", "mcp-session-id"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def policy_file(tmp_path: Path) -> Path:
    return Path(shutil.copy(EXAMPLES_DIR / "nordlicht-mode.yaml", tmp_path / "nordlicht-mode.yaml"))


@pytest.fixture
def app(policy_file: Path) -> FastAPI:
    registry = open_registry(policy_file)
    mounts = mcp_mounts(registry, hosts=["terms.example"], origins=["https://agent.example"])
    return create_app(registry, mounts=mounts, handle_sighup=False)


@pytest.fixture
def base_url(app: FastAPI) -> Iterator[str]:
    with serving(app) as url:
        yield url


@pytest.mark.anyio
@pytest.mark.parametrize("mode", MODES)
async def test_every_tool_answers_over_http_in_both_protocol_eras(base_url: str, mode: str) -> None:
    async with Client(f"{base_url}/mcp/", mode=mode) as client:
        assert client.protocol_version == ("2025-11-25" if mode == "legacy" else mode)
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        for name, arguments in EXAMPLE_CALLS.items():
            assert_valid_output(tools[name], await client.call_tool(name, arguments))
        refused = await client.call_tool("estimate_delivery", {"country": "DE", "service": "overnight"})
        assert "standard, express, international" in error_text(refused)


@pytest.mark.anyio
async def test_resources_carry_their_media_types_and_the_documents_the_api_serves(base_url: str) -> None:
    async with Client(f"{base_url}/mcp/") as client:
        listed = {str(item.uri): item.mime_type for item in (await client.list_resources()).resources}
        read = {uri: (await client.read_resource(uri)).contents[0] for uri in listed}
    assert listed == {
        "shopterms://policy.jsonld": "application/ld+json",
        "shopterms://policy.json": "application/json",
        "shopterms://summary.md": "text/markdown",
    }
    assert all(content.mime_type == listed[uri] for uri, content in read.items())
    with httpx.Client(base_url=base_url) as http:
        assert json.loads(getattr(read["shopterms://policy.json"], "text", "")) == http.get("/policy").json()
        jsonld = http.get("/policy.jsonld").text
        assert json.loads(getattr(read["shopterms://policy.jsonld"], "text", "")) == json.loads(jsonld)
        # The same llms.txt text; its links are absolute only where a public address is configured.
        summary = getattr(read["shopterms://summary.md"], "text", "")
        heading = http.get("/llms.txt").text.splitlines()[0]
        assert summary.splitlines()[0] == heading and "Nordlicht Mode" in heading


@pytest.mark.anyio
async def test_the_endpoint_is_reached_without_the_trailing_slash(base_url: str) -> None:
    async with Client(f"{base_url}/mcp") as client:
        result = await client.call_tool("get_payment_terms", {})
    assert not result.is_error


@pytest.mark.anyio
async def test_a_reload_is_seen_by_the_next_tool_call(app: FastAPI, base_url: str, policy_file: Path) -> None:
    async with Client(f"{base_url}/mcp/") as client:
        before = await client.call_tool("get_payment_terms", {})
        assert before.structured_content is not None and before.structured_content["charged"] == "at_shipment"
        text = policy_file.read_text(encoding="utf-8").replace("charged: at_shipment", "charged: at_order")
        policy_file.write_text(text, encoding="utf-8")
        outcome = app.state.reloader.reload(force=True)
        assert outcome.reloaded == ["nordlicht-mode"]
        after = await client.call_tool("get_payment_terms", {})
    assert after.structured_content is not None and after.structured_content["charged"] == "at_order"


def _post(base_url: str, **headers: str) -> httpx.Response:
    body = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}
    accept = {"Accept": "application/json, text/event-stream", "Mcp-Protocol-Version": "2025-11-25"}
    return httpx.post(f"{base_url}/mcp/", json=body, headers={**accept, **headers})


def test_unknown_host_headers_are_refused_against_dns_rebinding(base_url: str) -> None:
    assert _post(base_url, Host="attacker.example").status_code == 421
    assert _post(base_url, Host="terms.example").status_code == 200
    assert _post(base_url, Host="terms.example:8443").status_code == 200


def test_unknown_origins_are_refused_and_allowed_ones_get_cors_headers(base_url: str) -> None:
    assert _post(base_url, Origin="https://attacker.example").status_code == 403
    for origin in (BROWSER, "https://agent.example"):
        response = _post(base_url, Origin=origin)
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == origin
        exposed = response.headers["access-control-expose-headers"].lower()
        assert "mcp-session-id" in exposed and "mcp-protocol-version" in exposed


def test_browser_preflight_admits_the_mcp_headers(base_url: str) -> None:
    preflight = {
        "Origin": BROWSER,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": ", ".join(["content-type", *MCP_HEADERS]),
    }
    response = httpx.options(f"{base_url}/mcp/", headers=preflight)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == BROWSER
    allowed = response.headers["access-control-allow-headers"].lower()
    assert all(header in allowed for header in MCP_HEADERS)
    refused = httpx.options(f"{base_url}/mcp/", headers={**preflight, "Origin": "https://attacker.example"})
    assert "access-control-allow-origin" not in refused.headers


def test_the_running_endpoint_describes_itself_with_a_server_card(base_url: str) -> None:
    response = httpx.get(
        f"{base_url}/mcp/server-card", headers={"Accept": "application/mcp-server-card+json"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/mcp-server-card+json")
    assert response.headers["access-control-allow-origin"] == "*"
    card = response.json()
    assert card["name"] == "example.nordlicht-mode/terms"
    assert card["remotes"][0]["url"] == f"{base_url}/mcp/"
