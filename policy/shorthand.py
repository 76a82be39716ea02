"""Parsers for the friendly shorthand a merchant may write instead of the structured form.

Each parser takes the raw YAML value and returns the structured form (a dict or a plain value) that
the pydantic model then validates. Anything already structured passes through untouched, so both
spellings normalise to one canonical model. A ValueError's message is shown to the merchant as is,
so it says what was expected and gives an example.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

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
_DASH = r"\s*(?:-|–|—|\.\.|to|bis)\s*"
_DAY_RANGE = re.compile(rf"^(\d+)(?:{_DASH}(\d+))?(?:\s*(?:business\s+|working\s+)?days?)?$", re.IGNORECASE)
_DAYS_AFTER = re.compile(
    r"^(\d+)\s*(?:calendar\s+)?days?(?:\s+(?:after|from)\s+(?:the\s+)?([a-z_ ]+))?$", re.I
)
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*(minutes?|mins?|hours?|h|days?|d|weeks?)$", re.IGNORECASE)
_DURATION_UNITS = {
    "min": "minutes",
    "h": "hours",
    "hour": "hours",
    "d": "days",
    "day": "days",
    "week": "weeks",
}
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$")
_PERCENT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*%$")


def day_range(value: Any) -> Any:
    """`"0-1"`, `"1–2 days"`, `2` → `{"min": ..., "max": ...}`."""
    if isinstance(value, bool):
        raise ValueError("expected a number of days such as 2 or a range such as 1-3")
    if isinstance(value, int):
        return {"min": value, "max": value}
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
            start, end = (dt.date.fromisoformat(part) for part in parts)
        except ValueError:
            raise ValueError(
                f"'{value}' is not a date range; write ISO dates as START..END such as 2026-12-24..2027-01-01"
            ) from None
        return {"start": start, "end": end}
    return value


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
        if isinstance(value, bool):
            raise ValueError(f"expected a number of days such as '14 days after {default_anchor}'")
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
    """`"24 hours"`, `"2 days"`, `"30 min"` → `datetime.timedelta`; ISO 8601 strings pass through."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A bare number would otherwise be read as seconds: 24 meaning a day would become 24 seconds.
        raise ValueError(f"'{value}' has no unit; write e.g. '{value} hours' or '{value} days'")
    if isinstance(value, str) and not value.upper().startswith("P"):
        match = _DURATION.match(value.strip())
        if not match:
            raise ValueError(f"'{value}' is not a duration; write e.g. '24 hours', '2 days' or '30 minutes'")
        unit = match.group(2).lower().rstrip("s")
        unit = _DURATION_UNITS.get(unit, unit if unit.endswith("s") else unit + "s")
        if unit == "mins":
            unit = "minutes"
        try:
            return dt.timedelta(**{unit: float(match.group(1))})
        except OverflowError:
            raise ValueError(f"'{value}' is far too long a duration; write e.g. '24 hours'") from None
    return value


def clock_time(value: Any) -> Any:
    """`"14:00"` → `datetime.time(14, 0)`; a YAML 1.1 sexagesimal integer is explained, not misread."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError('write the time in quotes as HH:MM, e.g. "14:00"')
    if isinstance(value, str):
        match = _TIME.match(value.strip())
        if not match:
            raise ValueError(f"'{value}' is not a time of day; write HH:MM in 24-hour form, e.g. \"14:00\"")
        return dt.time(int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))
    return value


def amount(value: Any) -> Any:
    """`4.95`, `"4,95"`, `"free"` → Decimal with the float's written digits, not its binary noise."""
    if isinstance(value, bool):
        raise ValueError("expected an amount such as 4.95")
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip().lower()
        if text == "free":
            return Decimal(0)
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise ValueError(f"'{value}' is not an amount; write a number such as 4.95") from None
    return value


def percent(value: Any) -> Any:
    """`"10%"`, `"12,5 %"` → `Decimal("10")`, `Decimal("12.5")`."""
    if isinstance(value, str):
        match = _PERCENT.match(value.strip())
        if not match:
            raise ValueError(f"'{value}' is not a percentage; write e.g. 10%")
        return Decimal(match.group(1).replace(",", "."))
    return amount(value)
