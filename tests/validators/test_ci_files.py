"""The pre-commit hook definition and the commands docs/ci.md shows stay valid."""

from __future__ import annotations

import re
import shlex

from click.testing import CliRunner
from ruamel.yaml import YAML

from shopterms.validators.cli import main
from tests.conftest import EXAMPLES_DIR, REPO_ROOT


def test_the_pre_commit_hook_runs_validate_on_policy_files_only() -> None:
    hooks = YAML(typ="safe").load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "shopterms-validate" and hook["entry"] == "shopterms validate"
    pattern = re.compile(hook["files"])
    for name in ("shopterms.yaml", "terms/policy.yml", "shop.policy.yaml", "policies/nordlicht.yaml"):
        assert pattern.search(name), name
    for name in (".github/workflows/ci.yml", "docker-compose.yaml", "policies/sub/x.txt"):
        assert not pattern.search(name), name


def test_every_shopterms_command_in_the_ci_guide_parses_and_runs_on_an_example() -> None:
    text = (REPO_ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    commands = re.findall(r"run: (shopterms [^\n>]+?)(?:\s*>.*)?$", text, flags=re.MULTILINE)
    assert len(commands) >= 2
    for command in commands:
        words = shlex.split(command)[1:]
        words = [word for word in words if not word.endswith(".yaml")] + [
            str(EXAMPLES_DIR / "nordlicht-mode.yaml")
        ]
        result = CliRunner().invoke(main, words)
        assert result.exit_code == 0, (command, result.output)


def test_the_ci_guide_installs_from_the_source_and_names_no_placeholder_owner() -> None:
    text = (REPO_ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "OWNER" not in text
    assert re.findall(r"pipx install shopterms\b", text) == []  # not on PyPI yet
    assert "pipx install ./shopterms-src" in text


def test_the_guide_s_local_pre_commit_hook_is_the_shipped_hook() -> None:
    text = (REPO_ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = text.split("# .pre-commit-config.yaml\n", 1)[1].split("```", 1)[0]
    (local,) = YAML(typ="safe").load(block)["repos"]
    (hook,) = local["hooks"]
    (shipped,) = YAML(typ="safe").load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert local["repo"] == "local" and hook["language"] == "system"
    assert {key: hook[key] for key in ("id", "entry", "files")} == {
        key: shipped[key] for key in ("id", "entry", "files")
    }
