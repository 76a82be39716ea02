"""How a draft writes values: the shorthand a merchant would write, which the loader reads back exactly."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MON_FRI = ("mon", "tue", "wed", "thu", "fri")


def number(value: Decimal | int | float) -> int | float:
    """An amount as YAML writes it: 5 rather than 5.00, 4.95 as 4.95."""
    normal = Decimal(str(value)).normalize()
    return int(normal) if normal == normal.to_integral_value() else float(normal)


def days(pair: tuple[int, int]) -> int | str:
    low, high = pair
    return low if low == high else f"{low}-{high}"


def weekdays(names: tuple[str, ...] | list[str]) -> str:
    """`Mon-Fri`, `Mon-Sat`, or `Mon, Wed, Fri`."""
    ordered = [day for day in WEEKDAYS if day in names]
    if not ordered:
        return ""
    first, last = WEEKDAYS.index(ordered[0]), WEEKDAYS.index(ordered[-1])
    if len(ordered) > 2 and len(ordered) == last - first + 1:
        return f"{ordered[0].title()}-{ordered[-1].title()}"
    return ", ".join(day.title() for day in ordered)


def period(count: int, anchor: str) -> str:
    return f"{count} days after {anchor}"


def date_span(start: dt.date, end: dt.date) -> str | dt.date:
    return start if start == end else f"{start.isoformat()}..{end.isoformat()}"


def clock(value: dt.time) -> str:
    return value.strftime("%H:%M") if not value.second else value.isoformat()


def slug(text: str, taken: set[str]) -> str:
    """A service id from a name: lower case, words joined with -, unique among `taken`."""
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:56] or "service"
    if not base[0].isalnum():
        base = f"s-{base}"
    candidate, counter = base, 2
    while candidate in taken:
        candidate, counter = f"{base}-{counter}", counter + 1
    taken.add(candidate)
    return candidate


def destination(country: str, region: str | None, postal_codes: tuple[str, ...] = ()) -> Any:
    if postal_codes:
        area: dict[str, Any] = {"country": country}
        if region:
            area["region"] = region
        area["postal_codes"] = list(postal_codes)
        return area
    return region or country
