"""Sources over HTTP: a shopterms API on a real uvicorn, pages and JSON on a local http.server, and every
network or HTTP failure as a clear error naming the source."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from shopterms.policy.compare import record_from_file
from shopterms.policy.compare.provenance import ApiSource, PageSource
from shopterms.policy.loader import read_policy
from shopterms.server.state import canonical_json
from shopterms.validators.compare.api_reader import record_from_api
from shopterms.validators.compare.fetching import SourceError
from shopterms.validators.compare.sources import read_source
from tests.conftest import EXAMPLES_DIR
from tests.server.http_harness import example_app, running
from tests.validators.loopback import LOOPBACK

AT = "2026-03-09T10:00:00+01:00"
NORDLICHT = EXAMPLES_DIR / "nordlicht-mode.yaml"
PAGES = Path(__file__).parent / "compare_pages"
Route = tuple[int, str, bytes, Mapping[str, str]]


@contextmanager
def serving(routes: Mapping[str, Route]) -> Iterator[str]:
    """A plain http.server on 127.0.0.1 answering each path with a fixed status, type, body and headers."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, kind, body, headers = routes.get(self.path, (404, "text/plain", b"not found", {}))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # listening once constructed
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def comparable(data: Any) -> Any:
    """A record's facts without their sources and notes, for comparing what two readers know."""
    if isinstance(data, dict):
        return {
            key: comparable(value) for key, value in data.items() if key not in {"sources", "note", "source"}
        }
    if isinstance(data, list):
        return [comparable(item) for item in data]
    return data


def test_api_reader_reads_the_policy_of_a_running_server() -> None:
    app, _registry = example_app()
    with running(app) as base:
        record = record_from_api(base, "DE-BY", AT, LOOPBACK)
    assert record.source.kind == "api" and record.source.location == f"{base}/policy"
    assert record.shop.name.value == "Nordlicht Mode"
    [source] = record.returns.refund.sources
    assert source == ApiSource(url=f"{base}/policy", path="returns.refund.days")
    from_file = record_from_file(NORDLICHT, "DE-BY", AT)
    differing = differences(
        comparable(record.model_dump(mode="json")), comparable(from_file.model_dump(mode="json"))
    )
    # The API writes every default out, so it knows what the file leaves to defaults: each service's kind,
    # and the hand-over options of express (none). Everything else reads the same.
    assert {path.rsplit(".", 2)[-2] for path in differing} == {"kind", "options"}
    assert all(pair == ("known", "unknown") for path, pair in differing.items() if path.endswith(".state"))
    assert {path for path in differing if "options" in path} == {
        ".delivery.services[1].options.state",
        ".delivery.services[1].options.value",
        ".delivery.fastest.value.options.state",
        ".delivery.fastest.value.options.value",
    }


def differences(first: Any, second: Any, path: str = "") -> dict[str, tuple[Any, Any]]:
    if isinstance(first, dict) and isinstance(second, dict):
        found: dict[str, tuple[Any, Any]] = {}
        for key in sorted(set(first) | set(second)):
            found.update(differences(first.get(key), second.get(key), f"{path}.{key}"))
        return found
    if isinstance(first, list) and isinstance(second, list) and len(first) == len(second):
        found = {}
        for index, (one, other) in enumerate(zip(first, second, strict=True)):
            found.update(differences(one, other, f"{path}[{index}]"))
        return found
    return {} if first == second else {path: (first, second)}


def test_the_root_of_a_served_shop_is_recognised_as_its_api() -> None:
    app, _registry = example_app()
    with running(app) as base:
        for address in (base, f"{base}/", f"{base}/policy"):
            record = read_source(address, "DE", AT, LOOPBACK)
            assert record.source.kind == "api", address
            assert record.source.location == f"{base}/policy"


def test_the_api_json_ld_document_is_read_as_markup() -> None:
    app, _registry = example_app()
    with running(app) as base:
        record = read_source(f"{base}/policy.jsonld", "DE", AT, LOOPBACK)
    assert record.source.kind == "page"
    [source] = record.returns.window.sources
    assert isinstance(source, PageSource) and source.node == "https://nordlicht-mode.example/#return-policy"


def test_a_policy_served_by_a_plain_http_server_is_read_as_an_api() -> None:
    body = canonical_json(read_policy(NORDLICHT)).encode()
    with serving({"/shop/policy": (200, "application/json", body, {})}) as base:
        record = read_source(f"{base}/shop", "AT", AT, LOOPBACK)
    assert record.source.kind == "api" and record.source.location == f"{base}/shop/policy"
    assert record.returns.cost.value is not None and record.returns.cost.value.amount == 6.95


def test_pages_on_the_web_are_read_for_their_markup() -> None:
    page = (PAGES / "bergwerk-outdoor.html").read_bytes()
    with serving({"/rucksack": (200, "text/html; charset=utf-8", page, {})}) as base:
        record = read_source(f"{base}/rucksack", "DE-BY", AT, LOOPBACK)
    assert record.source.kind == "page" and record.source.location == f"{base}/rucksack"
    assert (
        record.delivery.cheapest.value is not None and record.delivery.cheapest.value.name == "Paketversand"
    )


@pytest.mark.parametrize(
    ("routes", "path", "expected"),
    [
        ({}, "/gone", "answered HTTP 404"),
        ({"/x": (500, "text/plain", b"boom", {})}, "/x", "answered HTTP 500"),
        ({"/x": (200, "application/json", b'{"a": 1}', {})}, "/x", "neither a shopterms policy nor JSON-LD"),
        ({"/x": (200, "image/png", b"\x89PNG", {})}, "/x", "neither a page nor a shopterms API"),
        ({"/x": (200, "text/html", b"<html><p>hello</p></html>", {})}, "/x", "no schema.org markup"),
        (
            {"/policy": (404, "text/plain", b"", {})},
            "/policy",
            "answered HTTP 404 without a shopterms policy",
        ),
        (
            {"/policy": (200, "application/json", b'{"version": 1, "shop": {"name": "x"}}', {})},
            "/policy",
            "the policy it serves is not valid at line 1",
        ),
        ({"/x": (302, "text/plain", b"", {"Location": "/x"})}, "/x", "more than 5 redirects"),
    ],
)
def test_http_problems_are_errors_naming_the_source(
    routes: dict[str, Route], path: str, expected: str
) -> None:
    with serving(routes) as base, pytest.raises(SourceError) as failed:
        read_source(base + path, "DE", AT, LOOPBACK)
    assert failed.value.source == base + path
    assert expected in failed.value.message


def test_a_server_that_is_not_there_is_an_error_naming_the_source() -> None:
    address = f"http://127.0.0.1:{closed_port()}/shop"
    with pytest.raises(SourceError) as failed:
        read_source(address, "DE", AT, LOOPBACK)
    assert failed.value.source == address
    assert failed.value.message == "could not be fetched: the server refused the connection"
    with pytest.raises(SourceError, match=r"answered HTTP|could not be fetched"):
        record_from_api(address, "DE", AT, LOOPBACK)


def test_only_http_addresses_are_fetched() -> None:
    with pytest.raises(SourceError, match="only http and https addresses are read"):
        read_source("ftp://127.0.0.1/policy", "DE", AT, LOOPBACK)
