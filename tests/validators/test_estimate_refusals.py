"""When the policy cannot answer (a closure without end), `estimate` names the closure, not an option."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from shopterms.policy.errors import QueryError
from shopterms.policy.estimate import estimate_delivery
from shopterms.policy.loader import load_policy_text
from shopterms.validators.cli import main
from tests.conftest import EXAMPLES_DIR

EXAMPLE = (EXAMPLES_DIR / "nordlicht-mode.yaml").read_text(encoding="utf-8")
FOREVER = EXAMPLE.replace("closed: [2026-12-24..2027-01-01]", "closed: [2000-01-01..2199-12-31]")


@pytest.fixture
def closed_for_good(tmp_path: Path) -> Path:
    assert FOREVER != EXAMPLE
    path = tmp_path / "shop.yaml"
    path.write_text(FOREVER, encoding="utf-8")
    return path


def test_validate_flags_a_closure_that_leaves_no_dispatch_day_within_a_year(closed_for_good: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(closed_for_good)])
    assert result.exit_code == 1
    expected = "error[SHIP015] the warehouse closure 2000-01-01..2199-12-31 lasts more than a year"
    assert expected in result.stdout


def test_estimate_names_the_closure_and_blames_no_option_that_was_not_given(closed_for_good: Path) -> None:
    result = CliRunner().invoke(main, ["estimate", str(closed_for_good), "--to", "DE"])
    assert result.exit_code == 1, result.output
    assert "--service" not in result.stderr and "Invalid value" not in result.stderr
    assert "2000-01-01..2199-12-31 (shipping.closed[0])" in result.stderr


def test_the_engine_names_the_closure_as_the_field_at_fault() -> None:
    policy = load_policy_text(FOREVER).policy
    assert policy is not None
    with pytest.raises(QueryError) as refused:
        estimate_delivery(policy, "DE", ordered_at="2026-06-01T10:00:00+02:00")
    assert refused.value.field == "shipping.closed"
    assert "2000-01-01..2199-12-31" in refused.value.message


@pytest.mark.parametrize("written", ["transit: 400", "transit: 1-400", "transit: {min: 1, max: 400}"])
def test_an_out_of_range_day_count_says_the_allowed_range(written: str) -> None:
    text = EXAMPLE.replace("transit: 1-2", written, 1)
    assert text != EXAMPLE
    [problem] = load_policy_text(text).diagnostics
    assert problem.code == "SCHEMA006" and "at most 365" in problem.message
    assert problem.hint is not None and "from 0 to 365" in problem.hint
