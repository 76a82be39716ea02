"""Every command that needs a valid policy refuses a broken one the same way `validate` reports it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from shopterms.validators.cli import main

BROKEN = "shop:\n  name: Nordlicht\n  url: https://nordlicht.example\n  adress: {country: DE}\n"


@pytest.mark.parametrize(
    ("arguments", "consequence"),
    [
        (["normalize"], "nothing was printed"),
        (["export", "--to", "ucp"], "nothing was exported"),
        (["estimate", "--to", "DE"], "no dates can be computed"),
        (["deadline", "--country", "DE", "--delivered", "2026-12-11"], "no dates can be computed"),
    ],
)
def test_a_broken_policy_is_reported_with_its_source_line_and_exit_1(
    tmp_path: Path, arguments: list[str], consequence: str
) -> None:
    policy = tmp_path / "shop.yaml"
    policy.write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(main, [*arguments, str(policy)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{policy}:4:3: error[SCHEMA001]" in result.stderr
    assert "4 |   adress: {country: DE}" in result.stderr
    assert "did you mean 'address'?" in result.stderr
    assert result.stderr.rstrip().endswith(consequence)


def test_build_leaves_the_output_directory_untouched_and_says_so(tmp_path: Path) -> None:
    policy = tmp_path / "shop.yaml"
    policy.write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(policy), "-o", str(tmp_path / "site")])
    assert result.exit_code == 1
    assert "error[SCHEMA001]" in result.stderr
    assert result.stderr.rstrip().endswith(f"{tmp_path / 'site'} was left as it was")
    assert not (tmp_path / "site").exists()


def test_an_unreadable_policy_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["normalize", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2
    assert "error[YAML015]" in result.stderr
