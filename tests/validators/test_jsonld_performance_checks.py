"""The JSON-LD with measured figures still passes the vocabulary check and Google's rules: the figures of
the test examples, and those of a simulated export taken through the commands end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from shopterms.policy.jsonld import compile_policy, dumps
from shopterms.policy.jsonld.performance import with_performance
from shopterms.validators.cli import main
from shopterms.validators.conformance import check_jsonld_conformance
from shopterms.validators.shapes import check_jsonld_google_rules
from tests.conftest import EXAMPLES_DIR
from tests.policy.evidence.figures_examples import example_figures
from tests.policy.evidence.judging_harness import example_policy
from tests.store.evidence.evidence_harness import run


def test_figures_pass_the_vocabulary_and_google_checks() -> None:
    policy = example_policy()
    text = dumps(with_performance(compile_policy(policy), policy, example_figures()))
    assert "shopterms:DeliveryPerformance" in text
    assert check_jsonld_conformance(text) == []
    assert check_jsonld_google_rules(text) == []


def test_a_site_built_with_simulated_figures_passes_what_check_checks(tmp_path: Path) -> None:
    policy = Path(shutil.copy(EXAMPLES_DIR / "nordlicht-mode.yaml", tmp_path / "nordlicht-mode.yaml"))
    export = tmp_path / "export.csv"
    for command in (
        ["simulate", str(policy), "--parcels", "3000", "--until", "2026-12-20", "-o", str(export)],
        ["ingest", str(export), "--shop", str(policy)],  # into the store beside the policy
        ["report", str(policy), "--until", "2026-12-20", "--no-html"],
    ):
        code, _, err = run("evidence", *command)
        assert code == 0, err
    site = tmp_path / "site"
    built = CliRunner().invoke(main, ["build", str(policy), "--evidence", "-o", str(site)])
    assert built.exit_code == 0, built.output
    text = (site / "policy.jsonld").read_text(encoding="utf-8")
    assert text.count('"shopterms:DeliveryPerformance"') > 10
    assert check_jsonld_conformance(text) == []
    assert check_jsonld_google_rules(text) == []
    # The page as `shopterms check` reads it: schema.org, Google's rules and the policy's own facts.
    checked = CliRunner().invoke(
        main, ["check", str(site / "index.html"), "--policy", str(policy), "--format", "json", "--strict"]
    )
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout) == []
