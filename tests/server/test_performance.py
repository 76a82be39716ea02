"""Measured figures served: /performance (HTTP, in the OpenAPI document) and get_delivery_performance (MCP,
with an output schema), the JSON-LD and the terms page carrying them — a real uvicorn on 127.0.0.1, the
figures read from the store beside the policy file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from mcp import Client

from shopterms.server.http_app import create_app
from shopterms.server.mcp_mount import mcp_mounts
from shopterms.server.state import open_registry
from shopterms.store.engine import open_writer
from shopterms.store.evidence.published import PublishedFigures
from shopterms.store.evidence.runs import save_run
from shopterms.store.location import resolve_store
from tests.conftest import EXAMPLES_DIR
from tests.policy.evidence.figures_examples import example_figures
from tests.server.mcp_harness import assert_valid_output, error_text, serving

RUN_AT = "2026-12-01T06:00:00+00:00"  # when the example figures were computed


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def policy_file(tmp_path: Path) -> Path:
    path = Path(shutil.copy(EXAMPLES_DIR / "nordlicht-mode.yaml", tmp_path / "nordlicht-mode.yaml"))
    location = resolve_store(None, path)
    engine = open_writer(location)
    try:
        save_run(engine, location, example_figures(), {})
    finally:
        engine.dispose()
    return path


@pytest.fixture
def app(policy_file: Path) -> Iterator[FastAPI]:
    registry = open_registry(policy_file)
    source = PublishedFigures.open(resolve_store(None, policy_file))
    registry.performance = source
    yield create_app(registry, mounts=mcp_mounts(registry), handle_sighup=False)
    source.close()


@pytest.fixture
def base_url(app: FastAPI) -> Iterator[str]:
    with serving(app) as url:
        yield url


def test_performance_answers_the_published_cells_and_narrows_to_a_service_and_country(base_url: str) -> None:
    with httpx.Client(base_url=base_url) as http:
        everything = http.get("/performance").json()
        assert [(c["service"], c["country"], c["region"]) for c in everything["cells"]] == [
            ("standard", "DE", None),
            ("standard", "DE", "DE-BY"),
        ]
        assert (everything["withheld"], everything["minimum_parcels"], everything["overall"]["parcels"]) == (
            1,
            30,
            412,
        )
        narrowed = http.get(
            "/performance", params={"service": "standard", "country": "DE", "region": "DE-BY"}
        )
        assert [cell["parcels"] for cell in narrowed.json()["cells"]] == [60]
        withheld = http.get("/performance", params={"service": "express"})
        assert withheld.status_code == 404
        assert withheld.json()["allowed"] == ["standard"]
        before = http.get("/performance", params={"as_of": "2026-11-30T00:00:00+00:00"})
        assert before.status_code == 404 and "by 2026-11-30T00:00:00+00:00" in before.json()["detail"]
        assert http.get("/performance", params={"as_of": RUN_AT}).json() == everything
        wrong = http.get("/performance", params={"zip": "80331"})
        assert wrong.status_code == 400 and "takes service, country, region, as_of" in wrong.json()["detail"]
        paths = http.get("/openapi.json").json()["paths"]
        assert paths["/performance"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


def test_the_jsonld_and_the_terms_page_carry_the_figures_with_an_etag_of_their_own(base_url: str) -> None:
    with httpx.Client(base_url=base_url) as http:
        jsonld = http.get("/policy.jsonld")
        assert '"shopterms:deliveryPerformance"' in jsonld.text
        assert "figures-20261201T060000000000Z" in jsonld.headers["etag"]
        again = http.get("/policy.jsonld", headers={"If-None-Match": jsonld.headers["etag"]})
        assert again.status_code == 304
        assert 'id="performance"' in http.get("/").text
        assert (
            '"shopterms:deliveryPerformance"'
            not in http.get("/policy.jsonld", params={"as_of": "2026-11-01T00:00:00Z"}).text
        )


@pytest.mark.anyio
async def test_the_mcp_tool_answers_with_structured_figures_and_refuses_in_words(base_url: str) -> None:
    async with Client(f"{base_url}/mcp/") as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        tool = tools["get_delivery_performance"]
        result = await client.call_tool(tool.name, {"service": "standard", "country": "DE"})
        assert_valid_output(tool, result)
        assert result.structured_content is not None
        assert [cell["region"] for cell in result.structured_content["cells"]] == [None, "DE-BY"]
        refused = await client.call_tool(tool.name, {"country": "AT"})
        assert "AT has no published figures; published figures exist for DE" in error_text(refused)


def test_without_figures_there_is_no_performance_endpoint_and_no_tool(tmp_path: Path) -> None:
    registry = open_registry(Path(shutil.copy(EXAMPLES_DIR / "nordlicht-mode.yaml", tmp_path / "shop.yaml")))
    app = create_app(registry, handle_sighup=False)
    from starlette.testclient import TestClient

    with TestClient(app) as http:
        assert http.get("/performance").status_code == 404
        assert "/performance" not in http.get("/openapi.json").json()["paths"]
