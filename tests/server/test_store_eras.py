"""Three published versions, one of them scheduled, served from a store by a real uvicorn: HTTP and MCP
answer each era with that era's terms, switch at the scheduled instant without a restart, and judge an
order by the terms in force when it was placed."""

from __future__ import annotations

import httpx
import pytest
from mcp import Client

from shopterms.store.records import VersionInfo
from tests.server.mcp_harness import error_text, serving
from tests.server.store_serving import ERAS, publish_three_eras, store_app

EXPRESS_CUTOFF_BY_ERA = {
    "v1": "12:00",
    "v2": "11:00",
    "last moment of v2": "11:00",
    "switch": "11:00",
    "v3": "11:00",
}
AT_WINDOW_BY_ERA = {"v1": 30, "v2": 30, "last moment of v2": 30, "switch": 14, "v3": 14}
# The uncompressed representation, whose ETag is the version's content hash itself (gzip adds -gz).
IDENTITY = {"Accept-Encoding": "identity"}
VERSION_BY_ERA = {"v1": 1, "v2": 2, "last moment of v2": 2, "switch": 3, "v3": 3}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def versions(store_url: str) -> list[VersionInfo]:
    return publish_three_eras(store_url)


def _express_cutoff(options: dict) -> str:  # type: ignore[type-arg]
    return next(service["cutoff"] for service in options["services"] if service["id"] == "express")


@pytest.mark.anyio
async def test_each_era_is_answered_with_its_own_terms_over_http_and_mcp(
    store_url: str, versions: list[VersionInfo]
) -> None:
    with store_app(store_url) as served, serving(served.app) as base:
        async with Client(f"{base}/mcp/") as mcp:
            with httpx.Client(base_url=base, headers=IDENTITY) as http:
                for era, number in VERSION_BY_ERA.items():
                    moment = ERAS[era]
                    expected = versions[number - 1]
                    shipping = http.get("/shipping", params={"country": "DE", "as_of": moment})
                    returns = http.get("/returns", params={"country": "AT", "as_of": moment})
                    assert shipping.headers["etag"] == f'"{expected.hash}"', era
                    assert shipping.json()["version"]["number"] == number, era
                    assert _express_cutoff(shipping.json()) == EXPRESS_CUTOFF_BY_ERA[era], era
                    assert returns.json()["window"]["days"] == AT_WINDOW_BY_ERA[era], era

                    tool = await mcp.call_tool("get_return_policy", {"country": "AT", "as_of": moment})
                    assert tool.structured_content is not None
                    assert tool.structured_content["window"]["days"] == AT_WINDOW_BY_ERA[era], era
                    assert tool.structured_content["version"]["hash"] == expected.hash, era
                    tool = await mcp.call_tool("get_shipping_options", {"country": "DE", "as_of": moment})
                    assert tool.structured_content is not None
                    assert _express_cutoff(tool.structured_content) == EXPRESS_CUTOFF_BY_ERA[era], era


@pytest.mark.anyio
async def test_a_moment_before_the_first_version_is_a_404_naming_its_date(
    store_url: str, versions: list[VersionInfo]
) -> None:
    with store_app(store_url) as served, serving(served.app) as base:
        with httpx.Client(base_url=base, headers=IDENTITY) as http:
            response = http.get("/returns", params={"country": "AT", "as_of": ERAS["before"]})
        async with Client(f"{base}/mcp/") as mcp:
            tool = await mcp.call_tool("get_return_policy", {"country": "AT", "as_of": ERAS["before"]})
    assert response.status_code == 404
    problem = response.json()
    assert problem["type"].endswith("/problems/not-in-force") and problem["field"] == "as_of"
    assert "its first version takes effect at 2026-01-01T09:00:00+00:00" in problem["detail"]
    assert "its first version takes effect at 2026-01-01T09:00:00+00:00" in error_text(tool)


