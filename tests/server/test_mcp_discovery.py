"""MCP discovery: the AI Catalog lists each shop's server card, the card answers beside its endpoint,
the API catalog links both, and `build` writes the very bytes `serve` answers at the same addresses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from shopterms.policy.documents.artefacts import BuildInput, render_artefacts
from shopterms.policy.loader import read_policy
from shopterms.server.context import ServerSettings
from shopterms.server.http_app import create_app
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.state import open_registry
from tests.conftest import EXAMPLES_DIR
from tests.server.http_harness import EXAMPLE

CARD = "application/mcp-server-card+json"
SHOP_ORIGIN = "https://nordlicht-mode.example"


def _client(source: Path, public_url: str | None = None) -> Iterator[TestClient]:
    registry = open_registry(source, public_url)
    settings = ServerSettings(public_url=public_url, mcp=True)
    with TestClient(create_app(registry, settings=settings, mounts=mcp_mounts(registry))) as client:
        yield client


@pytest.fixture(scope="module")
def directory() -> Iterator[TestClient]:
    yield from _client(EXAMPLES_DIR)


def test_build_and_serve_publish_identical_mcp_discovery_files() -> None:
    built = render_artefacts(BuildInput(read_policy(EXAMPLE), str(EXAMPLE)), ["mcp-discovery"])
    served = [name for name in built if name != "server.json"]  # server.json is for the registry only
    assert len(served) == 3
    for client in _client(EXAMPLE, public_url=SHOP_ORIGIN):
        for name in served:
            response = client.get("/" + name)
            assert response.status_code == 200, name
            assert response.content == built[name], name


def test_the_ai_catalog_lists_every_shop_s_card_and_each_card_answers(directory: TestClient) -> None:
    response = directory.get("/.well-known/ai-catalog.json")
    assert response.headers["content-type"] == "application/ai-catalog+json"
    assert response.headers["access-control-allow-origin"] == "*"
    catalog = response.json()
    assert catalog["specVersion"] == "1.0"
    assert "host" not in catalog  # the server speaks for several shops
    ids = [entry["identifier"] for entry in catalog["entries"]]
    assert len(ids) == len(set(ids)) == 3
    for entry in catalog["entries"]:
        assert entry["type"] == CARD
        card = directory.get(entry["url"], headers={"Accept": CARD})
        assert card.status_code == 200
        assert card.headers["content-type"] == CARD
        assert card.headers["etag"] and card.headers["cache-control"] == "public, max-age=3600"
        assert card.json()["remotes"][0]["url"] == entry["url"].removesuffix("server-card")


def test_the_earlier_draft_catalog_address_carries_the_same_document(directory: TestClient) -> None:
    assert (
        directory.get("/.well-known/mcp/catalog.json").content
        == directory.get("/.well-known/ai-catalog.json").content
    )


def test_a_card_revalidates_with_its_etag(directory: TestClient) -> None:
    first = directory.get("/shops/kleinkram/mcp/server-card")
    again = directory.get(
        "/shops/kleinkram/mcp/server-card", headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304


def test_the_api_catalog_links_the_ai_catalog_and_each_mcp_endpoint_s_card(directory: TestClient) -> None:
    catalog, *entries = directory.get("/.well-known/api-catalog").json()["linkset"]
    (related,) = catalog["related"]
    assert related["href"] == "http://testserver/.well-known/ai-catalog.json"
    mcp = [entry for entry in entries if entry["anchor"].endswith("/mcp/")]
    assert {item["href"] for item in catalog["item"]} >= {entry["anchor"] for entry in mcp}
    for entry in mcp:
        (card,) = entry["service-desc"]
        assert card["type"] == CARD
        assert directory.get(card["href"]).status_code == 200


def test_a_card_is_readable_from_any_origin_before_connecting(directory: TestClient) -> None:
    preflight = directory.options(
        "/shops/kleinkram/mcp/server-card",
        headers={
            "Origin": "https://agent.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "If-None-Match",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
