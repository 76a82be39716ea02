"""The MCP endpoint parses Host (RFC 9110) and Origin (RFC 6454) and compares them exactly.

The SDK's own check matches allowed `host:*` entries by prefix; these are the values that slipped past
it, sent to a real uvicorn on 127.0.0.1 with the default allow-lists.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from mcp.server.transport_security import TransportSecurityMiddleware, TransportSecuritySettings

from shopterms.server.http_app import create_app
from shopterms.server.mcp_guard import Authority, parse_host, parse_origin
from shopterms.server.mcp_http import allowed_hosts, allowed_origins
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.state import open_registry
from tests.conftest import EXAMPLES_DIR
from tests.server.mcp_harness import serving

PROBLEM = "application/problem+json"
# {port} is the server's own port: the values look local at a glance.
HOSTILE_HOSTS = [
    "127.0.0.1:{port}@evil.example",
    "localhost:{port}, evil.example",
    "127.0.0.1:abc",
    "127.0.0.1:{port} evil.example",
    "127.0.0.1:99999",
    "evil.example",
    "127.0.0.1.evil.example:{port}",
    "",
]
HOSTILE_ORIGINS = [
    "http://127.0.0.1:{port}.evil.example",
    "http://127.0.0.1:{port}evil",
    "http://127.0.0.1:{port}/path",
    "http://localhost:{port}@evil.example",
    "https://127.0.0.1.evil.example",
    "null",
    "file://",
    "http://127.0.0.1:{port}, http://evil.example",
]


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    registry = open_registry(Path(EXAMPLES_DIR / "nordlicht-mode.yaml"))
    app = create_app(registry, mounts=mcp_mounts(registry), handle_sighup=False)
    with serving(app) as url:
        yield url


def _post(base_url: str, headers: list[tuple[str, str]]) -> httpx.Response:
    body = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}
    fixed = [("Accept", "application/json, text/event-stream"), ("Mcp-Protocol-Version", "2025-11-25")]
    return httpx.post(f"{base_url}/mcp/", json=body, headers=[*fixed, *headers])


def _port(base_url: str) -> str:
    return base_url.rsplit(":", 1)[1]


@pytest.mark.parametrize("host", HOSTILE_HOSTS)
def test_a_malformed_or_foreign_host_is_refused_with_421(base_url: str, host: str) -> None:
    response = _post(base_url, [("Host", host.format(port=_port(base_url)))])
    assert response.status_code == 421, response.text
    assert response.headers["content-type"] == PROBLEM


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1:{port}@evil.example", "<script>x</script>"])
def test_the_421_problem_repeats_nothing_of_the_refused_host(base_url: str, host: str) -> None:
    sent = host.format(port=_port(base_url))
    response = _post(base_url, [("Host", sent)])
    problem = response.json()
    assert response.status_code == 421 and problem["type"] == "/problems/host-not-allowed"
    assert problem["instance"] == "/mcp/"
    for reflected in (sent, "evil.example", "script"):
        assert reflected not in response.text


def test_the_403_problem_repeats_nothing_of_the_refused_origin(base_url: str) -> None:
    response = _post(base_url, [("Origin", "http://evil.example")])
    assert response.status_code == 403 and "evil.example" not in response.text


@pytest.mark.parametrize("origin", HOSTILE_ORIGINS)
def test_a_malformed_or_foreign_origin_is_refused_with_403(base_url: str, origin: str) -> None:
    response = _post(base_url, [("Origin", origin.format(port=_port(base_url)))])
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == PROBLEM


def _raw_status(base_url: str, headers: list[str]) -> int:
    """The status of a request written byte by byte (clients refuse to send a Host twice)."""
    port = int(_port(base_url))
    body = b'{"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}'
    lines = [
        "POST /mcp/ HTTP/1.1",
        *headers,
        "Content-Type: application/json",
        "Accept: application/json, text/event-stream",
        f"Content-Length: {len(body)}",
        "Connection: close",
    ]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1])


def test_a_host_or_origin_sent_twice_is_refused(base_url: str) -> None:
    port = _port(base_url)
    assert _raw_status(base_url, [f"Host: 127.0.0.1:{port}", "Host: evil.example"]) in {400, 421}
    origins = [f"Host: 127.0.0.1:{port}", f"Origin: http://127.0.0.1:{port}", "Origin: http://evil.example"]
    assert _raw_status(base_url, origins) == 403


@pytest.mark.parametrize(
    "headers",
    [
        [],
        [("Host", "localhost:{port}")],
        [("Host", "LOCALHOST:{port}")],
        [("Host", "[::1]:{port}")],
        [("Host", "127.0.0.1")],
        [("Origin", "http://127.0.0.1:{port}")],
        [("Origin", "http://localhost")],
        [("Origin", "http://[::1]:5173")],
    ],
)
def test_local_hosts_and_origins_on_any_port_are_served(
    base_url: str, headers: list[tuple[str, str]]
) -> None:
    port = _port(base_url)
    response = _post(base_url, [(name, value.format(port=port)) for name, value in headers])
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("host", HOSTILE_HOSTS[:3])
def test_the_sdk_check_alone_admits_what_ours_refuses(host: str) -> None:
    # Why our guard exists (docs/mcp.md): the SDK compares `127.0.0.1:*` by prefix.
    settings = TransportSecuritySettings(allowed_hosts=allowed_hosts(), allowed_origins=allowed_origins())
    sdk = TransportSecurityMiddleware(settings)
    assert sdk._validate_host(host.format(port=8000))
    assert sdk._validate_origin("http://127.0.0.1:8000.evil.example")


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("example.com", Authority("example.com", None)),
        ("Example.COM:8443", Authority("example.com", 8443)),
        ("[::1]:80", Authority("[::1]", 80)),
        ("localhost:", Authority("localhost", None)),
        ("a:b", None),
        ("a:1:2", None),
        ("a b", None),
        ("a@b", None),
        ("-a", None),
        ("a:65536", None),
    ],
)
def test_host_values_are_read_by_the_rfc_9110_grammar(value: str, parsed: Authority | None) -> None:
    assert parse_host(value) == parsed


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("https://app.example", ("https", Authority("app.example", None))),
        ("HTTP://LOCALHOST:5173", ("http", Authority("localhost", 5173))),
        ("https://app.example/", None),
        ("https://app.example:443/x", None),
        ("null", None),
        ("app.example", None),
    ],
)
def test_origin_values_are_read_by_the_rfc_6454_serialisation(
    value: str, parsed: tuple[str, Authority] | None
) -> None:
    assert parse_origin(value) == parsed
