"""The judge's memo of promises never changes a promise: for any order moment it gives what the date
engine's delivery estimate gives for that moment."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopterms.policy.estimate import estimate_delivery
from shopterms.policy.evidence.judging import Judge, TermsVersion
from tests.policy.evidence.judging_harness import example_policy, facts

POLICY = example_policy()
TERMS = TermsVersion("example", POLICY)
# One judge for every example, so later examples meet promises memoised by earlier ones.
JUDGE = Judge(lambda moment: TERMS, dt.date(2030, 1, 1))
ZONES = [dt.UTC, dt.timezone(dt.timedelta(hours=2)), dt.timezone(dt.timedelta(hours=-5, minutes=-30))]


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    moment=st.datetimes(
        min_value=dt.datetime(2026, 12, 18),
        max_value=dt.datetime(2027, 1, 12),
        timezones=st.sampled_from(ZONES),
    ),
    service=st.sampled_from(["standard", "express"]),
    region=st.sampled_from(["DE-HH", "DE-BY", "DE-BW", None]),
)
def test_a_memoised_promise_is_the_estimate_for_that_very_moment(
    moment: dt.datetime, service: str, region: str | None
) -> None:
    judged = JUDGE.judge(facts(moment.isoformat(), service=service, region=region))
    assert not isinstance(judged, str)
    estimate = estimate_delivery(POLICY, region or "DE", service, moment)[0]
    promise = judged.promise
    assert (promise.counts_from, promise.earliest_dispatch, promise.latest_dispatch) == (
        estimate.counts_from,
        estimate.earliest_dispatch,
        estimate.latest_dispatch,
    )
    assert (promise.earliest_delivery, promise.latest_delivery) == (
        estimate.earliest_delivery,
        estimate.latest_delivery,
    )
