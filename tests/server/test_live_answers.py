"""Answers about "now" are kept until the instant they can change, and read exactly like fresh ones."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from mcp import Client

from shopterms.server.http_app import create_app
from shopterms.server.live_answers import ESTIMATE_PATH
from shopterms.server.mcp_server import create_mcp
from shopterms.server.state import ShopRegistry, load_state
from tests.server.http_harness import EXAMPLE
from tests.server.store_serving import MovableClock

SHOP = "nordlicht-mode"
NOW = "/delivery-estimate?country=DE&region=DE-BY"
KEY = (ESTIMATE_PATH, "DE", "DE-BY", None, None)


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock("2026-06-10T09:00:00+02:00")  # a Wednesday; express cutoff 12:00, standard 14:00


@pytest.fixture
def registry(clock: MovableClock) -> ShopRegistry:
    state = load_state(EXAMPLE, SHOP)
    return ShopRegistry(EXAMPLE, {SHOP: state}, directory=False, public_url=None, clock=clock)


@pytest.fixture
def client(registry: ShopRegistry) -> Iterator[TestClient]:
    with TestClient(create_app(registry, handle_sighup=False)) as client:
        yield client


def _ordered_at(clock: MovableClock) -> str:
    return quote(clock.moment.isoformat())


def test_an_answer_for_now_reads_exactly_as_the_answer_for_that_moment(
    client: TestClient, clock: MovableClock
) -> None:
    for moment in ("2026-06-10T09:00:00+02:00", "2026-06-10T11:59:59+02:00", "2026-06-10T12:00:00+02:00"):
        clock.set(moment)
        now = client.get(NOW)
        asked = client.get(f"{NOW}&ordered_at={_ordered_at(clock)}")
        assert now.status_code == asked.status_code == 200
        assert now.content == asked.content
        assert now.headers["cache-control"] == "no-cache"


def test_the_answer_for_now_is_worked_out_once_until_the_next_cutoff(
    client: TestClient, registry: ShopRegistry, clock: MovableClock
) -> None:
    state = registry.current()
    first = client.get(NOW).json()
    kept = state.live.peek(KEY, clock.moment)
    assert kept is not None
    clock.set("2026-06-10T11:59:59+02:00")
    second = client.get(NOW).json()
    assert state.live.peek(KEY, clock.moment) is kept  # the same answer, with the new moment written in
    assert second["estimates"][0]["ordered_at"] == "2026-06-10T11:59:59+02:00"
    assert [e["latest_delivery"] for e in second["estimates"]] == [
        e["latest_delivery"] for e in first["estimates"]
    ]

    clock.set("2026-06-10T12:00:00+02:00")  # the express cutoff passes: the answer changes
    third = client.get(NOW).json()
    assert state.live.peek(KEY, clock.moment) is not kept
    express = {e["service"]: e["cutoff_met"] for e in third["estimates"]}
    assert express["express"] is False and express["standard"] is True


def _scope(path: str) -> dict[str, object]:
    route, _, query = path.partition("?")
    return {
        "type": "http",
        "method": "GET",
        "path": route,
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "scheme": "http",
        "server": ("testserver", 80),
    }


def test_the_fast_path_serves_the_kept_answer_for_now_as_the_route_does(
    registry: ShopRegistry, clock: MovableClock
) -> None:
    with (
        TestClient(create_app(registry, handle_sighup=False)) as fast,
        TestClient(create_app(registry, handle_sighup=False, fast_path=False)) as routed,
    ):
        assert fast.app.fast_path.response(_scope(NOW)) is None  # type: ignore[attr-defined]
        fast.get(NOW)  # the first request works it out through the route
        clock.set("2026-06-10T10:30:00+02:00")
        assert fast.app.fast_path.response(_scope(NOW)) is not None  # type: ignore[attr-defined]
        seen, expected = fast.get(NOW), routed.get(NOW)
        assert seen.content == expected.content
        assert _headers(seen.headers) == _headers(expected.headers)


def _headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {name: value for name, value in headers.items() if name != "date"}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_the_estimate_tool_for_now_answers_as_the_http_route(
    client: TestClient, registry: ShopRegistry, clock: MovableClock
) -> None:
    async with Client(create_mcp(registry.only_terms), raise_exceptions=True) as mcp:
        for moment in ("2026-06-10T09:00:00+02:00", "2026-06-10T13:00:00+02:00", "2026-06-10T13:00:01+02:00"):
            clock.set(moment)
            result = await mcp.call_tool("estimate_delivery", {"country": "DE", "region": "DE-BY"})
            assert result.structured_content == client.get(NOW).json()
