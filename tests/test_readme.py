"""The README is the newcomer's entry: its commands, links and quoted examples must stay true."""

from __future__ import annotations

import re

from shopterms.validators.cli import COMMAND_PATHS_BY_NAME
from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _fenced_block_after(marker: str) -> list[str]:
    after = README.split(marker, 1)[1]
    block = after.split("```", 2)[1]
    return [line for line in block.splitlines()[1:] if line.strip()]


def test_every_command_is_documented_in_the_readme() -> None:
    undocumented = [name for name in COMMAND_PATHS_BY_NAME if f"`shopterms {name}" not in README]
    assert not undocumented, f"add these commands to the README's command table: {undocumented}"


def test_every_relative_link_in_the_readme_points_at_a_file() -> None:
    targets = re.findall(r"\]\(((?!https?://)[^)#]+)\)", README)
    missing = [target for target in targets if not (REPO_ROOT / target).exists()]
    assert targets and not missing


def test_the_two_setup_commands_are_single_lines_in_their_marked_blocks() -> None:
    install = _fenced_block_after("<!-- setup:install -->")
    test = _fenced_block_after("<!-- setup:test -->")
    assert len(install) == 1 and "pip install" in install[0] and "examples/" in install[0]
    assert len(test) == 1 and "pytest" in test[0]


def test_the_quoted_policy_excerpt_is_taken_from_the_bundled_example() -> None:
    example = (REPO_ROOT / "examples" / "nordlicht-mode.yaml").read_text(encoding="utf-8")
    excerpt = README.split("```yaml", 1)[1].split("```", 1)[0]
    absent = [line for line in excerpt.splitlines() if line.strip() and line not in example]
    assert not absent, f"README quotes lines the example does not have: {absent}"


def test_script_and_bench_commands_run_with_the_virtual_environment_s_python() -> None:
    # A bare `python` may not be the one shopterms was installed into (the set-up makes .venv).
    assert re.findall(r"`(?:python3?|pytest) ", README) == []
    assert ".venv/bin/python scripts/generate_schema.py" in README
