"""The HTTP API and the MCP tools give the same answers (and refuse the same questions) for every example."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from mcp import Client

from shopterms.policy.answers import policy_summary
from shopterms.policy.model import Policy
from shopterms.server.http_app import create_app
from shopterms.server.mcp_server import create_mcp
from shopterms.server.state import open_registry
from tests.conftest import example_files
from tests.server.mcp_harness import error_text

pytestmark = pytest.mark.anyio
ORDERED_AT = "2026-12-23T15:00:00+01:00"
SUPPORT_AT = "2026-12-24T11:30:00+01:00"
# Questions that every shop must refuse, whatever its terms.
REFUSED = [
    ("/shipping", "get_shipping_options", {"country": "XX"}),
    ("/delivery-estimate", "estimate_delivery", {"country": "DE", "ordered_at": "2026-12-23T15:00"}),
    ("/return-deadline", "compute_return_deadline", {"country": "DE", "delivered_on": "11.12.2026"}),
]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def questions(policy: Policy) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(HTTP path, tool, arguments) for every section and every country the shop names."""
    summary = policy_summary(policy)
    yield "/summary", "get_policy_summary", {}
    yield "/payment", "get_payment_terms", {}
    yield "/support", "get_support_contacts", {"at": SUPPORT_AT}
    for country in summary.shipping.countries if summary.shipping else []:
        yield "/shipping", "get_shipping_options", {"country": country}
        yield "/delivery-estimate", "estimate_delivery", {"country": country, "ordered_at": ORDERED_AT}
    if summary.shipping and "DE" in summary.shipping.countries:
        bavaria = {"country": "DE", "region": "DE-BY", "ordered_at": ORDERED_AT}
        yield "/delivery-estimate", "estimate_delivery", bavaria
    for country in summary.returns.countries if summary.returns else []:
        yield "/returns", "get_return_policy", {"country": country}
        deadline = {"country": country, "delivered_on": "2026-12-11", "ordered_on": "2026-12-01"}
        yield "/return-deadline", "compute_return_deadline", deadline
    yield from REFUSED


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.stem)
async def test_http_api_and_mcp_tools_answer_every_question_alike(path: Path) -> None:
    registry = open_registry(path)
    http = TestClient(create_app(registry, handle_sighup=False))
    asked = 0
    async with Client(create_mcp(registry.current), raise_exceptions=True) as mcp:
        for route, tool, arguments in questions(registry.current().policy):
            response = http.get(route, params=arguments)
            result = await mcp.call_tool(tool, arguments)
            where = f"{route} {arguments}"
            if response.status_code == 200:
                assert not result.is_error, f"{where}: HTTP answers, MCP refuses: {error_text(result)}"
                answer: Any = response.json()
                assert result.structured_content == answer, where
            else:
                assert result.is_error, f"{where}: HTTP refuses ({response.status_code}), MCP answers"
                assert response.json()["detail"] in error_text(result), where
            asked += 1
    assert asked >= len(REFUSED) + 3
