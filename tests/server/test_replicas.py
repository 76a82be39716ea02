"""Two `shopterms serve --store … --replica` processes over one store (SQLite, and PostgreSQL when given)
answer alike, and both take up a new publication by themselves (LISTEN/NOTIFY, or the change counter)."""

from __future__ import annotations

from pathlib import Path

import anyio
import httpx
from mcp import Client

from shopterms.store.signing import create_key
from tests.server.replica_harness import replica, wait_until
from tests.store.store_harness import EXPRESS_CUTOFF, SHOP, publish_text, variant

SAME_ON_EVERY_REPLICA = [
    f"/shops/{SHOP}/policy",
    f"/shops/{SHOP}/policy.jsonld",
    f"/shops/{SHOP}/",
    f"/shops/{SHOP}/returns?country=AT",
    f"/shops/{SHOP}/versions",
    "/shops",
    "/llms.txt",
    "/openapi.json",
    "/.well-known/jwks.json",
]


def _etag(client: httpx.Client, path: str) -> str:
    return client.get(path, headers={"Accept-Encoding": "identity"}).headers["ETag"]


def test_replicas_answer_alike_and_both_take_up_a_new_version(store_url: str, tmp_path: Path) -> None:
    key = create_key(tmp_path / "signing-key.pem")
    publish_text(store_url, now="2026-01-01T09:00:00+00:00", key=key)
    publish_text(store_url, now="2026-01-01T09:00:00+00:00", shop="zweitladen")
    # Behind one load balancer, replicas are reached at one public address.
    public = ("--public-url", "https://terms.example")
    with (
        replica(store_url, tmp_path / "a.log", *public) as a,
        replica(store_url, tmp_path / "b.log", *public) as b,
    ):
        for path in SAME_ON_EVERY_REPLICA:
            first, second = a.get(path), b.get(path)
            assert first.status_code == second.status_code == 200, path
            assert first.content == second.content, path
            assert first.headers.get("ETag") == second.headers.get("ETag"), path
        assert [shop["id"] for shop in a.get("/shops").json()["shops"]] == [SHOP, "zweitladen"]
        # Both name the store's keys, whichever shops each holds.
        assert b.get("/.well-known/jwks.json").json()["keys"][0]["kid"] == key.kid

        second_version = publish_text(store_url, variant(EXPRESS_CUTOFF), now="2026-01-02T09:00:00+00:00")
        wanted = f'"{second_version.version.hash}"'
        took = [
            wait_until(lambda client=client: _etag(client, f"/shops/{SHOP}/policy") == wanted, what=name)
            for name, client in (("replica a", a), ("replica b", b))
        ]
        print(f"a new version reached both replicas after {max(took):.3f} s")
        assert a.get(f"/shops/{SHOP}/policy").content == b.get(f"/shops/{SHOP}/policy").content
        assert [entry["number"] for entry in b.get(f"/shops/{SHOP}/versions").json()["versions"]] == [2, 1]


def test_a_replica_reads_a_shop_published_after_it_started(store_url: str, tmp_path: Path) -> None:
    publish_text(store_url, now="2026-01-01T09:00:00+00:00")
    with replica(store_url, tmp_path / "a.log") as client:
        assert client.get("/healthz").json()["cache"]["shops"] == 0  # nothing is read at start
        assert client.get("/shops/zweitladen/policy").status_code == 404
        publish_text(store_url, now="2026-01-01T09:00:00+00:00", shop="zweitladen")
        # The id was asked for and found unknown; the publish's notification makes it known.
        wait_until(lambda: client.get("/shops/zweitladen/policy").status_code == 200, what="the new shop")
        wait_until(lambda: [s["id"] for s in client.get("/shops").json()["shops"]] == [SHOP, "zweitladen"])
        health = client.get("/healthz").json()
        assert [shop["id"] for shop in health["shops"]] == ["zweitladen"]
        assert health["status"] == "ok" and health["store"]["status"] == "connected"


def test_the_shop_index_is_read_a_page_at_a_time(store_url: str, tmp_path: Path) -> None:
    for shop in ("a-shop", "b-shop", "c-shop"):
        publish_text(store_url, now="2026-01-01T09:00:00+00:00", shop=shop)
    with replica(store_url, tmp_path / "a.log") as client:
        first = client.get("/shops", params={"limit": 2})
        assert [shop["id"] for shop in first.json()["shops"]] == ["a-shop", "b-shop"]
        following = first.json()["next"]
        assert first.headers["Link"] == f'<{following}>; rel="next"'
        last = client.get(following).json()
        assert [shop["id"] for shop in last["shops"]] == ["c-shop"] and last["next"] is None
        assert client.get("/healthz").json()["cache"]["shops"] == 0  # listing holds no shop


def test_a_replica_answers_mcp_for_a_shop_it_reads_on_the_first_call(store_url: str, tmp_path: Path) -> None:
    """One MCP endpoint for every shop of the store: nothing is mounted per shop, the shop is read when an
    agent first calls a tool for it, and its card names it as on every other replica."""
    publish_text(store_url, now="2026-01-01T09:00:00+00:00")
    publish_text(store_url, now="2026-01-01T09:00:00+00:00", shop="zweitladen")

    async def history(base_url: str) -> dict[str, object]:
        async with Client(f"{base_url}/shops/zweitladen/mcp/", mode="2026-07-28") as client:
            answer = await client.call_tool("get_policy_history", {})
        assert answer.structured_content is not None
        return answer.structured_content

    public = ("--public-url", "https://terms.example")
    with (
        replica(store_url, tmp_path / "a.log", *public) as a,
        replica(store_url, tmp_path / "b.log", *public) as b,
    ):
        assert a.get("/healthz").json()["shops"] == []  # nothing held before the call
        assert anyio.run(history, str(a.base_url))["shop"] == "zweitladen"
        assert [shop["id"] for shop in a.get("/healthz").json()["shops"]] == ["zweitladen"]
        card = "/shops/zweitladen/mcp/server-card"
        assert a.get(card).status_code == 200
        assert a.get(card).content == b.get(card).content
        assert a.post("/shops/niemand/mcp/", json={}).status_code == 404
