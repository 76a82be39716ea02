"""`shopterms validate` with the rule packs: packs chosen by sells_to or --rules, --strict, exit statuses,
and the exact text output for one broken policy per pack (rewrite with --update-goldens)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from shopterms.policy.diagnostics import YamlPath
from shopterms.validators.cli import main
from tests.validators.rules.policies import edited_text

EXPECTED = Path(__file__).parent / "expected"
PHONE: YamlPath = ("support", "channels", 0)

# name → edits; each breaks rules of one pack (the WORLD policy sells to DE, AT, CH, GB and US).
SNAPSHOTS: dict[str, dict[YamlPath, Any]] = {
    "core": {
        ("shipping", "services", 0, "rate"): [
            {"amount": 4.95, "weight_kg": "0-5"},
            {"amount": 6.95, "weight_kg": "2-10"},
        ],
        (*PHONE, "number"): "040 1234567",
    },
    "eu": {("returns", "window"): "10 days after delivery", ("legal", "withdrawal_url"): None},
    "de": {("shipping", "services", 0, "name"): "Standardversand (ca. 2 Tage)"},
    "uk": {("returns", "defective"): {"window": "14 days after delivery"}},
    "us": {("shipping", "notifications", "events"): ["shipped", "delivered"]},
}


def _write(tmp_path: Path, edits: dict[YamlPath, Any]) -> str:
    from tests.validators.rules.policies import DELETE

    text = edited_text({path: DELETE if value is None else value for path, value in edits.items()})
    (tmp_path / "shop.yaml").write_text(text, encoding="utf-8")
    return "shop.yaml"


def validate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize("name", sorted(SNAPSHOTS))
def test_text_output_of_a_broken_policy_matches_its_snapshot(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_goldens: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out = validate(_write(tmp_path, SNAPSHOTS[name]))
    expected = EXPECTED / f"{name}.txt"
    if update_goldens:
        expected.write_text(out, encoding="utf-8")
    assert out == expected.read_text(encoding="utf-8")
    assert status == (1 if "error[" in out else 0)


def test_warnings_alone_exit_0_and_exit_1_with_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = _write(tmp_path, SNAPSHOTS["de"])
    status, out = validate(name)
    assert status == 0 and out.endswith("1 warning in 1 file\n")
    assert validate("--strict", name)[0] == 1


def test_info_findings_never_fail_even_with_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = _write(tmp_path, {(*PHONE, "hours"): "Mo-Fr 09:00-18:00"})
    assert validate("--strict", name) == (0, validate(name)[1])
    assert "info[SUP005]" in validate(name)[1]


def test_rules_option_replaces_the_packs_chosen_by_sells_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = _write(tmp_path, {("legal", "withdrawal_url"): None})
    assert "EU009" in validate(name)[1]
    status, out = validate("--rules", "core,de", name)
    assert status == 0 and out == "1 file valid\n"
    assert "EU009" in validate("--rules", " EU , core", name)[1]


def test_legal_packs_follow_sells_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    edits = {**SNAPSHOTS["uk"], ("shop", "sells_to"): ["DE", "AT", "CH", "US"]}
    edits[("shipping", "services", 2, "to")] = ["AT", "CH", "US"]
    edits[("shipping", "services", 2, "rate")] = {"AT": 7.95, "CH": 14.95, "US": 19.95}
    edits[("returns", "countries")] = ["DE", "AT"]
    assert "UK004" not in validate(_write(tmp_path, edits))[1]


def test_an_unknown_pack_is_a_usage_error_naming_the_known_ones() -> None:
    status, out = validate("--rules", "core,fr", "examples/nordlicht-mode.yaml")
    assert status == 2
    assert "unknown rule pack fr; choose from core, eu, de, uk, us" in out


def test_rule_findings_come_after_nothing_when_the_file_does_not_load(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("shop: {name: x}\n", encoding="utf-8")
    status, out = validate("--format", "concise", str(path))
    assert status == 1 and all("[SCHEMA" in line for line in out.splitlines()[:-1])
