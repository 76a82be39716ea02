"""`shopterms schema` prints the published JSON Schema; `shopterms explain` prints catalogue entries."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from click.testing import CliRunner

from shopterms.policy.model import Policy
from shopterms.validators.catalogue import load_catalogue
from shopterms.validators.cli import main


def test_schema_prints_the_packaged_policy_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    packaged = resources.files("shopterms.schemas").joinpath("policy.schema.json")
    assert result.stdout.rstrip("\n") == packaged.read_text(encoding="utf-8").rstrip("\n")
    schema = json.loads(result.stdout)
    assert set(Policy.model_fields) <= set(schema["properties"])


def test_schema_missing_from_the_installation_exits_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setattr("shopterms.validators.commands.schema.SCHEMA_FILE", "no-such.schema.json")
    result = CliRunner().invoke(main, ["schema"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert "scripts/generate_schema.py" in result.stderr


@pytest.mark.parametrize("code", ["SCHEMA001", "schema001", "unknown-key"])
def test_explain_prints_the_four_parts_of_an_entry(code: str) -> None:
    result = CliRunner().invoke(main, ["explain", code])
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("# SCHEMA001 unknown-key\n")
    positions = [
        out.index(part) for part in ("## What it checks", "## Why it matters", "## Example", "## Use instead")
    ]
    assert positions == sorted(positions)
    assert "trasit: 1-2" in out and "transit: 1-2" in out


def test_explain_of_an_unknown_code_suggests_close_codes_and_exits_2() -> None:
    result = CliRunner().invoke(main, ["explain", "SCHEMA01"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown code 'SCHEMA01'; did you mean SCHEMA0")


def test_explain_without_a_code_lists_every_catalogued_code() -> None:
    result = CliRunner().invoke(main, ["explain"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == list(load_catalogue())
