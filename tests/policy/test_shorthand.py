"""The shorthand parsers: every accepted spelling, and the exact words a merchant sees for a wrong one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopterms.policy import shorthand

# --- day ranges -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (0, (0, 0)),
        (2, (2, 2)),
        ("2", (2, 2)),
        ("1-2", (1, 2)),
        ("1 - 2", (1, 2)),
        ("1–2", (1, 2)),  # en dash
        ("1—2", (1, 2)),  # em dash
        ("1..2", (1, 2)),
        ("1 to 2", (1, 2)),
        ("1 bis 2", (1, 2)),
        ("2 days", (2, 2)),
        ("1 day", (1, 1)),
        ("1-2 days", (1, 2)),
        ("1–2 Days", (1, 2)),
        ("3-5 business days", (3, 5)),
        ("3-5 working days", (3, 5)),
        ("  0-1  ", (0, 1)),
    ],
)
def test_day_range_reads_every_spelling(written: Any, expected: tuple[int, int]) -> None:
    assert shorthand.day_range(written) == {"min": expected[0], "max": expected[1]}


def test_day_range_passes_the_structured_form_through() -> None:
    assert shorthand.day_range({"min": 1, "max": 3}) == {"min": 1, "max": 3}


@pytest.mark.parametrize("written", ["two", "1-2 weeks", "1-", "-1", "1-2-3", ""])
def test_day_range_rejects_other_words_with_an_example(written: str) -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.day_range(written)
    assert (
        str(raised.value)
        == f"'{written}' is not a day range; write a number such as 2 or a range such as 1-3"
    )


def test_day_range_rejects_a_yes_no_value() -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.day_range(True)
    assert str(raised.value) == "expected a number of days such as 2 or a range such as 1-3"


@given(
    low=st.integers(0, 365),
    span=st.integers(0, 365),
    dash=st.sampled_from(["-", " - ", "–", "—", "..", " to ", " bis "]),
    suffix=st.sampled_from(["", " days", "days", " business days", " Working Days"]),
)
def test_any_ordered_day_range_round_trips(low: int, span: int, dash: str, suffix: str) -> None:
    high = low + span
    assert shorthand.day_range(f"{low}{dash}{high}{suffix}") == {"min": low, "max": high}


# --- dates and date ranges --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        (dt.date(2026, 12, 24), "2026-12-24", "2026-12-24"),  # an unquoted YAML date
        ("2026-12-24", "2026-12-24", "2026-12-24"),  # the same date as an editor's JSON view sees it
        ("2026-12-24..2027-01-01", "2026-12-24", "2027-01-01"),
        ("2026-12-24 .. 2027-01-01", "2026-12-24", "2027-01-01"),
    ],
)
def test_date_range_reads_single_dates_and_ranges(written: Any, start: str, end: str) -> None:
    assert shorthand.date_range(written) == {
        "start": dt.date.fromisoformat(start),
        "end": dt.date.fromisoformat(end),
    }


@pytest.mark.parametrize("written", ["24.12.2026", "2026-12-24..", "Christmas", "2026-12-24-2027-01-01"])
def test_date_range_rejects_non_iso_dates_with_an_example(written: str) -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.date_range(written)
    assert str(raised.value) == (
        f"'{written}' is not a date range; write ISO dates as START..END such as 2026-12-24..2027-01-01"
    )


def test_date_range_rejects_three_dates() -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.date_range("2026-12-24..2026-12-31..2027-01-01")
    assert str(raised.value) == (
        "'2026-12-24..2026-12-31..2027-01-01' is not a date range; "
        "write START..END such as 2026-12-24..2027-01-01"
    )


@given(first=st.dates(), second=st.dates())
def test_any_ordered_date_range_round_trips(first: dt.date, second: dt.date) -> None:
    start, end = sorted((first, second))
    assert shorthand.date_range(f"{start.isoformat()}..{end.isoformat()}") == {"start": start, "end": end}


# --- weekdays ----------------------------------------------------------------------------------------

WORKWEEK = ["mon", "tue", "wed", "thu", "fri"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Mon-Fri", WORKWEEK),  # English
        ("Mo-Fr", WORKWEEK),  # OpenStreetMap
        ("Mo.-Fr.", WORKWEEK),  # German, with dots
        ("Monday – Friday", WORKWEEK),
        ("mon..fri", WORKWEEK),
        ("Mo-Sa", [*WORKWEEK, "sat"]),
        ("Mon-Sun", [*WORKWEEK, "sat", "sun"]),
        ("Di-Do", ["tue", "wed", "thu"]),  # German: Dienstag bis Donnerstag
        ("Mi, So", ["wed", "sun"]),
        ("Mon, Wed, Fri", ["mon", "wed", "fri"]),
        ("Sat, Mon-Wed", ["mon", "tue", "wed", "sat"]),
        ("Tu,Th", ["tue", "thu"]),
        (["Mon", "tue", "WED"], ["mon", "tue", "wed"]),
        (["fri", "mon"], ["mon", "fri"]),  # a list is put in week order too
    ],
)
def test_weekdays_read_english_osm_and_german_names(written: Any, expected: list[str]) -> None:
    assert shorthand.weekdays(written) == expected


def test_weekday_range_running_backwards_is_explained() -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.weekdays("Fri-Mon")
    assert str(raised.value) == "'Fri-Mon' runs backwards; write weekday ranges from Monday on, e.g. Mon-Fri"


def test_unknown_weekday_name_is_quoted_with_its_value() -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.weekdays("Montag-Freitag")
    assert (
        str(raised.value)
        == "'Montag' in 'Montag-Freitag' is not a weekday; use Mon, Tue, Wed, Thu, Fri, Sat or Sun"
    )


def test_unknown_weekday_in_a_list_is_named() -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.weekdays(["Mon", "Funday"])
    assert (
        str(raised.value) == "'Funday' in 'Funday' is not a weekday; use Mon, Tue, Wed, Thu, Fri, Sat or Sun"
    )


def test_weekday_span_with_three_ends_is_rejected() -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.weekdays("Mon-Wed-Fri")
    assert str(raised.value) == "'Mon-Wed-Fri' is not a list of weekdays; write e.g. Mon-Fri or Mon, Wed, Fri"


@given(days=st.lists(st.sampled_from(shorthand.WEEKDAYS), min_size=1, unique=True), title=st.booleans())
def test_weekday_list_and_comma_string_agree(days: list[str], title: bool) -> None:
    names = [day.title() if title else day for day in days]
    in_week_order = [day for day in shorthand.WEEKDAYS if day in days]
    assert shorthand.weekdays(names) == in_week_order
    assert shorthand.weekdays(", ".join(names)) == in_week_order


# --- "N days after X" --------------------------------------------------------------------------------

WINDOW = shorthand.days_after("delivery", ("delivery", "order", "shipment"))


@pytest.mark.parametrize(
    ("written", "days", "anchor"),
    [
        (30, 30, "delivery"),
        ("30 days", 30, "delivery"),
        ("1 day", 1, "delivery"),
        ("30 days after delivery", 30, "delivery"),
        ("30 days after order", 30, "order"),
        ("30 days after shipment", 30, "shipment"),
        ("30 days from the order", 30, "order"),
        ("14 calendar days after delivery", 14, "delivery"),
        ("30 Days After Delivery", 30, "delivery"),
    ],
)
def test_days_after_reads_each_allowed_anchor(written: Any, days: int, anchor: str) -> None:
    assert WINDOW(written) == {"days": days, "after": anchor}


def test_days_after_names_the_anchors_it_can_count_from() -> None:
    with pytest.raises(ValueError) as raised:
        WINDOW("30 days after arrival")
    assert (
        str(raised.value)
        == "'30 days after arrival' counts from 'arrival'; it can count from: delivery, order, shipment"
    )


def test_days_after_joins_a_two_word_anchor_before_checking_it() -> None:
    with pytest.raises(ValueError) as raised:
        WINDOW("30 days after first use")
    assert str(raised.value) == (
        "'30 days after first use' counts from 'first_use'; it can count from: delivery, order, shipment"
    )


@pytest.mark.parametrize("written", ["one month", "30", "30 days before delivery", "4 weeks"])
def test_days_after_rejects_other_phrases_with_its_default_anchor_as_example(written: str) -> None:
    with pytest.raises(ValueError) as raised:
        WINDOW(written)
    assert str(raised.value) == f"'{written}' is not a period; write it like '14 days after delivery'"


def test_days_after_rejects_a_yes_no_value() -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.days_after("invoice", ("invoice",))(False)
    assert str(raised.value) == "expected a number of days such as '14 days after invoice'"


def test_days_after_counts_from_the_default_anchor_of_its_field() -> None:
    due = shorthand.days_after("invoice", ("invoice", "delivery", "shipment", "order"))
    assert due("14 days") == {"days": 14, "after": "invoice"}
    assert due(14) == {"days": 14, "after": "invoice"}
    assert due("14 days after delivery") == {"days": 14, "after": "delivery"}


# --- durations ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("24 hours", dt.timedelta(hours=24)),
        ("1 hour", dt.timedelta(hours=1)),
        ("2 h", dt.timedelta(hours=2)),
        ("1.5 hours", dt.timedelta(minutes=90)),
        ("30 minutes", dt.timedelta(minutes=30)),
        ("1 minute", dt.timedelta(minutes=1)),
        ("30 min", dt.timedelta(minutes=30)),
        ("30 mins", dt.timedelta(minutes=30)),
        ("2 days", dt.timedelta(days=2)),
        ("1 day", dt.timedelta(days=1)),
        ("3d", dt.timedelta(days=3)),
        ("1 week", dt.timedelta(weeks=1)),
        ("2 Weeks", dt.timedelta(weeks=2)),
    ],
)
def test_duration_reads_number_and_unit(written: str, expected: dt.timedelta) -> None:
    assert shorthand.duration(written) == expected


def test_duration_reads_iso_8601_in_the_spelling_the_schema_publishes() -> None:
    assert shorthand.duration("PT24H") == dt.timedelta(hours=24)
    assert shorthand.duration("P1DT12H") == dt.timedelta(days=1, hours=12)
    assert shorthand.duration("P1W2D") == dt.timedelta(days=9)


@pytest.mark.parametrize("written", ["soon", "24", "one day", "24 hrs"])
def test_duration_rejects_other_words_with_examples(written: str) -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.duration(written)
    assert (
        str(raised.value) == f"'{written}' is not a duration; write e.g. '24 hours', '2 days' or '30 minutes'"
    )


@pytest.mark.parametrize("written", [24, 1.5])
def test_duration_without_unit_is_rejected_rather_than_read_as_seconds(written: float) -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.duration(written)
    assert str(raised.value) == f"'{written}' has no unit; write e.g. '{written} hours' or '{written} days'"


# --- clock times -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("14:00", dt.time(14, 0)),
        ("9:30", dt.time(9, 30)),
        ("09:30", dt.time(9, 30)),
        ("23:59:59", dt.time(23, 59, 59)),
    ],
)
def test_clock_time_reads_hours_and_minutes(written: str, expected: dt.time) -> None:
    assert shorthand.clock_time(written) == expected


def test_clock_time_explains_an_unquoted_yaml_1_1_time() -> None:
    # In YAML 1.1, an unquoted 14:00 is the base-60 integer 840.
    with pytest.raises(ValueError) as raised:
        shorthand.clock_time(840)
    assert str(raised.value) == 'write the time in quotes as HH:MM, e.g. "14:00"'


@pytest.mark.parametrize("written", ["24:00", "2pm", "14.00", "14h"])
def test_clock_time_rejects_other_spellings(written: str) -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.clock_time(written)
    assert (
        str(raised.value) == f"'{written}' is not a time of day; write HH:MM in 24-hour form, e.g. \"14:00\""
    )


# --- amounts and percentages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (4.95, "4.95"),
        (0.1, "0.1"),
        (19.99, "19.99"),
        (5, "5"),
        ("4.95", "4.95"),
        ("4,95", "4.95"),
        (" 4,95 ", "4.95"),
        ("free", "0"),
        ("Free", "0"),
        ("0", "0"),
    ],
)
def test_amount_reads_numbers_decimal_commas_and_free(written: Any, expected: str) -> None:
    assert shorthand.amount(written) == Decimal(expected)


def test_float_amount_keeps_its_written_digits_not_binary_noise() -> None:
    parsed = shorthand.amount(4.95)
    assert parsed.as_tuple() == Decimal("4.95").as_tuple()
    assert str(parsed) == "4.95"


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_any_two_place_amount_survives_the_float_yaml_gives_and_the_decimal_comma(value: Decimal) -> None:
    assert shorthand.amount(float(value)) == value
    assert shorthand.amount(f"{value:f}".replace(".", ",")) == value


@pytest.mark.parametrize("written", ["4.95 EUR", "€4.95", "1.000,00", "cheap"])
def test_amount_rejects_units_and_thousands_separators(written: str) -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.amount(written)
    assert str(raised.value) == f"'{written}' is not an amount; write a number such as 4.95"


def test_amount_rejects_a_yes_no_value() -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.amount(True)
    assert str(raised.value) == "expected an amount such as 4.95"


@pytest.mark.parametrize(
    ("written", "expected"),
    [("10%", "10"), ("10 %", "10"), ("12.5%", "12.5"), ("12,5 %", "12.5"), (10, "10"), (12.5, "12.5")],
)
def test_percent_reads_a_percent_sign_or_a_number(written: Any, expected: str) -> None:
    assert shorthand.percent(written) == Decimal(expected)


@pytest.mark.parametrize("written", ["10", "ten percent", "%10"])
def test_percent_text_needs_the_percent_sign(written: str) -> None:
    with pytest.raises(ValueError) as raised:
        shorthand.percent(written)
    assert str(raised.value) == f"'{written}' is not a percentage; write e.g. 10%"