@pytest.mark.anyio
async def test_the_scheduled_version_takes_over_at_its_instant_without_a_restart(
    store_url: str, versions: list[VersionInfo]
) -> None:
    with store_app(store_url, now=ERAS["last moment of v2"]) as served, serving(served.app) as base:
        async with Client(f"{base}/mcp/") as mcp:
            with httpx.Client(base_url=base, headers=IDENTITY) as http:
                before = http.get("/returns", params={"country": "AT"})
                tool_before = await mcp.call_tool("get_return_policy", {"country": "AT"})
                # One second before the switch, a cache may keep the answer for one second only.
                assert before.headers["cache-control"] == "public, max-age=1"
                served.clock.set(ERAS["switch"])
                after = http.get("/returns", params={"country": "AT"})
                tool_after = await mcp.call_tool("get_return_policy", {"country": "AT"})
                revalidated = http.get(
                    "/returns", params={"country": "AT"}, headers={"If-None-Match": before.headers["etag"]}
                )
    assert (before.json()["window"]["days"], after.json()["window"]["days"]) == (30, 14)
    assert (before.headers["etag"], after.headers["etag"]) == (
        f'"{versions[1].hash}"',
        f'"{versions[2].hash}"',
    )
    assert revalidated.status_code == 200  # the old ETag no longer matches: the terms changed
    assert tool_before.structured_content and tool_before.structured_content["window"]["days"] == 30
    assert tool_after.structured_content and tool_after.structured_content["window"]["days"] == 14


@pytest.mark.anyio
async def test_an_order_placed_before_the_window_was_shortened_keeps_the_longer_window(
    store_url: str, versions: list[VersionInfo]
) -> None:
    asked = {"country": "AT", "delivered_on": "2026-04-05"}
    with store_app(store_url, now=ERAS["v3"]) as served, serving(served.app) as base:
        with httpx.Client(base_url=base, headers=IDENTITY) as http:
            earlier = http.get("/return-deadline", params={**asked, "ordered_on": "2026-03-20"}).json()
            later = http.get("/return-deadline", params={**asked, "ordered_on": "2026-04-02"}).json()
        async with Client(f"{base}/mcp/") as mcp:
            tool = await mcp.call_tool("compute_return_deadline", {**asked, "ordered_on": "2026-03-20"})
    assert (earlier["shop"]["days"], earlier["shop"]["last_day"]) == (30, "2026-05-05")
    assert earlier["version"]["number"] == 2 and earlier["version"]["hash"] == versions[1].hash
    assert (later["shop"]["days"], later["version"]["number"]) == (14, 3)
    assert tool.structured_content is not None
    assert tool.structured_content["shop"]["last_day"] == "2026-05-05"
    assert tool.structured_content["version"]["number"] == 2


@pytest.mark.anyio
async def test_a_delivery_estimate_for_a_past_order_uses_the_terms_of_that_moment(
    store_url: str, versions: list[VersionInfo]
) -> None:
    # 11:30 on a Friday: before the express cutoff of version 1 (12:00), after that of version 2 (11:00).
    order_v1, order_v2 = "2026-02-06T11:30:00+01:00", "2026-03-06T11:30:00+01:00"
    with store_app(store_url, now=ERAS["v3"]) as served, serving(served.app) as base:
        with httpx.Client(base_url=base, headers=IDENTITY) as http:
            first = http.get(
                "/delivery-estimate", params={"country": "DE", "service": "express", "ordered_at": order_v1}
            )
            second = http.get(
                "/delivery-estimate", params={"country": "DE", "service": "express", "ordered_at": order_v2}
            )
        async with Client(f"{base}/mcp/") as mcp:
            tool = await mcp.call_tool(
                "estimate_delivery", {"country": "DE", "service": "express", "ordered_at": order_v1}
            )
    estimates = [answer.json()["estimates"][0] for answer in (first, second)]
    assert [(estimate["cutoff_met"], estimate["counts_from"]) for estimate in estimates] == [
        (True, "2026-02-06"),  # before 12:00: the Friday counts
        (False, "2026-03-09"),  # after 11:00: counted from the next business day, a Monday
    ]
    assert [answer.json()["version"]["number"] for answer in (first, second)] == [1, 2]
    assert tool.structured_content is not None and tool.structured_content["version"]["number"] == 1
