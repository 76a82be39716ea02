"""The published forms of the arguments and the check behind them agree, value for value."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopterms.policy.arguments import (
    DAY,
    MOMENT,
    SHAPES_BY_NAME,
    Shape,
    checked,
    checked_day,
    checked_moment,
    covered_country,
)
from shopterms.policy.errors import NotCoveredError, QueryError
from shopterms.policy.supported_dates import FIRST_DAY, LAST_DAY


@pytest.mark.parametrize("name", sorted(SHAPES_BY_NAME))
def test_every_shape_accepts_its_own_example(name: str) -> None:
    shape = SHAPES_BY_NAME[name]
    assert checked(name, shape.example, shape) == shape.example


@pytest.mark.parametrize("name", sorted(SHAPES_BY_NAME))
@given(data=st.data())
def test_every_value_the_pattern_describes_passes_the_check(name: str, data: st.DataObject) -> None:
    shape = SHAPES_BY_NAME[name]
    value = data.draw(st.from_regex(shape.pattern, fullmatch=True))
    if shape.format is None:
        assert checked(name, value, shape) == value
        return
    # Dates and moments also need a real calendar day (the `format`): 30 February is the only refusal.
    read = checked_day if shape.format == "date" else checked_moment
    try:
        read(value, name)
    except QueryError as error:
        assert "of the calendar" in error.message


@given(value=st.text(max_size=20))
def test_a_value_outside_the_pattern_is_refused_naming_the_form(value: str) -> None:
    shape = SHAPES_BY_NAME["country"]
    if re.fullmatch("[A-Z]{2}", value, flags=re.ASCII) is None:
        with pytest.raises(QueryError, match="is not an ISO 3166-1 alpha-2 country code in capitals"):
            checked("country", value, shape)


@pytest.mark.parametrize("value", ["DE\n", " DE", "de", "DEU", "D\u0661", "١٢"])
def test_near_misses_are_refused_as_json_schema_would(value: str) -> None:
    # JSON Schema's $ and \\d are stricter than Python's: no trailing newline, no non-ASCII digits.
    with pytest.raises(QueryError):
        checked("country", value, SHAPES_BY_NAME["country"])


def test_the_year_range_in_the_patterns_is_exactly_the_supported_one() -> None:
    years = [year for year in range(1000, 10000) if re.fullmatch(DAY.pattern, f"{year:04d}-06-15")]
    first, last = FIRST_DAY.year, LAST_DAY.year
    assert (years[0], years[-1], len(years)) == (first, last, last - first + 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-23T15:00:00+01:00", dt.datetime(2026, 12, 23, 14, tzinfo=dt.UTC)),
        ("2026-12-23T14:00:00Z", dt.datetime(2026, 12, 23, 14, tzinfo=dt.UTC)),
        ("2026-12-23T14:00:00.5-00:00", dt.datetime(2026, 12, 23, 14, 0, 0, 500000, tzinfo=dt.UTC)),
    ],
)
def test_a_moment_of_the_published_form_is_read_with_its_offset(text: str, expected: dt.datetime) -> None:
    assert checked_moment(text, "at") == expected


@pytest.mark.parametrize("text", ["2026-12-23T15:00+01:00", "2026-12-23T15:00:00", "2026-12-23 15:00:00Z"])
def test_a_moment_without_seconds_or_offset_is_refused(text: str) -> None:
    with pytest.raises(QueryError, match="with seconds and its UTC offset"):
        checked_moment(text, "at")


def test_a_day_of_the_form_that_the_calendar_lacks_is_refused() -> None:
    assert DAY.matches("2026-02-30")
    with pytest.raises(QueryError, match="not a day of the calendar"):
        checked_day("2026-02-30", "delivered_on")


def test_an_uncovered_country_of_the_right_form_is_not_covered_and_lists_the_covered() -> None:
    with pytest.raises(NotCoveredError) as caught:
        covered_country("FR", ["DE", "AT"], "the shop ships to")
    assert caught.value.message == "FR is not covered: the shop ships to AT, DE."
    assert caught.value.allowed == ("AT", "DE")


def test_a_malformed_country_lists_the_covered_ones_and_how_to_write_it() -> None:
    with pytest.raises(QueryError) as caught:
        covered_country("at", ["DE", "AT"], "the shop ships to")
    assert not isinstance(caught.value, NotCoveredError)
    assert caught.value.message.endswith("Write AT.")
    assert caught.value.allowed == ("AT", "DE")


def test_shapes_publish_their_pattern_and_format_as_json_schema() -> None:
    assert MOMENT.schema() == {"pattern": MOMENT.pattern, "format": "date-time"}
    assert Shape("^a$", "a", "an a").schema() == {"pattern": "^a$"}
