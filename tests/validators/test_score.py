"""The agent-readiness score: criteria add up to 100, each moves with the policy fact it measures, the
command prints text and JSON, and docs/score.md names every criterion with a source."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from shopterms.policy.diagnostics import YamlPath
from shopterms.validators.cli import main
from shopterms.validators.score import CRITERIA, CRITERIA_BY_ID, score
from tests.conftest import EXAMPLES_DIR, REPO_ROOT
from tests.validators.rules.policies import DELETE, load_edited

NORDLICHT = str(EXAMPLES_DIR / "nordlicht-mode.yaml")


def _scores(edits: dict[YamlPath, Any]) -> dict[str, float]:
    policy = load_edited(edits).policy
    assert policy is not None
    return {item.criterion.id: item.earned for item in score(policy).scored}


def test_points_add_up_to_60_and_40() -> None:
    by_group = {
        group: sum(c.points for c in CRITERIA if c.group == group)
        for group in ("completeness", "competitiveness")
    }
    assert by_group == {"completeness": 60, "competitiveness": 40}
    assert all(c.source for c in CRITERIA if c.group == "competitiveness")


@pytest.mark.parametrize(
    ("criterion", "edits", "earned"),
    [
        ("return-window-30", {("returns", "window"): "14 days after delivery"}, 0.0),
        ("return-window-30", {("returns", "window"): "22 days after delivery"}, 4.0),
        ("return-window-30", {("returns", "window"): "unlimited"}, 8.0),
        ("free-returns", {("returns", "cost"): "free"}, 8.0),
        ("leadtime-3-days", {("shipping", "handling", "days"): "2-3"}, 4.0),
        ("leadtime-3-days", {("shipping", "handling", "days"): "5"}, 0.0),
        ("refund-5-days", {("returns", "refund"): {"within": "5 days after arrival"}}, 6.0),
        ("refund-5-days", {("returns", "refund"): DELETE}, 0.0),
        ("refund-time", {("returns", "refund"): DELETE}, 0.0),
        ("carrier-choice", {("shipping", "services", 0, "carrier_choice"): False}, 0.0),
        ("delay-notices", {("shipping", "notifications", "events"): ["shipped"]}, 0.0),
        ("legal-pages", {("legal", "imprint_url"): DELETE}, 8.0),
        ("payment", {("payment", "invoice"): DELETE}, 2.5),
        ("tracking", {("shipping", "tracking"): DELETE}, 0.0),
        ("cutoff", {("shipping", "handling", "cutoff"): DELETE}, 0.0),
    ],
)
def test_a_criterion_follows_its_fact(criterion: str, edits: dict[YamlPath, Any], earned: float) -> None:
    assert _scores(edits)[criterion] == earned


def test_the_minimal_example_scores_low_and_the_full_ones_high() -> None:
    from shopterms.policy.loader import read_policy

    totals = {path.stem: score(read_policy(path)).total for path in sorted(EXAMPLES_DIR.glob("*.yaml"))}
    assert totals == {"kleinkram": 14, "nordlicht-mode": 93, "voltwerk-electronics": 92}


def test_text_output_shows_total_groups_and_every_criterion() -> None:
    result = CliRunner().invoke(main, ["score", NORDLICHT])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Agent-readiness of Nordlicht Mode: 93/100"
    assert "Competitiveness: 33/40" in lines
    assert "      4/8  free-returns      free in 1 of 2 countries" in lines
    assert all(any(f"  {c.id} " in line for line in lines) for c in CRITERIA)


def test_json_output_carries_score_groups_and_sources() -> None:
    result = CliRunner().invoke(main, ["score", "--format", "json", NORDLICHT])
    report = json.loads(result.stdout)
    assert report["score"] == 93 and report["max"] == 100
    assert report["groups"]["completeness"] == {"score": 60.0, "max": 60}
    assert [item["id"] for item in report["criteria"]] == list(CRITERIA_BY_ID)
    assert report["criteria"][-1]["source"].startswith("FTC")


def test_fail_under_exits_1_below_the_threshold() -> None:
    assert CliRunner().invoke(main, ["score", "--fail-under", "94", NORDLICHT]).exit_code == 1
    assert CliRunner().invoke(main, ["score", "--fail-under", "93", NORDLICHT]).exit_code == 0


def test_an_invalid_policy_exits_1_with_diagnostics_and_a_missing_file_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("shop: {name: x}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["score", str(bad)])
    assert result.exit_code == 1 and "error[SCHEMA002]" in result.stderr and result.stdout == ""
    assert CliRunner().invoke(main, ["score", str(tmp_path / "none.yaml")]).exit_code == 2


def test_docs_name_every_criterion() -> None:
    text = (REPO_ROOT / "docs" / "score.md").read_text(encoding="utf-8")
    for criterion in CRITERIA:
        assert f"| `{criterion.id}` | {criterion.points} |" in text
