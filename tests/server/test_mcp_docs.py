"""docs/mcp.md names every tool and resource the server offers."""

from __future__ import annotations

import pytest
from mcp import Client

from shopterms.policy.loader import read_policy
from shopterms.server.mcp_server import create_mcp
from tests.conftest import EXAMPLES_DIR, REPO_ROOT
from tests.server.mcp_harness import FixedTerms


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_every_tool_and_resource_is_documented() -> None:
    published = FixedTerms(read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml"))
    async with Client(create_mcp(lambda: published)) as client:
        tools = [tool.name for tool in (await client.list_tools()).tools]
        resources = [(str(item.uri), item.mime_type) for item in (await client.list_resources()).resources]
    text = (REPO_ROOT / "docs" / "mcp.md").read_text(encoding="utf-8")
    for name in tools:
        assert f"`{name}`" in text, f"tool {name} is not documented"
    for uri, mime_type in resources:
        assert f"| `{uri}` | `{mime_type}` |" in text, f"resource {uri} is not documented"
