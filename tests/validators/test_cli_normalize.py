"""`shopterms normalize`: canonical JSON on stdout, or diagnostics on stderr and nothing on stdout."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from shopterms.policy.loader import read_policy
from shopterms.validators.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "nordlicht-mode.yaml"


def test_normalize_prints_the_model_dump_with_sorted_keys() -> None:
    result = CliRunner().invoke(main, ["normalize", str(EXAMPLE)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == read_policy(EXAMPLE).model_dump(mode="json")
    assert (
        result.stdout
        == json.dumps(json.loads(result.stdout), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    )
    assert "Hafenstraße" in result.stdout  # not escaped as \u00df


def test_normalize_is_idempotent_through_its_own_output(tmp_path: Path) -> None:
    first = CliRunner().invoke(main, ["normalize", str(EXAMPLE)]).stdout
    # JSON is YAML, so the canonical form is itself a policy file.
    (tmp_path / "canonical.yaml").write_text(first, encoding="utf-8")
    assert CliRunner().invoke(main, ["normalize", str(tmp_path / "canonical.yaml")]).stdout == first


def test_normalize_of_a_broken_file_prints_diagnostics_to_stderr_only(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("currency: EUR", "currency: EURO"), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["normalize", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path}:9:13: error[SCHEMA005]" in result.stderr
    assert result.stderr.endswith("1 error in 1 file; nothing was printed\n")


def test_normalize_of_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["normalize", str(tmp_path / "none.yaml")])
    assert (result.exit_code, result.stdout) == (2, "")
    assert "error[YAML015]" in result.stderr
