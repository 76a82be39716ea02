"""The protocol over a real socket: uvicorn on 127.0.0.1, a real HTTP client, the MCP endpoint mounted."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from shopterms.server.http_app import create_app
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.state import open_registry
from tests.server.http_harness import EXAMPLE, running

PATHS = [
    "/policy",
    "/policy.jsonld",
    "/summary",
    "/shipping?country=DE",
    "/returns?country=DE",
    "/payment",
    "/support",
    "/delivery-estimate?country=DE&region=DE-BY",
    "/return-deadline?country=DE&delivered_on=2026-12-11",
    "/",
    "/index.en.html",
    "/llms.txt",
    "/.well-known/api-catalog",
    "/.well-known/ucp",
    "/healthz",
    "/openapi.json",
    "/docs",
]


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    registry = open_registry(EXAMPLE)
    with running(create_app(registry, mounts=mcp_mounts(registry))) as base:
        yield base


@pytest.fixture
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base) as client:
        yield client


@pytest.mark.parametrize("path", PATHS)
def test_every_endpoint_answers_over_http(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.content


def test_revalidation_over_http_costs_a_304(client: httpx.Client) -> None:
    first = client.get("/policy.jsonld")
    assert first.headers["content-encoding"] == "gzip"
    second = client.get("/policy.jsonld", headers={"If-None-Match": first.headers["etag"]})
    assert second.status_code == 304
    assert second.content == b""


def test_content_negotiation_over_http(client: httpx.Client) -> None:
    linked = client.get("/policy", headers={"Accept": "application/ld+json"})
    assert linked.headers["content-type"] == "application/ld+json"
    assert "@context" in linked.json()
    assert "@context" not in client.get("/policy").json()


def test_problem_details_over_http(client: httpx.Client) -> None:
    response = client.get("/delivery-estimate", params={"country": "DE", "ordered_at": "tomorrow"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["field"] == "ordered_at"


def _rpc(client: httpx.Client, method: str, params: dict[str, object]) -> dict[str, object]:
    response = client.post(
        "/mcp/",
        json={"jsonrpc": "2.0", "id": 1, "method": method, "params": params},
        headers={"Accept": "application/json, text/event-stream"},
    )
    assert response.status_code == 200, response.text
    result: dict[str, object] = response.json()["result"]
    return result


def test_the_mounted_mcp_endpoint_gives_the_api_s_answer(client: httpx.Client) -> None:
    _rpc(
        client,
        "initialize",
        {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}},
    )
    result = _rpc(client, "tools/call", {"name": "get_shipping_options", "arguments": {"country": "AT"}})
    assert result["structuredContent"] == client.get("/shipping", params={"country": "AT"}).json()
    text = result["content"][0]["text"]  # type: ignore[index]
    assert json.loads(text) == result["structuredContent"]
