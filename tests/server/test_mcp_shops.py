"""One MCP endpoint for every shop of a directory: the shop is chosen by the path, per request.

Each shop's endpoint answers from that shop's terms, introduces itself with that shop's name (the one
its server card announces), and follows reloads; a shop added later, or loaded only on its first
request, is reachable without anything built for it at start.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from mcp import Client
from mcp.types import Implementation

from shopterms.server.http_app import create_app
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.mcp_shops import SHOP_IN_SCOPE
from shopterms.server.reload import Reloader
from shopterms.server.replica import ReplicaRegistry
from shopterms.server.state import ShopRegistry, ShopTerms, load_state, open_registry
from shopterms.store.location import parse_store
from shopterms.store.reading import StoreReader
from tests.conftest import EXAMPLES_DIR
from tests.server.mcp_harness import serving
from tests.store.store_harness import publish_text

MODES = ["legacy", "2026-07-28"]
SERVER_INFO = "io.modelcontextprotocol/serverInfo"
SHOPS = ["kleinkram", "nordlicht-mode", "voltwerk-electronics"]
BROKEN = "shop:\n  name: Kaputt\n  currency: EURO\n"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    for shop in SHOPS:
        (tmp_path / f"{shop}.yaml").write_bytes((EXAMPLES_DIR / f"{shop}.yaml").read_bytes())
    return tmp_path


def _app(registry: ShopRegistry, **options: object) -> FastAPI:
    return create_app(registry, mounts=mcp_mounts(registry, **options), handle_sighup=False)  # type: ignore[arg-type]


@pytest.fixture
def base_url(directory: Path) -> Iterator[str]:
    with serving(_app(open_registry(directory))) as url:
        yield url


def test_one_endpoint_is_mounted_whatever_the_number_of_shops(directory: Path) -> None:
    mounts = mcp_mounts(open_registry(directory))
    assert [mount.path for mount in mounts] == ["/shops/{shop_id}/mcp"]


@pytest.mark.anyio
@pytest.mark.parametrize("mode", MODES)
async def test_each_shop_answers_with_its_own_terms_and_identity(base_url: str, mode: str) -> None:
    async with httpx.AsyncClient(base_url=base_url) as http:
        for shop in SHOPS:
            card = (await http.get(f"/shops/{shop}/mcp/server-card")).json()
            summary = (await http.get(f"/shops/{shop}/summary")).json()
            async with Client(f"{base_url}/shops/{shop}/mcp/", mode=mode) as client:
                answer = await client.call_tool("get_policy_summary", {})
                if mode == "legacy":  # the initialize handshake introduced the server
                    info = client.server_info
                    assert summary["shop"]["name"] in (client.instructions or "")
                else:  # each 2026 answer carries the serverInfo stamp
                    info = Implementation.model_validate((answer.meta or {})[SERVER_INFO])
            assert info is not None
            assert (info.name, info.title, info.description) == (
                card["name"],
                card["title"],
                card["description"],
            )
            assert card["title"].startswith(summary["shop"]["name"])
            assert answer.structured_content == summary


@pytest.mark.anyio
async def test_concurrent_requests_for_different_shops_each_get_their_own(base_url: str) -> None:
    async def name_of(shop: str) -> tuple[str, str]:
        async with Client(f"{base_url}/shops/{shop}/mcp/", mode="2026-07-28") as client:
            answer = await client.call_tool("get_policy_summary", {})
            assert answer.structured_content is not None
            return shop, answer.structured_content["shop"]["name"]

    names = dict(await asyncio.gather(*(name_of(shop) for shop in SHOPS * 4)))
    async with httpx.AsyncClient(base_url=base_url) as http:
        for shop in SHOPS:
            assert names[shop] == (await http.get(f"/shops/{shop}/summary")).json()["shop"]["name"]


@pytest.mark.anyio
async def test_compare_with_compares_the_shop_of_the_path_with_the_others(base_url: str) -> None:
    async with Client(f"{base_url}/shops/kleinkram/mcp/", mode="2026-07-28") as client:
        answer = await client.call_tool("compare_with", {"sources": ["nordlicht-mode"], "destination": "DE"})
    assert answer.structured_content is not None
    ranked = {entry["source"] for entry in answer.structured_content["ranking"]}
    assert ranked == {"/shops/kleinkram/policy", "/shops/nordlicht-mode/policy"}


@pytest.mark.anyio
async def test_a_shop_added_while_serving_is_reachable_after_the_reload(directory: Path) -> None:
    registry = open_registry(directory)
    app = _app(registry)
    with serving(app) as base:
        (directory / "neu.yaml").write_bytes((EXAMPLES_DIR / "kleinkram.yaml").read_bytes())
        async with httpx.AsyncClient(base_url=base) as http:
            assert (await http.get("/shops/neu/mcp/")).status_code == 404
            Reloader(registry).reload()
            async with Client(f"{base}/shops/neu/mcp/", mode="2026-07-28") as client:
                assert not (await client.call_tool("get_policy_summary", {})).is_error


def test_an_unknown_shop_is_a_404_problem_and_a_broken_one_a_503_with_its_errors(directory: Path) -> None:
    (directory / "kaputt.yaml").write_text(BROKEN, encoding="utf-8")
    with serving(_app(open_registry(directory))) as base, httpx.Client(base_url=base) as http:
        unknown = http.post("/shops/kleinkrams/mcp/", json={})
        assert unknown.status_code == 404
        assert unknown.headers["content-type"] == "application/problem+json"
        assert "Did you mean kleinkram?" in unknown.json()["detail"]
        broken = http.post("/shops/kaputt/mcp/", json={})
        assert broken.status_code == 503
        assert broken.headers["content-type"] == "application/problem+json"
        assert f"{directory / 'kaputt.yaml'}:3:" in broken.json()["detail"]


@pytest.mark.anyio
async def test_a_shop_loaded_on_its_first_request_is_served_without_a_mount_of_its_own(
    directory: Path,
) -> None:
    # A registry that holds no shop at start and loads each on first request, as a replica does.
    registry = ShopRegistry(None, {}, directory=True, public_url=None)
    loads: list[str] = []

    async def find(shop_id: str) -> ShopTerms | None:
        path = directory / f"{shop_id}.yaml"
        if not path.exists():
            return None
        loads.append(shop_id)
        return ShopTerms.of_state(load_state(path, shop_id))

    with serving(_app(registry, find=find)) as base:
        async with Client(f"{base}/shops/voltwerk-electronics/mcp/", mode="2026-07-28") as client:
            summary = await client.call_tool("get_policy_summary", {})
    assert summary.structured_content is not None
    assert summary.structured_content["shop"]["name"] == "Voltwerk"
    assert "voltwerk-electronics" in loads
    assert SHOP_IN_SCOPE.get() is None  # nothing leaks out of the request


@pytest.mark.anyio
async def test_a_replica_s_mcp_endpoint_reads_a_shop_on_its_first_request(store_url: str) -> None:
    for shop in ("erster", "zweiter"):
        publish_text(store_url, now="2026-01-01T09:00:00+00:00", shop=shop)
    reader = StoreReader.open(parse_store(store_url))
    try:
        registry = ReplicaRegistry(reader)
        with serving(_app(registry)) as base:
            assert len(registry.cache) == 0  # nothing read, nothing built per shop, at start
            async with Client(f"{base}/shops/zweiter/mcp/", mode="2026-07-28") as client:
                answer = await client.call_tool("get_policy_history", {})
            assert answer.structured_content is not None
            assert answer.structured_content["shop"] == "zweiter"
            assert registry.cache.ids() == ["zweiter"]
            async with httpx.AsyncClient(base_url=base) as http:
                assert (await http.post("/shops/dritter/mcp/", json={})).status_code == 404
    finally:
        reader.close()
