"""The fast path answers exactly as the routes do, and leaves to them everything it has not rendered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from shopterms.server.http_app import create_app
from shopterms.server.state import open_registry
from tests.server.http_harness import EXAMPLE, copy_example

REQUESTS: list[tuple[str, dict[str, str]]] = [
    ("/policy", {}),
    ("/policy", {"Accept": "application/ld+json"}),
    ("/policy.jsonld", {"Accept-Encoding": "gzip"}),
    ("/policy.jsonld", {"Accept-Encoding": "identity"}),
    ("/", {}),
    ("/index.html", {}),
    ("/index.en.html", {}),
    ("/llms.txt", {}),
    ("/.well-known/ucp", {}),
    ("/summary", {}),
    ("/payment", {}),
    ("/shipping?country=DE", {}),
    ("/shipping?country=DE&region=DE-BY", {}),
    ("/shipping?country=AT&country=DE", {}),
    ("/returns?country=AT", {}),
    ("/support?at=2026-12-24T11:30:00%2B01:00", {}),
    ("/delivery-estimate?country=DE&ordered_at=2026-12-23T15:00:00%2B01:00", {}),
    ("/return-deadline?country=DE&delivered_on=2026-12-11", {}),
]


def _clients(source: Path) -> Iterator[tuple[TestClient, TestClient]]:
    with (
        TestClient(create_app(open_registry(source))) as fast,
        TestClient(create_app(open_registry(source), fast_path=False)) as routed,
    ):
        yield fast, routed


@pytest.fixture(scope="module")
def clients() -> Iterator[tuple[TestClient, TestClient]]:
    yield from _clients(EXAMPLE)


def _scope(path: str, headers: dict[str, str]) -> dict[str, object]:
    route, _, query = path.partition("?")
    pairs = [(b"host", b"testserver"), *((k.lower().encode(), v.encode()) for k, v in headers.items())]
    return {
        "type": "http",
        "method": "GET",
        "path": route,
        "query_string": query.encode(),
        "root_path": "",
        "headers": pairs,
        "scheme": "http",
        "server": ("testserver", 80),
    }


def _seen(client: TestClient, path: str, headers: dict[str, str]) -> tuple[int, bytes, dict[str, str]]:
    response = client.get(path, headers=headers)
    kept = {name: value for name, value in response.headers.items() if name != "date"}
    return response.status_code, response.content, kept


@pytest.mark.parametrize(("path", "headers"), REQUESTS)
def test_a_repeated_request_gets_the_routes_response_from_the_fast_path(
    clients: tuple[TestClient, TestClient], path: str, headers: dict[str, str]
) -> None:
    fast, routed = clients
    _seen(fast, path, headers)  # the first request renders (through the route)
    assert fast.app.fast_path.response(_scope(path, headers)) is not None  # type: ignore[attr-defined]
    assert _seen(fast, path, headers) == _seen(routed, path, headers)


def test_a_304_from_the_fast_path_matches_the_route(clients: tuple[TestClient, TestClient]) -> None:
    fast, routed = clients
    etag = fast.get("/policy.jsonld").headers["etag"]
    conditional = {"If-None-Match": etag}
    assert _seen(fast, "/policy.jsonld", conditional) == _seen(routed, "/policy.jsonld", conditional)
    assert fast.get("/policy.jsonld", headers=conditional).status_code == 304


def test_errors_and_cross_origin_requests_go_through_the_routes(
    clients: tuple[TestClient, TestClient],
) -> None:
    fast, _ = clients
    state = fast.app.state.registry.current()  # type: ignore[attr-defined]
    fast_path = fast.app.fast_path  # type: ignore[attr-defined]
    assert fast.get("/shipping", params={"country": "FR"}).status_code == 404
    assert fast.get("/shipping", params={"country": "DE"}).status_code == 200
    # A parameter the route does not take is refused there, not answered from the memo.
    assert fast.get("/shipping", params={"country": "DE", "zip": "1"}).status_code == 400
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/policy",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), (b"origin", b"https://agent.example")],
        "scheme": "http",
        "server": ("testserver", 80),
    }
    assert fast_path.response(scope) is None
    assert fast_path.response({**scope, "headers": [(b"host", b"testserver")], "method": "HEAD"}) is None
    assert fast_path.response({**scope, "headers": [(b"host", b"testserver")]}) is not None
    assert state.documents


def test_a_reload_is_seen_by_the_fast_path_at_once(tmp_path: Path) -> None:
    path = copy_example(tmp_path)
    app = create_app(open_registry(path))
    with TestClient(app) as client:
        before = client.get("/policy.jsonld").headers["etag"]
        path.write_text(
            path.read_text(encoding="utf-8").replace("rate: 4.95", "rate: 14.95"), encoding="utf-8"
        )
        app.state.reloader.reload()
        assert client.get("/policy.jsonld").headers["etag"] != before


def test_many_shops_take_the_fast_path_under_their_prefix(tmp_path: Path) -> None:
    copy_example(tmp_path, "nordlicht.yaml")
    for fast, routed in _clients(tmp_path):
        for path in ["/shops/nordlicht/policy.jsonld", "/shops/nordlicht/", "/shops/nordlicht/llms.txt"]:
            _seen(fast, path, {})
            assert _seen(fast, path, {}) == _seen(routed, path, {})
        assert fast.get("/shops/nobody/policy").status_code == 404
