"""HEAD answers every GET resource with the GET's status and headers and no body (RFC 9110 §9.3.2).

Checked over a real socket, where a HEAD response must carry Content-Length without the content:
every operation of the OpenAPI document, the documents beside it and the MCP endpoint's own, for one
shop and for a directory of shops.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from shopterms.server.http_app import create_app
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.state import open_registry
from tests.conftest import EXAMPLES_DIR
from tests.server.http_harness import EXAMPLE, example_urls, running

# Headers that differ between any two responses, or only describe the connection.
VOLATILE = {"date", "connection", "keep-alive"}


def _served(source: Path) -> Iterator[httpx.Client]:
    registry = open_registry(source)
    with (
        running(create_app(registry, mounts=mcp_mounts(registry))) as base,
        httpx.Client(base_url=base) as client,
    ):
        yield client


@pytest.fixture(scope="module", params=[EXAMPLE, EXAMPLES_DIR], ids=["file", "directory"])
def client(request: pytest.FixtureRequest) -> Iterator[httpx.Client]:
    yield from _served(request.param)


def _resources(client: httpx.Client) -> list[str]:
    mcp = ["/mcp/", "/mcp/server-card"] if client.get("/mcp/").status_code == 200 else []
    shops = client.get("/shops").json()["shops"] if client.get("/shops").status_code == 200 else []
    mcp += [f"/shops/{shop['id']}/mcp/" for shop in shops] + [
        f"/shops/{shop['id']}/mcp/server-card" for shop in shops
    ]
    return [*example_urls(client.get("/openapi.json").json()), "/openapi.json", "/docs", *mcp]


def test_every_get_resource_answers_head_with_the_same_headers_and_no_body(client: httpx.Client) -> None:
    resources = _resources(client)
    assert len(resources) > 18
    for url in resources:
        got, head = client.get(url), client.head(url)
        assert got.status_code in {200, 404}, url  # 404: a section this shop does not publish
        assert head.status_code == got.status_code, url
        assert head.content == b"", url
        # An answer about "now" (no-cache) is computed afresh, so its bytes and validator move on.
        volatile = VOLATILE | (
            {"etag", "content-length"} if got.headers.get("cache-control") == "no-cache" else set()
        )
        same = {key: value for key, value in got.headers.items() if key not in volatile}
        assert {key: value for key, value in head.headers.items() if key not in volatile} == same, url


def test_head_of_a_terms_page_finds_the_api_catalog_link(client: httpx.Client) -> None:
    shops = client.get("/shops")
    page = f"/shops/{shops.json()['shops'][0]['id']}/" if shops.status_code == 200 else "/"
    response = client.head(page)
    assert response.status_code == 200
    assert 'rel="api-catalog"' in response.headers["link"]


def test_head_of_a_missing_resource_is_the_404_problem_without_body(client: httpx.Client) -> None:
    response = client.head("/no-such-document")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.content == b""


def test_a_405_names_head_beside_get(client: httpx.Client) -> None:
    assert client.post("/openapi.json").headers["allow"] in {"GET, HEAD", "HEAD, GET"}
    assert client.delete("/llms.txt").headers["allow"] == "GET, HEAD"
