"""The CI renderers: GitHub workflow annotations and SARIF 2.1.0 valid against the OASIS schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from shopterms.policy.diagnostics import Diagnostic, Location
from shopterms.validators.cli import main
from shopterms.validators.render import RENDERERS_BY_NAME, github, sarif
from tests.conftest import EXAMPLES_DIR, REPO_ROOT
from tests.validators.rules.policies import edited_text

SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
BROKEN = {
    ("returns", "window"): "10 days after delivery",
    ("shop", "timezone"): "Europe/Vienna",
    ("support", "channels", 0, "hours"): "Mo-Fr 09:00-18:00",
}


def _validate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    return result.exit_code, result.stdout


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "shop policy.yaml"
    path.write_text(edited_text(BROKEN), encoding="utf-8")
    return path


def test_both_renderers_are_in_the_registry() -> None:
    assert RENDERERS_BY_NAME["github"] is github.render and RENDERERS_BY_NAME["sarif"] is sarif.render


def test_github_annotation_names_file_place_code_and_escapes_separators() -> None:
    item = Diagnostic(
        "EU001",
        "error",
        "7 days, not 14: too short\nsecond line",
        "a,b:c.yaml",
        ("returns",),
        Location(3, 5, 3, 9),
        "allow 14 days",
    )
    assert github.annotation(item) == (
        "::error file=a%2Cb%3Ac.yaml,line=3,col=5,endLine=3,endColumn=9,"
        "title=EU001 withdrawal-period-too-short"
        "::7 days, not 14: too short%0Asecond line%0Ahelp: allow 14 days"
    )


def test_github_maps_info_to_notice_and_omits_a_missing_place() -> None:
    item = Diagnostic("SUP005", "info", "50% of the time", "p.yaml")
    assert (
        github.annotation(item)
        == "::notice file=p.yaml,title=SUP005 hours-without-holidays::50%25 of the time"
    )


def test_github_format_prints_one_annotation_per_finding_and_no_summary(broken: Path) -> None:
    status, out = _validate("--format", "github", str(broken))
    assert status == 1
    lines = out.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any("title=EU001 withdrawal-period-too-short::" in line for line in lines)


def test_sarif_output_is_valid_against_the_sarif_2_1_0_schema(broken: Path) -> None:
    status, out = _validate("--format", "sarif", str(broken))
    assert status == 1
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert log["version"] == "2.1.0"


def test_sarif_lists_each_code_found_once_as_a_rule_with_an_absolute_help_uri(broken: Path) -> None:
    run = json.loads(_validate("--format", "sarif", str(broken))[1])["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted(set(ids)) and {"EU001", "LEG004", "SUP005"} <= set(ids)
    # Absolute, as SARIF requires: the installed documentation, and the page exists there.
    for rule in rules:
        page, _, anchor = rule["helpUri"].partition("#")
        assert page == (REPO_ROOT / "docs" / "rules.md").as_uri() and anchor
    for found in run["results"]:
        assert rules[found["ruleIndex"]]["id"] == found["ruleId"]


def test_sarif_result_has_level_region_and_escaped_uri(broken: Path) -> None:
    run = json.loads(_validate("--format", "sarif", str(broken))[1])["runs"][0]
    found = next(item for item in run["results"] if item["ruleId"] == "LEG004")
    location = found["locations"][0]
    assert found["level"] == "warning"
    assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("/shop%20policy.yaml")
    assert location["physicalLocation"]["region"] == {
        "startLine": 8,
        "startColumn": 13,
        "endLine": 8,
        "endColumn": 26,
    }
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "shop.timezone"
    notes = [item for item in run["results"] if item["ruleId"] == "SUP005"]
    assert notes and notes[0]["level"] == "note"


def test_sarif_of_a_clean_file_has_no_results_and_is_valid() -> None:
    status, out = _validate("--format", "sarif", str(EXAMPLES_DIR / "nordlicht-mode.yaml"))
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert status == 0 and log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_sarif_of_an_unreadable_file_is_valid_and_exits_2(tmp_path: Path) -> None:
    status, out = _validate("--format", "sarif", str(tmp_path / "missing.yaml"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads(out))
    assert status == 2
