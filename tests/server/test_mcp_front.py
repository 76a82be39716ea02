"""The MCP endpoint beside JSON-RPC: a plain GET is described, never left hanging, and errors are problems."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from shopterms.server.http_app import create_app
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.state import open_registry
from tests.server.http_harness import EXAMPLE, running

PROBLEM = "application/problem+json"
# A hanging stream would trip this long before the suite notices.
TIMEOUT = httpx.Timeout(10.0)


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    registry = open_registry(EXAMPLE)
    app = create_app(registry, mounts=mcp_mounts(registry))
    with running(app) as base, httpx.Client(base_url=base, timeout=TIMEOUT) as client:
        yield client


def _problem(response: httpx.Response, status: int, kind: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    problem: dict[str, object] = response.json()
    assert str(problem["type"]).endswith(f"/problems/{kind}")
    assert problem["status"] == status
    return problem


def test_a_plain_get_of_the_endpoint_is_a_short_description_not_a_stream(client: httpx.Client) -> None:
    response = client.get("/mcp/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    described = response.json()
    assert described["name"] == "example.nordlicht-mode/terms"
    assert described["transport"] == "streamable-http"
    assert described["endpoint"] == str(client.base_url.join("/mcp/"))
    assert described["serverCard"] == str(client.base_url.join("/mcp/server-card"))
    assert client.get(described["serverCard"]).status_code == 200


def test_a_get_asking_for_an_event_stream_is_405_with_allow(client: httpx.Client) -> None:
    response = client.get("/mcp/", headers={"Accept": "text/event-stream"})
    problem = _problem(response, 405, "method-not-allowed")
    assert response.headers["allow"] == "GET, HEAD, POST"
    assert "opens no event stream" in str(problem["detail"])


@pytest.mark.parametrize(
    ("method", "path", "headers", "status", "kind"),
    [
        ("GET", "/mcp/no-such-thing", {}, 404, "not-found"),
        ("DELETE", "/mcp/", {}, 405, "method-not-allowed"),
        ("PUT", "/mcp/", {}, 405, "method-not-allowed"),
        ("POST", "/mcp/server-card", {}, 405, "method-not-allowed"),
        ("POST", "/mcp/", {"Content-Type": "text/plain"}, 400, "unreadable-request"),
        (
            "POST",
            "/mcp/",
            {"Host": "evil.example", "Content-Type": "application/json"},
            421,
            "host-not-allowed",
        ),
        (
            "POST",
            "/mcp/",
            {"Origin": "https://evil.example", "Content-Type": "application/json"},
            403,
            "origin-not-allowed",
        ),
    ],
)
def test_errors_inside_the_mount_are_problem_details(
    client: httpx.Client, method: str, path: str, headers: dict[str, str], status: int, kind: str
) -> None:
    response = client.request(method, path, headers=headers, content=b"{}")
    problem = _problem(response, status, kind)
    assert problem["instance"] == path
    if status == 405:
        assert response.headers["allow"]


def test_a_json_rpc_error_to_a_posted_message_stays_json_rpc(client: httpx.Client) -> None:
    response = client.post(
        "/mcp/",
        content=b"not json",
        headers={"Content-Type": "application/json", "Accept": "application/json, text/event-stream"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]["code"] == -32700  # parse error, for the MCP client to read
