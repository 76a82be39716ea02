"""`shopterms validate POLICY --evidence`: the terms held against the shop's latest figures, one finding
per contradiction, located in the file, with the figure, its sample and what the data supports."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from shopterms.policy.evidence.figures import Percentiles
from shopterms.store.engine import open_writer
from shopterms.store.evidence.runs import save_run
from shopterms.store.location import resolve_store
from shopterms.validators.cli import main
from tests.conftest import EXAMPLES_DIR
from tests.policy.evidence.figures_examples import cell, example_figures


def _validate(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", *arguments, "--format", "concise"])
    return result.exit_code, result.stdout


def _policy_with_figures(tmp_path: Path) -> Path:
    policy = Path(shutil.copy(EXAMPLES_DIR / "nordlicht-mode.yaml", tmp_path / "nordlicht-mode.yaml"))
    figures = example_figures()
    slow = cell(
        "express", "DE", None, 500, on_time=400, late=100, on_time_rate=0.8, dispatch_on_time_rate=0.8
    )
    overall = figures.overall.model_copy(update={"refund_days": Percentiles(p50=6, p90=11)})
    figures = figures.model_copy(update={"cells": [slow, *figures.cells[1:]], "overall": overall})
    location = resolve_store(None, policy)
    engine = open_writer(location)
    try:
        save_run(engine, location, figures, {})
    finally:
        engine.dispose()
    return policy


def test_each_contradiction_is_a_located_warning_with_the_honest_promise(tmp_path: Path) -> None:
    policy = _policy_with_figures(tmp_path)
    code, out = _validate(str(policy), "--evidence")
    assert code == 0  # warnings
    lines = [line.replace(str(policy), "nordlicht-mode.yaml") for line in out.splitlines()]
    expected = [
        (
            "32:16",
            "EVID001",
            "express to DE: measured p90 lead time is 4 business days (500 delivered parcels, "
            "orders 2026-09-02 to 2026-11-30); the terms promise 1-2 (handling 0-1 + transit 1)",
        ),
        (
            "27:7",
            "EVID002",
            "express to DE: 80.0% delivered on time (500 parcels, orders 2026-09-02 to "
            "2026-11-30); below 90%",
        ),
        (
            "15:20",
            "EVID004",
            "express to DE: 80.0% dispatched by the promised day (500 parcels, orders "
            "2026-09-02 to 2026-11-30); below 90%",
        ),
        (
            "23:16",
            "EVID001",
            "standard to DE: measured p90 lead time is 4 business days (400 delivered "
            "parcels, orders 2026-09-02 to 2026-11-30); the terms promise 1-3 (handling 0-1 + transit 1-2)",
        ),
        (
            "49:17",
            "EVID003",
            "on_time_rate states 0.96, but 90.0% of 412 parcels were delivered on time "
            "(orders 2026-09-02 to 2026-11-30; 95% interval 86.8% to 92.6%)",
        ),
        (
            "60:20",
            "EVID005",
            "refunds: measured p90 is 11 days after arrival (40 refunds, orders 2026-09-02 "
            "to 2026-11-30); the terms promise 7",
        ),
    ]
    assert lines == [
        *(f"nordlicht-mode.yaml:{where}: warning[{code}] {message}" for where, code, message in expected),
        "6 warnings in 1 file",
    ]
    assert _validate(str(policy), "--evidence", "--strict")[0] == 1


def test_the_hint_names_the_promise_the_data_supports(tmp_path: Path) -> None:
    policy = _policy_with_figures(tmp_path)
    result = CliRunner().invoke(main, ["validate", str(policy), "--evidence"])
    assert "help: measured p90 is 4 business days; promise 2-4: e.g. transit: 2-3" in result.stdout
    assert "help: write on_time_rate: 0.90, the measured share" in result.stdout
    assert (
        "help: refund within 7 days, or promise 11: refund: {within: 11 days after arrival}" in result.stdout
    )


def test_a_stricter_threshold_finds_more_and_a_laxer_one_fewer(tmp_path: Path) -> None:
    policy = _policy_with_figures(tmp_path)
    assert "EVID002" not in _validate(str(policy), "--evidence", "--on-time-threshold", "0.7")[1]


def test_without_a_store_there_is_nothing_to_check_and_it_says_so(tmp_path: Path) -> None:
    policy = Path(shutil.copy(EXAMPLES_DIR / "nordlicht-mode.yaml", tmp_path / "nordlicht-mode.yaml"))
    code, out = _validate(str(policy), "--evidence")
    assert code == 0
    assert "info[EVID006] no measured figures to check the terms against: there is no store at" in out


def test_validate_without_evidence_reads_no_store(tmp_path: Path) -> None:
    policy = _policy_with_figures(tmp_path)
    assert _validate(str(policy)) == (0, "1 file valid\n")
