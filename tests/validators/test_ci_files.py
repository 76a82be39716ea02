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
