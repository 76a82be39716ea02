"""`shopterms validate`: formats, summary line, exit status 0 clean / 1 findings / 2 unreadable or misused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopterms.validators.cli import main

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = REPO_ROOT / "examples"
TWO_ERRORS = (
    EXAMPLES.joinpath("nordlicht-mode.yaml")
    .read_text(encoding="utf-8")
    .replace("currency: EUR", "currency: EURO")
    .replace("on_time_rate: 0.96", "on_time_rate: 96")
)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(TWO_ERRORS, encoding="utf-8")
    return path


def validate(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["validate", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda path: path.name)
def test_every_example_policy_is_valid(example: Path) -> None:
    assert validate(str(example)) == (0, "1 file valid\n", "")


def test_findings_exit_1_with_a_summary_line(broken: Path) -> None:
    status, out, _ = validate(str(broken))
    assert status == 1
    assert out.endswith("\n2 errors in 1 file\n")
    assert f"{broken}:9:13: error[SCHEMA005] 'EURO' is not a valid value for currency\n" in out
    assert "help: ISO 4217 currency code, e.g. EUR." in out


def test_text_is_an_alias_of_full(broken: Path) -> None:
    assert validate("--format", "text", str(broken)) == validate("--format", "full", str(broken))


def test_concise_prints_one_line_per_finding_and_the_summary(broken: Path) -> None:
    status, out, _ = validate("--format", "concise", str(broken))
    assert status == 1
    assert out.splitlines() == [
        f"{broken}:9:13: error[SCHEMA005] 'EURO' is not a valid value for currency",
        f"{broken}:49:17: error[SCHEMA006] on_time_rate must be at most 1, not 96",
        "2 errors in 1 file",
    ]


def test_json_lists_every_field_and_nothing_else(broken: Path) -> None:
    status, out, _ = validate("--format", "json", str(broken))
    assert status == 1
    first, second = json.loads(out)
    assert first == {
        "code": "SCHEMA005",
        "name": "invalid-format",
        "severity": "error",
        "message": "'EURO' is not a valid value for currency",
        "file": str(broken),
        "path": "shop.currency",
        "start": {"line": 9, "column": 13},
        "end": {"line": 9, "column": 17},
        "hint": "ISO 4217 currency code, e.g. EUR.",
        "detail": "string_pattern_mismatch: String should match pattern '^[A-Z]{3}$'",
        "url": (REPO_ROOT / "docs" / "rules.md").as_uri() + "#schema005-invalid-format",
    }
    assert second["code"] == "SCHEMA006"


def test_json_of_a_clean_file_is_an_empty_list() -> None:
    assert validate("--format", "json", str(EXAMPLES / "nordlicht-mode.yaml")) == (0, "[]\n", "")


def test_several_files_are_counted_in_the_summary(broken: Path) -> None:
    status, out, _ = validate("--format", "concise", str(EXAMPLES / "nordlicht-mode.yaml"), str(broken))
    assert status == 1
    assert out.endswith("2 errors in 1 of 2 files\n")


def test_missing_file_exits_2_even_next_to_findings(broken: Path, tmp_path: Path) -> None:
    missing = tmp_path / "polcy.yaml"
    status, out, _ = validate("--format", "concise", str(broken), str(missing))
    assert status == 2
    assert f"{missing}: error[YAML015] the file does not exist\n" in out


def test_standard_input_is_read_for_a_dash() -> None:
    status, out, _ = validate("--format", "concise", "-", stdin="shop:\n\tname: x\n")
    assert status == 1
    assert out.startswith("<stdin>:2:1: error[YAML002] this line is indented with a tab\n")


@pytest.mark.parametrize("args", [[], ["--format", "xml", "p.yaml"], ["--no-such-option", "p.yaml"]])
def test_bad_usage_exits_2_with_a_usage_message(args: list[str]) -> None:
    status, _, err = validate(*args)
    assert status == 2
    assert "Usage:" in err
