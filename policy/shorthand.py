"""Parsers for the friendly shorthand a merchant may write instead of the structured form.

Each parser takes the raw YAML value and returns the structured form (a dict or a plain value) that
the pydantic model then validates. Anything already structured passes through untouched, so both
spellings normalise to one canonical model. A ValueError's message is shown to the merchant as is,
so it says what was expected and gives an example.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

from pydantic_core import PydanticCustomError

from shopterms.policy import written_forms as forms

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Accept English three-letter names, OSM two-letter names and German abbreviations alike.
_WEEKDAY_ALIASES = {
    **{name: name for name in WEEKDAYS},
    "mo": "mon",
    "tu": "tue",
    "we": "wed",
    "th": "thu",
    "fr": "fri",
    "sa": "sat",
    "su": "sun",
    "di": "tue",
    "mi": "wed",
    "do": "thu",
    "so": "sun",
    "monday": "mon",
    "tuesday": "tue",
    "wednesday": "wed",
    "thursday": "thu",
    "friday": "fri",
    "saturday": "sat",
    "sunday": "sun",
}
# The patterns below read the parts of a text; every one is ASCII-only (re.ASCII), so digits of other
# scripts are not numbers here, as they are not in the published JSON Schema (policy.written_forms).
_ASCII = re.ASCII | re.IGNORECASE
_DASH = r"\s*(?:-|–|—|\.\.|to|bis)\s*"
_DAY_RANGE = re.compile(rf"^([0-9]+)(?:{_DASH}([0-9]+))?(?:\s*(?:business\s+|working\s+)?days?)?$", _ASCII)
_DAYS_AFTER = re.compile(
    r"^([0-9]+)\s*(?:calendar\s+)?days?(?:\s+(?:after|from)\s+(?:the\s+)?([a-z_ ]+))?$", _ASCII
)
_DURATION = re.compile(r"^([0-9]+(?:\.[0-9]+)?)\s*(minutes?|mins?|hours?|h|days?|d|weeks?)$", _ASCII)
_ISO_DURATION = re.compile(
    r"^P(?:(?P<years>[0-9.,]+)Y)?(?:(?P<months>[0-9.,]+)M)?(?:(?P<weeks>[0-9.,]+)W)?(?:(?P<days>[0-9.,]+)D)?"
    r"(?:T(?:(?P<hours>[0-9.,]+)H)?(?:(?P<minutes>[0-9.,]+)M)?(?:(?P<seconds>[0-9.,]+)S)?)?$",
    re.ASCII,
)
# An ISO 8601 year or month has no fixed length; for a response time these round figures serve.
_DAYS_PER_ISO_UNIT = {"years": 365, "months": 30}
_DURATION_UNITS = {
    "min": "minutes",
    "h": "hours",
    "hour": "hours",
    "d": "days",
    "day": "days",
    "week": "weeks",
}
_TIME = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?$", re.ASCII)
_PERCENT = re.compile(r"^([0-9]+(?:[.,][0-9]*)?)\s*%$", re.ASCII)


def whole_number(value: Any) -> Any:
    """A float without a fraction (14.0) as the integer it is, as JSON Schema counts it; others unchanged."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return value


def day_range(value: Any) -> Any:
    """`"0-1"`, `"1–2 days"`, `2` → `{"min": ..., "max": ...}`."""
    value = whole_number(value)
    if isinstance(value, bool):
        raise ValueError("expected a number of days such as 2 or a range such as 1-3")
    if isinstance(value, int):
        return {"min": value, "max": value}
    if isinstance(value, float):
        raise ValueError(f"{value} is not a whole number of days; write e.g. 2 or a range such as 1-3")
    if isinstance(value, str):
        match = _DAY_RANGE.match(value.strip())
        if not match:
            raise ValueError(f"'{value}' is not a day range; write a number such as 2 or a range such as 1-3")
        low = int(match.group(1))
        high = int(match.group(2)) if match.group(2) is not None else low
        return {"min": low, "max": high}
    return value


