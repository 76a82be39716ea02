"""schema.org structured values shared by the section compilers: money, day spans, ranges, weekdays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from shopterms.policy.jsonld.vocabulary import JsonObject, member
from shopterms.policy.model.common import DayRange

WEEKDAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
# UN/CEFACT common codes: Google accepts DAY (or d) for days; KGM is the kilogram.
DAY_UNIT = "DAY"
KILOGRAM_UNIT = "KGM"


def number(value: Decimal | float | int) -> int | float:
    """A JSON number, whole numbers written without a fraction (50, not 50.0).

    JSON-LD turns a number with a fraction into xsd:double and one without into xsd:integer, and
    processors differ on 50.0 (pyld reads a double, rdflib an integer): written as 50 it is the same
    integer literal everywhere, and 4.95 the same double."""
    whole = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    return int(whole) if whole == whole.to_integral_value() else float(value)


def money(amount: Decimal, currency: str) -> JsonObject:
    return {"@type": "MonetaryAmount", "value": number(amount), "currency": currency}


def money_range(low: Decimal, high: Decimal | None, currency: str) -> JsonObject:
    node: JsonObject = {"@type": "MonetaryAmount", "minValue": number(low), "currency": currency}
    if high is not None:
        node["maxValue"] = number(high)
    return node


def quantity_range(low: Decimal, high: Decimal | None, unit_code: str | None = None) -> JsonObject:
    node: JsonObject = {"@type": "QuantitativeValue", "minValue": number(low)}
    if high is not None:
        node["maxValue"] = number(high)
    if unit_code:
        node["unitCode"] = unit_code
    return node


def day_span(days: DayRange) -> JsonObject:
    """Whole days with both bounds, which Google requires at offer level and accepts everywhere."""
    return {"@type": "QuantitativeValue", "minValue": days.min, "maxValue": days.max, "unitCode": DAY_UNIT}


def weekdays(days: Sequence[str]) -> list[str]:
    return [member(WEEKDAY_NAMES[day]) for day in days]


def iso_duration(span: dt.timedelta) -> str:
    """`timedelta(hours=24)` → `PT24H`. Written in hours, not days: a calendar day is not always 24 hours."""
    seconds = int(span.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = "".join(
        f"{count}{unit}" for count, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if count
    )
    return "PT" + (parts or "0S")


def one_or_many(items: Sequence[Any]) -> Any:
    """A single value stays a value; JSON-LD reads both forms alike, people read the first more easily."""
    return items[0] if len(items) == 1 else list(items)
