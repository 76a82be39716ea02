"""The supported range of dates (1970-01-01 to 2199-12-31): refused outside, computed right up to its ends."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from shopterms.policy.calendar import BusinessCalendar, NoOpenDayError, holiday_names, weekday_numbers
from shopterms.policy.deadline import return_deadline
from shopterms.policy.errors import QueryError
from shopterms.policy.estimate import estimate_delivery
from shopterms.policy.region import Region
from shopterms.policy.support_hours import support_status
from shopterms.policy.supported_dates import FIRST_DAY, LAST_DAY, RANGE_TEXT
from tests.policy.date_policies import make_policy

# The slowest terms the model allows: a year of handling, a year of transit, a ten-year return window.
SLOWEST = make_policy(
    handling={"days": 365, "cutoff": "14:00", "business_days": "Mon-Fri", "holidays": "DE-HH"},
    services=[{"id": "slow", "to": ["DE", "AT"], "transit": 365, "rate": 0}],
    returns={"window": "3650 days after delivery"},
    support={
        "channels": [{"type": "phone", "number": "+49 40 1234567", "hours": "Mo-Fr 09:00-18:00; PH off"}]
    },
)


@pytest.mark.parametrize("moment", ["2199-12-31T23:59:59+14:00", "1970-01-01T00:00:00-12:00"])
def test_estimates_at_the_ends_of_the_range_with_the_slowest_terms_are_computed(moment: str) -> None:
    [estimate] = estimate_delivery(SLOWEST, "DE-BY", ordered_at=moment)
    assert estimate.earliest_delivery > estimate.earliest_dispatch >= estimate.counts_from


@pytest.mark.parametrize("day", [LAST_DAY, FIRST_DAY])
def test_deadlines_at_the_ends_of_the_range_with_the_longest_window_are_computed(day: dt.date) -> None:
    answer = return_deadline(SLOWEST, "DE", day, ordered_on=day, subdivision="DE-BY")
    assert answer.shop is not None and answer.shop.last_day == day + dt.timedelta(days=3650)
    assert answer.statutory is not None and answer.statutory.last_day >= day + dt.timedelta(days=14)


@pytest.mark.parametrize("moment", ["2199-12-31T23:59:59+14:00", "1970-01-01T00:00:00-12:00"])
def test_opening_hours_at_the_ends_of_the_range_are_answered(moment: str) -> None:
    [status] = support_status(SLOWEST, moment)
    assert status.state in {"open", "closed"}


@pytest.mark.parametrize(
    "moment",
    [
        "9999-12-31T23:59:00+14:00",
        "0001-01-01T00:00:00+00:00",
        "2200-01-01T00:00:00+00:00",
        "1969-12-31T23:59:59-01:00",
    ],
)
def test_a_moment_outside_the_range_is_refused_naming_the_range(moment: str) -> None:
    with pytest.raises(QueryError) as estimate:
        estimate_delivery(SLOWEST, "DE", ordered_at=moment)
    with pytest.raises(QueryError) as support:
        support_status(SLOWEST, moment)
    assert estimate.value.field == "ordered_at" and support.value.field == "at"
    assert RANGE_TEXT in estimate.value.message and RANGE_TEXT in support.value.message


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2200-01-01", "1969-12-31"])
def test_a_day_outside_the_range_is_refused_naming_the_range(day: str) -> None:
    with pytest.raises(QueryError) as delivered:
        return_deadline(SLOWEST, "DE", day)
    with pytest.raises(QueryError) as ordered:
        return_deadline(SLOWEST, "DE", "2026-12-11", ordered_on=day)
    assert (delivered.value.field, ordered.value.field) == ("delivered_on", "ordered_on")
    assert RANGE_TEXT in delivered.value.message


def test_days_given_as_date_objects_are_held_to_the_range_too() -> None:
    with pytest.raises(QueryError, match=RANGE_TEXT):
        return_deadline(SLOWEST, "DE", dt.date.max)
    with pytest.raises(QueryError, match=RANGE_TEXT):
        estimate_delivery(SLOWEST, "DE", ordered_at=dt.datetime.max.replace(tzinfo=dt.UTC))


def test_a_calendar_walk_at_the_end_of_pythons_calendar_stops_instead_of_overflowing() -> None:
    calendar = BusinessCalendar(Region("DE"), weekday_numbers(["mon", "tue", "wed", "thu", "fri"]))
    with pytest.raises(NoOpenDayError, match="end of the calendar"):
        calendar.shift(dt.date.max - dt.timedelta(days=3), 10)
    assert calendar.holidays_between(dt.date.max - dt.timedelta(days=3), dt.date.max) == []


def test_a_holiday_table_outside_the_years_its_library_covers_is_empty_and_silent() -> None:
    holiday_names.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert isinstance(holiday_names("IN", None, 1970), dict)
