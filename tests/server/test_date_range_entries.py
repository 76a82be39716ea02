"""The HTTP API and the MCP tools refuse dates outside the supported range, naming the range."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from mcp import Client

from shopterms.policy.loader import read_policy
from shopterms.policy.supported_dates import RANGE_TEXT
from shopterms.server.mcp_server import create_mcp
from tests.conftest import EXAMPLES_DIR
from tests.server.http_harness import example_app
from tests.server.mcp_harness import FixedTerms, error_text

OUTSIDE = [
    ("/delivery-estimate", {"country": "DE", "ordered_at": "9999-12-31T23:59:00+14:00"}, "ordered_at"),
    ("/delivery-estimate", {"country": "DE", "ordered_at": "0001-01-01T00:00:00+00:00"}, "ordered_at"),
    ("/return-deadline", {"country": "DE", "delivered_on": "9999-12-31"}, "delivered_on"),
    (
        "/return-deadline",
        {"country": "DE", "delivered_on": "2026-12-11", "ordered_on": "1969-12-31"},
        "ordered_on",
    ),
    ("/support", {"at": "2200-01-01T00:00:00+00:00"}, "at"),
]
TOOL_BY_PATH = {
    "/delivery-estimate": "estimate_delivery",
    "/return-deadline": "compute_return_deadline",
    "/support": "get_support_contacts",
}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app, _ = example_app()
    with TestClient(app) as client:
        yield client


@pytest.mark.parametrize(("path", "params", "field"), OUTSIDE)
def test_a_date_outside_the_range_is_a_400_problem_naming_the_range(
    client: TestClient, path: str, params: dict[str, str], field: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["field"] == field and RANGE_TEXT in problem["detail"]


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
@pytest.mark.parametrize(("path", "params", "field"), OUTSIDE)
async def test_a_date_outside_the_range_is_a_tool_error_naming_the_range(
    path: str, params: dict[str, str], field: str, anyio_backend: str
) -> None:
    published = FixedTerms(read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml"))
    async with Client(create_mcp(lambda: published), raise_exceptions=True) as client:
        result = await client.call_tool(TOOL_BY_PATH[path], params)
    text = error_text(result)
    assert f"'{field}'" in text and RANGE_TEXT in text
