"""Properties of the date engine over generated policies, destinations and moments.

Holidays are checked against the `holidays` package directly (not the engine's cached tables), so a
caching mistake would show up as a delivery on a holiday.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import holidays
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopterms.policy.deadline import MOVED_TO_WORKING_DAY, return_deadline
from shopterms.policy.estimate import estimate_delivery
from shopterms.policy.loader import read_policy
from shopterms.policy.model import Policy
from shopterms.policy.support_hours import support_status
from tests.conftest import example_files
from tests.policy.date_policies import make_policy

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ZONES = [
    ZoneInfo(name) for name in ("Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Pacific/Auckland")
]
DESTINATIONS = ["DE", "DE-BY", "DE-HH", "AT", "AT-9", "GB-SCT"]
SECOND = dt.timedelta(seconds=1)


def shifted(moment: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    """Elapsed-time arithmetic (aware datetimes in one zone otherwise add wall-clock time)."""
    return moment.astimezone(dt.UTC) + delta


settings.register_profile("dates", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("dates")


@cache
def _public_holidays(code: str, year: int) -> frozenset[dt.date]:
    country, _, subdivision = code.partition("-")
    return frozenset(holidays.country_holidays(country, subdiv=subdivision or None, years=year))


def is_holiday(code: str, day: dt.date) -> bool:
    return code != "none" and day in _public_holidays(code, day.year)


weekday_sets = st.sets(st.sampled_from(WEEKDAYS), min_size=1).map(
    lambda days: [d for d in WEEKDAYS if d in days]
)
day_ranges = st.tuples(st.integers(0, 4), st.integers(0, 3)).map(
    lambda pair: f"{pair[0]}-{pair[0] + pair[1]}"
)
cutoffs = st.none() | st.builds(
    lambda h, m: f"{h:02d}:{m:02d}", st.integers(6, 22), st.sampled_from([0, 30, 59])
)
closures = st.builds(
    lambda start, length: f"{start.isoformat()}..{(start + dt.timedelta(days=length)).isoformat()}",
    st.dates(dt.date(2026, 1, 1), dt.date(2028, 12, 31)),
    st.integers(0, 20),
)


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    handling: dict[str, Any] = {
        "days": draw(day_ranges),
        "business_days": draw(weekday_sets),
        "holidays": draw(st.sampled_from(["DE", "DE-HH", "DE-BY", "AT", "none"])),
    }
    if (cutoff := draw(cutoffs)) is not None:
        handling["cutoff"] = cutoff
    service: dict[str, Any] = {
        "id": "standard",
        "to": ["DE", "AT", "GB"],
        "transit": draw(day_ranges),
        "delivery_days": draw(weekday_sets),
        "rate": 4.95,
    }
    if (override := draw(cutoffs)) is not None:
        service["cutoff"] = override
    return make_policy(
        handling=handling,
        services=[service],
        closed=draw(st.lists(closures, max_size=2)),
        timezone=draw(st.sampled_from(["Europe/Berlin", "Europe/London", "America/New_York"])),
    )


@cache
def example_policies() -> list[Policy]:
    return [read_policy(path) for path in example_files()]


moments = st.datetimes(dt.datetime(2026, 1, 1), dt.datetime(2028, 12, 31), timezones=st.sampled_from(ZONES))
any_policy = policies() | st.integers(0, 10).map(
    lambda index: example_policies()[index % len(example_policies())]
)


def _destination_for(policy: Policy, pick: int) -> str:
    """A destination one of the policy's services reaches."""
    codes = [area.region or area.country for service in policy.shipping.services for area in service.to]  # type: ignore[union-attr]
    reachable = [code for code in DESTINATIONS if code in codes or code.split("-")[0] in codes] or codes
    return reachable[pick % len(reachable)]


@given(any_policy, st.integers(0, 50), moments)
def test_dates_are_ordered_from_order_to_delivery(policy: Policy, pick: int, moment: dt.datetime) -> None:
    local_day = moment.astimezone(ZoneInfo(policy.shop.timezone)).date()
    for estimate in estimate_delivery(policy, _destination_for(policy, pick), ordered_at=moment):
        assert local_day <= estimate.counts_from <= estimate.earliest_dispatch <= estimate.latest_dispatch
        assert estimate.earliest_dispatch <= estimate.earliest_delivery <= estimate.latest_delivery
        assert estimate.latest_dispatch <= estimate.latest_delivery
        assert estimate.cutoff_met == (estimate.counts_from == local_day)


