"""The official TypeScript MCP client, validating with ajv in strict mode, over stdio and streamable HTTP.

Both protocol eras (the 2025 initialize handshake and the stateless 2026-07-28 revision): every input
and output schema compiles under ajv strict, every example call answers with structured content that
the client validates against the tool's output schema, and an unknown argument is a tool error.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES_DIR
from tests.external.conftest import mcp_url
from tests.external.toolchain import SHOPTERMS, run_node
from tests.server.mcp_harness import EXAMPLE_CALLS

ERAS = ["legacy", "2026-07-28"]
SCRIPT = "mcp_client_check.mjs"


def _check(tmp_path: Path, era: str, target: list[str]) -> dict[str, object]:
    calls = tmp_path / "calls.json"
    calls.write_text(json.dumps(EXAMPLE_CALLS), encoding="utf-8")
    run = run_node([SCRIPT, era, str(calls), *target], home=tmp_path)
    assert run.stdout, run.stderr
    report: dict[str, object] = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["failures"] == [], run.stderr
    assert run.returncode == 0
    return report


@pytest.mark.parametrize("era", ERAS)
def test_the_typescript_client_over_stdio_accepts_every_tool(tmp_path: Path, era: str) -> None:
    target = ["stdio", SHOPTERMS, "mcp", str(EXAMPLES_DIR / "nordlicht-mode.yaml")]
    report = _check(tmp_path, era, target)
    assert len(report["tools"]) == len(EXAMPLE_CALLS)  # type: ignore[arg-type]


@pytest.mark.parametrize("era", ERAS)
def test_the_typescript_client_over_http_accepts_every_tool(
    tmp_path: Path, era: str, served: tuple[str, str]
) -> None:
    layout, base = served
    report = _check(tmp_path, era, ["http", mcp_url(layout, base)])
    tools = report["tools"]
    assert isinstance(tools, list) and len(tools) == len(EXAMPLE_CALLS)
    assert all(tool["structured"] and tool["unknownRefused"] for tool in tools)
