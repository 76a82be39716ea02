"""A directory of policies: every *.yaml served under /shops/{id}, with an index and a shared catalog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from shopterms.server.http_app import create_app
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.reload import Reloader
from shopterms.server.state import open_registry
from tests.server.http_harness import copy_example


@pytest.fixture
def shops(tmp_path: Path) -> Path:
    copy_example(tmp_path, "nordlicht.yaml")
    second = copy_example(tmp_path, "suedwind.yaml")
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("name: Nordlicht Mode", "name: Südwind Schuhe"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a policy", encoding="utf-8")
    return tmp_path


@pytest.fixture
def client(shops: Path) -> Iterator[TestClient]:
    with TestClient(create_app(open_registry(shops))) as client:
        yield client


def test_the_index_lists_every_policy_file_by_its_stem(client: TestClient) -> None:
    index = client.get("/shops").json()["shops"]
    assert [(shop["id"], shop["name"]) for shop in index] == [
        ("nordlicht", "Nordlicht Mode"),
        ("suedwind", "Südwind Schuhe"),
    ]
    assert index[1]["url"] == "http://testserver/shops/suedwind"


def test_each_shop_answers_under_its_own_path(client: TestClient) -> None:
    assert client.get("/shops/suedwind/summary").json()["shop"]["name"] == "Südwind Schuhe"
    assert client.get("/shops/nordlicht/shipping", params={"country": "AT"}).status_code == 200
    assert client.get("/shops/nordlicht/").headers["content-type"].startswith("text/html")
    assert "/shops/suedwind/policy.jsonld" in client.get("/shops/suedwind/").headers["link"]


def test_an_unknown_shop_is_a_404_problem_listing_the_shops(client: TestClient) -> None:
    response = client.get("/shops/nordlich/payment")
    assert response.status_code == 404
    problem = response.json()
    assert problem["field"] == "shop_id"
    assert problem["allowed"] == ["nordlicht", "suedwind"]
    assert "Did you mean nordlicht?" in problem["detail"]


def test_the_root_catalog_and_llms_txt_list_every_shop(client: TestClient) -> None:
    linkset = client.get("/.well-known/api-catalog").json()["linkset"]
    assert [item["href"] for item in linkset[0]["item"]] == [
        "http://testserver/shops/nordlicht/",
        "http://testserver/shops/suedwind/",
    ]
    assert all(entry["service-desc"][0]["href"] == "http://testserver/openapi.json" for entry in linkset[1:])
    index = client.get("/llms.txt").text
    assert "[Südwind Schuhe](http://testserver/shops/suedwind/llms.txt)" in index
    assert client.get("/shops/suedwind/llms.txt").text.startswith("# Südwind Schuhe")
    assert client.get("/shops/suedwind/.well-known/ucp").json()["ucp"]["services"]


def test_the_root_page_links_every_shop(client: TestClient) -> None:
    page = client.get("/").text
    assert 'href="http://testserver/shops/nordlicht/"' in page


def test_a_new_file_in_the_directory_becomes_a_shop_on_reload(shops: Path) -> None:
    registry = open_registry(shops)
    copy_example(shops, "drittladen.yaml")
    assert Reloader(registry).reload().reloaded == ["drittladen"]
    assert sorted(registry.states) == ["drittladen", "nordlicht", "suedwind"]


def test_each_shop_has_its_own_mcp_endpoint(shops: Path) -> None:
    registry = open_registry(shops)
    app = create_app(registry, mounts=mcp_mounts(registry, hosts=["testserver"]))
    call = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "tools/call",
        "params": {
            "name": "get_policy_summary",
            "arguments": {},
            "_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28"},
        },
    }
    with TestClient(app) as client:
        response = client.post(
            "/shops/suedwind/mcp/", json=call, headers={"Accept": "application/json, text/event-stream"}
        )
        assert response.status_code == 200, response.text
        summary = response.json()["result"]["structuredContent"]
        assert summary == client.get("/shops/suedwind/summary").json()
