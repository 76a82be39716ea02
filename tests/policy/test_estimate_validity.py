"""How long an estimate for "now" holds: every later moment before that instant gets the same estimate."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from shopterms.policy.estimate import estimate_delivery
from shopterms.policy.estimate_validity import estimate_valid_until
from shopterms.policy.loader import read_policy
from shopterms.policy.model import Policy
from tests.conftest import EXAMPLES_DIR
from tests.policy.test_date_properties import _destination_for, any_policy, moments


def _without_moment(policy: Policy, destination: str, moment: dt.datetime) -> list[dict[str, object]]:
    return [
        estimate.model_dump(exclude={"ordered_at"})
        for estimate in estimate_delivery(policy, destination, ordered_at=moment)
    ]


@given(any_policy, st.integers(0, 50), moments, st.floats(0, 1, exclude_max=True))
def test_an_estimate_holds_until_the_instant_it_names(
    policy: Policy, pick: int, moment: dt.datetime, fraction: float
) -> None:
    destination = _destination_for(policy, pick)
    until = estimate_valid_until(policy, moment)
    assert until > moment
    span = until - moment
    later = moment + min(span * fraction, span - dt.timedelta(microseconds=1))  # rounded, still before
    assert _without_moment(policy, destination, later) == _without_moment(policy, destination, moment)


@given(any_policy, moments)
def test_an_estimate_holds_at_most_until_the_next_midnight_of_the_warehouse(
    policy: Policy, moment: dt.datetime
) -> None:
    until = estimate_valid_until(policy, moment)
    assert until - moment <= dt.timedelta(hours=25)


def test_before_the_cutoff_the_estimate_holds_until_the_cutoff() -> None:
    policy = read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml")  # standard cutoff 14:00, express 12:00
    morning = dt.datetime.fromisoformat("2026-06-10T09:00:00+02:00")
    assert estimate_valid_until(policy, morning) == dt.datetime.fromisoformat("2026-06-10T12:00:00+02:00")
    after_both = dt.datetime.fromisoformat("2026-06-10T15:00:00+02:00")
    assert estimate_valid_until(policy, after_both) == dt.datetime.fromisoformat("2026-06-11T00:00:00+02:00")


def test_on_the_night_the_clocks_go_back_the_estimate_is_asked_again_each_quarter_hour() -> None:
    policy = read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml")  # Europe/Berlin: 25 October 2026 has 25 hours
    evening = dt.datetime.fromisoformat("2026-10-24T23:50:00+02:00")
    assert estimate_valid_until(policy, evening) == dt.datetime.fromisoformat("2026-10-25T00:00:00+02:00")
    night = dt.datetime.fromisoformat("2026-10-25T01:05:00+02:00")
    assert estimate_valid_until(policy, night) == dt.datetime.fromisoformat("2026-10-25T01:15:00+02:00")