def date_range(value: Any) -> Any:
    """`"2026-12-24..2027-01-01"` or a single date → `{"start": ..., "end": ...}` (both inclusive)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"start": value, "end": value}
    if isinstance(value, str):
        parts = [part.strip() for part in value.split("..")]
        if len(parts) == 1:
            parts = parts * 2
        if len(parts) != 2:
            raise ValueError(
                f"'{value}' is not a date range; write START..END such as 2026-12-24..2027-01-01"
            )
        try:
            if not all(_ISO_DAY.match(part) for part in parts):
                raise ValueError
            start, end = (dt.date.fromisoformat(part) for part in parts)
        except ValueError:
            raise ValueError(
                f"'{value}' is not a date range; write ISO dates as START..END such as 2026-12-24..2027-01-01"
            ) from None
        return {"start": start, "end": end}  # the model checks that both lie in the supported range
    return value


_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", re.ASCII)


def weekdays(value: Any) -> Any:
    """`"Mon-Fri"`, `"Mo-Sa"`, `"Mon, Wed, Fri"`, `["mon", "tue"]` → ordered list of `mon`…`sun`."""
    if isinstance(value, str):
        days: set[str] = set()
        for part in re.split(r"\s*,\s*", value.strip()):
            bounds = re.split(r"\s*(?:-|–|\.\.)\s*", part)
            names = [_weekday(bound, value) for bound in bounds]
            if len(names) == 1:
                days.add(names[0])
            elif len(names) == 2:
                first, last = WEEKDAYS.index(names[0]), WEEKDAYS.index(names[1])
                if first > last:
                    raise ValueError(
                        f"'{part}' runs backwards; write weekday ranges from Monday on, e.g. Mon-Fri"
                    )
                days.update(WEEKDAYS[first : last + 1])
            else:
                raise ValueError(f"'{value}' is not a list of weekdays; write e.g. Mon-Fri or Mon, Wed, Fri")
        return [day for day in WEEKDAYS if day in days]
    if isinstance(value, list):
        names = [_weekday(item, item) if isinstance(item, str) else item for item in value]
        # Listed in week order, so [fri, mon] and "Mon, Fri" give the same canonical model.
        return sorted(names, key=WEEKDAYS.index) if all(name in WEEKDAYS for name in names) else names
    return value


def _weekday(name: str, whole: object) -> str:
    key = name.strip().lower().rstrip(".")
    if key not in _WEEKDAY_ALIASES:
        raise ValueError(f"'{name}' in '{whole}' is not a weekday; use Mon, Tue, Wed, Thu, Fri, Sat or Sun")
    return _WEEKDAY_ALIASES[key]


def days_after(default_anchor: str, anchors: tuple[str, ...]) -> Any:
    """Build a parser for `"14 days after delivery"` → `{"days": 14, "after": "delivery"}`."""

    def parse(value: Any) -> Any:
        value = whole_number(value)
        if isinstance(value, bool):
            raise ValueError(f"expected a number of days such as '14 days after {default_anchor}'")
        if isinstance(value, float):
            raise ValueError(f"expected a whole number of days such as '14 days after {default_anchor}'")
        if isinstance(value, int):
            return {"days": value, "after": default_anchor}
        if isinstance(value, str):
            match = _DAYS_AFTER.match(value.strip())
            if not match:
                raise ValueError(f"'{value}' is not a period; write it like '14 days after {default_anchor}'")
            anchor = (match.group(2) or default_anchor).strip().lower().replace(" ", "_")
            if anchor not in anchors:
                allowed = ", ".join(anchors)
                raise ValueError(f"'{value}' counts from '{anchor}'; it can count from: {allowed}")
            return {"days": int(match.group(1)), "after": anchor}
        return value

    return parse


def duration(value: Any) -> Any:
    """`"24 hours"`, `"2 days"`, `"30 min"`, ISO 8601 `"PT4H"` → `datetime.timedelta`.

    Text only, at most 9999 of a unit: a bare number would be read as seconds (24 meaning a day would
    become 24 seconds), and true/false is no duration at all.
    """
    if isinstance(value, dt.timedelta):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(f"'{value}' has no unit; write e.g. '{value} hours' or '{value} days'")
    if not isinstance(value, str):
        raise ValueError("expected a duration such as '24 hours', '2 days' or '30 minutes'")
    if value.startswith("P") and not forms.fits(forms.ISO_DURATION, value):
        raise PydanticCustomError("timedelta_parsing", "not an ISO 8601 duration of at most 9999 per unit")
    match = _DURATION.match(value.strip())
    if match and not forms.fits(forms.DURATION, value):
        raise ValueError(f"'{value}' is far too long a duration; write at most 9999 of a unit, e.g. 24 hours")
    if not value.startswith("P") and not match:
        raise ValueError(f"'{value}' is not a duration; write e.g. '24 hours', '2 days' or '30 minutes'")
    iso = _ISO_DURATION.match(value)
    if iso:
        parts = {unit: float(number.replace(",", ".")) for unit, number in iso.groupdict().items() if number}
        for unit, days in _DAYS_PER_ISO_UNIT.items():
            parts["days"] = parts.get("days", 0.0) + parts.pop(unit, 0.0) * days
        return dt.timedelta(**parts)
    assert match is not None  # the spelling was checked above
    unit = match.group(2).lower().rstrip("s")
    unit = _DURATION_UNITS.get(unit, unit if unit.endswith("s") else unit + "s")
    if unit == "mins":
        unit = "minutes"
    return dt.timedelta(**{unit: float(match.group(1))})


def clock_time(value: Any) -> Any:
    """`"14:00"` → `datetime.time(14, 0)`; text only.

    A number is no time of day: an unquoted 14:00 in a YAML 1.1 file is the integer 840, and a number
    with a fraction would otherwise be read as seconds after midnight in UTC, a time with an offset that
    the local cutoff comparisons cannot use.
    """
    if isinstance(value, dt.time) and value.tzinfo is None:
        return value
    if isinstance(value, str):
        match = _TIME.match(value.strip())
        if not match:
            raise ValueError(f"'{value}' is not a time of day; write HH:MM in 24-hour form, e.g. \"14:00\"")
        return dt.time(int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))
    raise ValueError('write the time in quotes as HH:MM, e.g. "14:00"')


def amount(value: Any) -> Any:
    """`4.95`, `"4,95"`, `"free"` → Decimal with the float's written digits, not its binary noise.

    Text must be spelled as the schema says: digits, one decimal comma or point, at most two decimals
    (so not "1e5", "+5", "-0" or "NaN", which Python's Decimal would read).
    """
    if isinstance(value, bool):
        raise ValueError("expected an amount such as 4.95")
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        if not forms.fits(forms.AMOUNT, value):
            raise ValueError(f"'{value}' is not an amount; write a number such as 4.95")
        text = value.strip().lower()
        return Decimal(0) if text == "free" else Decimal(text.replace(",", "."))
    return value


def percent(value: Any) -> Any:
    """`"10%"`, `"12,5 %"` → `Decimal("10")`, `Decimal("12.5")`."""
    if isinstance(value, str):
        match = _PERCENT.match(value.strip())
        if not match or not forms.fits(forms.PERCENT, value):
            raise ValueError(f"'{value}' is not a percentage; write e.g. 10%")
        return Decimal(match.group(1).replace(",", "."))
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} is not a percentage; write e.g. 10%")
    return amount(value)
