"""`shopterms mcp POLICY` as a real subprocess, spoken to over stdio by the SDK's client."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from mcp import Client, StdioServerParameters

from tests.conftest import EXAMPLES_DIR, REPO_ROOT
from tests.server.mcp_harness import EXAMPLE_CALLS, assert_valid_output, error_text

SHOPTERMS = str(Path(sys.executable).with_name("shopterms"))


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def _command(policy: Path) -> StdioServerParameters:
    return StdioServerParameters(command=SHOPTERMS, args=["mcp", str(policy)], cwd=REPO_ROOT)


@pytest.mark.anyio
@pytest.mark.parametrize("mode", ["legacy", "2026-07-28"])
async def test_stdio_server_answers_every_tool_and_serves_the_documents(mode: str) -> None:
    async with Client(_command(EXAMPLES_DIR / "nordlicht-mode.yaml"), mode=mode) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        assert sorted(tools) == sorted(EXAMPLE_CALLS)
        for name, arguments in EXAMPLE_CALLS.items():
            assert_valid_output(tools[name], await client.call_tool(name, arguments))
        refused = await client.call_tool("get_shipping_options", {"country": "FR"})
        assert "AT, CH, DE" in error_text(refused)
        jsonld = (await client.read_resource("shopterms://policy.jsonld")).contents[0]
    assert jsonld.mime_type == "application/ld+json"
    assert "@context" in json.loads(getattr(jsonld, "text", ""))


def test_an_invalid_policy_is_refused_with_a_located_message_and_exit_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("shop:\n  name: Nameless\n", encoding="utf-8")
    command = [SHOPTERMS, "mcp", str(broken)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 1
    assert run.stdout == ""  # stdout belongs to the protocol
    assert str(broken) in run.stderr and "not served" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_missing_policy_file_is_a_usage_error() -> None:
    run = subprocess.run(
        [SHOPTERMS, "mcp", "no-such-file.yaml"], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 2
    assert "no-such-file.yaml" in run.stderr and "Traceback" not in run.stderr