@given(any_policy, st.integers(0, 50), moments, st.timedeltas(dt.timedelta(0), dt.timedelta(days=20)))
def test_a_later_order_never_gets_earlier_dates(
    policy: Policy, pick: int, moment: dt.datetime, delay: dt.timedelta
) -> None:
    destination = _destination_for(policy, pick)
    before = estimate_delivery(policy, destination, ordered_at=moment)
    after = estimate_delivery(policy, destination, ordered_at=shifted(moment, delay))
    for first, second in zip(
        sorted(before, key=lambda e: e.service), sorted(after, key=lambda e: e.service), strict=True
    ):
        assert first.counts_from <= second.counts_from
        assert (
            first.earliest_dispatch <= second.earliest_dispatch
            and first.latest_dispatch <= second.latest_dispatch
        )
        assert (
            first.earliest_delivery <= second.earliest_delivery
            and first.latest_delivery <= second.latest_delivery
        )


@given(policies(), st.sampled_from(DESTINATIONS), moments)
def test_parcels_move_only_on_open_days(policy: Policy, destination: str, moment: dt.datetime) -> None:
    assert policy.shipping is not None
    handling = policy.shipping.handling
    [estimate] = estimate_delivery(policy, destination, ordered_at=moment)
    for day in (estimate.earliest_dispatch, estimate.latest_dispatch):
        assert WEEKDAYS[day.weekday()] in handling.business_days
        assert not is_holiday(handling.holidays or "DE", day)
        assert not any(day in closure for closure in policy.shipping.closed)
    service = policy.shipping.services[0]
    for day in (estimate.earliest_delivery, estimate.latest_delivery):
        assert WEEKDAYS[day.weekday()] in service.delivery_days
        assert not is_holiday(destination, day)


@given(policies(), moments)
def test_an_order_a_second_before_the_next_cutoff_makes_that_day(policy: Policy, moment: dt.datetime) -> None:
    [estimate] = estimate_delivery(policy, "DE", ordered_at=moment)
    if estimate.next_cutoff is None:
        assert estimate.cutoff is None
        return
    assert estimate.next_cutoff > moment
    [just_in_time] = estimate_delivery(policy, "DE", ordered_at=shifted(estimate.next_cutoff, -SECOND))
    assert just_in_time.cutoff_met and just_in_time.counts_from == estimate.counts_from
    [too_late] = estimate_delivery(policy, "DE", ordered_at=estimate.next_cutoff)
    assert not too_late.cutoff_met and too_late.counts_from > estimate.counts_from


@given(
    st.sampled_from([*sorted(MOVED_TO_WORKING_DAY), "DE-BY", "DE-HH", "AT-9", "ES-CT"]),
    st.dates(dt.date(2026, 1, 1), dt.date(2028, 12, 31)),
)
def test_eu_statutory_deadline_is_the_first_working_day_from_day_fourteen(
    code: str, delivered: dt.date
) -> None:
    country, _, subdivision = code.partition("-")
    answer = return_deadline(make_policy(), country, delivered, subdivision=subdivision or None)
    assert answer.statutory is not None
    last_day = answer.statutory.last_day
    assert last_day.weekday() < 5 and not is_holiday(code, last_day)
    day = delivered + dt.timedelta(days=14)
    while day < last_day:  # every day skipped really was a day off
        assert day.weekday() >= 5 or is_holiday(code, day)
        day += dt.timedelta(days=1)
    assert answer.last_day is not None and answer.last_day >= last_day


@given(st.sampled_from(["GB", "GB-SCT", "GB-NIR"]), st.dates(dt.date(2026, 1, 1), dt.date(2028, 12, 31)))
def test_uk_statutory_deadline_is_always_day_fourteen(code: str, delivered: dt.date) -> None:
    country, _, subdivision = code.partition("-")
    answer = return_deadline(make_policy(), country, delivered, subdivision=subdivision or None)
    assert answer.statutory is not None
    assert answer.statutory.last_day == delivered + dt.timedelta(days=14)


@given(st.integers(0, 10), moments)
def test_support_state_holds_until_the_next_change(pick: int, moment: dt.datetime) -> None:
    policy = example_policies()[pick % len(example_policies())]
    statuses = support_status(policy, moment)
    for index, status in enumerate(statuses):
        if status.next_change is None:
            continue
        assert status.next_change > moment
        assert support_status(policy, shifted(status.next_change, -SECOND))[index].state == status.state
        assert support_status(policy, status.next_change)[index].state == status.next_state
