"""The MCP Inspector's CLI in strict mode: no tool schema portability problem, over stdio and HTTP."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES_DIR
from tests.external.conftest import mcp_url
from tests.external.toolchain import INSPECTOR, SHOPTERMS, run_node
from tests.server.mcp_harness import EXAMPLE_CALLS


def _inspect(tmp_path: Path, target: list[str], *options: str) -> tuple[dict[str, object], str]:
    # Options after the target: --tool-arg takes every value that follows it.
    run = run_node([str(INSPECTOR), "--cli", *target, *options], home=tmp_path)
    assert run.returncode == 0, run.stderr
    result: dict[str, object] = json.loads(run.stdout)
    return result, run.stderr


def _assert_portable(tmp_path: Path, target: list[str]) -> list[str]:
    result, stderr = _inspect(tmp_path, target, "--method", "tools/list", "--strict")
    # --strict prints every finding (error or warning) and exits 6 on errors; a portable list prints none.
    assert "portability" not in stderr and "Error: tool" not in stderr and "Warning: tool" not in stderr, (
        stderr
    )
    return [tool["name"] for tool in result["tools"]]  # type: ignore[index, union-attr]


def test_inspector_strict_finds_every_tool_schema_portable_over_stdio(tmp_path: Path) -> None:
    names = _assert_portable(tmp_path, [SHOPTERMS, "mcp", str(EXAMPLES_DIR / "nordlicht-mode.yaml")])
    assert sorted(names) == sorted(EXAMPLE_CALLS)


def test_inspector_strict_finds_every_tool_schema_portable_over_http(
    tmp_path: Path, served: tuple[str, str]
) -> None:
    layout, base = served
    names = _assert_portable(tmp_path, ["--transport", "http", "--server-url", mcp_url(layout, base)])
    expected = {*EXAMPLE_CALLS, *(["compare_with"] if layout == "directory" else [])}
    assert sorted(names) == sorted(expected)


@pytest.mark.parametrize("tool", sorted(EXAMPLE_CALLS))
def test_inspector_calls_every_tool_without_a_tool_error(tmp_path: Path, tool: str) -> None:
    arguments = [f"{name}={value}" for name, value in EXAMPLE_CALLS[tool].items()]
    options = [
        "--method",
        "tools/call",
        "--tool-name",
        tool,
        *(["--tool-arg", *arguments] if arguments else []),
    ]
    result, _ = _inspect(tmp_path, [SHOPTERMS, "mcp", str(EXAMPLES_DIR / "nordlicht-mode.yaml")], *options)
    assert result.get("isError") is not True
    assert isinstance(result.get("structuredContent"), dict)
