"""The arguments a question about the terms takes: their published shapes, and the one check behind them.

The HTTP API's OpenAPI document and the MCP tools' input schemas publish these patterns, and the
answers layer checks every argument against the very same pattern before it looks at the terms, so a
value the schema accepts is never refused for its form, and one the schema refuses never slips
through. A value of the right form that names something the terms do not have (a country the shop
does not serve, an unknown service) is a NotCoveredError, listing what the terms do cover.

Every pattern uses [0-9] rather than \\d: Python's \\d matches digits of every script, JSON Schema's
(ECMA-262) only ASCII ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from shopterms.policy.errors import NotCoveredError, QueryError, listing, suggest
from shopterms.policy.supported_dates import RANGE_TEXT, YEAR_PATTERN

# Dates and moments outside the supported range (shopterms.policy.supported_dates) are refused by form.
_DAY = YEAR_PATTERN + "-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
_TIME = "(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:[.][0-9]{1,9})?"
_OFFSET = "(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"


@dataclass(frozen=True)
class Shape:
    """The published form of an argument: a pattern (and JSON Schema format), an example, its wording."""

    pattern: str
    example: str
    wording: str
    """What the value must be, completing "'x' is not …"."""
    format: str | None = None

    def schema(self) -> dict[str, str]:
        """The JSON Schema keywords of a string of this shape."""
        keywords = {"pattern": self.pattern}
        return {**keywords, "format": self.format} if self.format else keywords

    def matches(self, value: object) -> bool:
        return isinstance(value, str) and re.fullmatch(self.pattern, value) is not None


COUNTRY = Shape("^[A-Z]{2}$", "DE", "an ISO 3166-1 alpha-2 country code in capitals")
REGION = Shape(
    "^[A-Z]{2}-[A-Z0-9]{1,3}$", "DE-BY", "an ISO 3166-2 subdivision code in capitals, country first"
)
POSTAL_CODE = Shape(
    "^[A-Za-z0-9](?:[A-Za-z0-9 -]{0,10}[A-Za-z0-9])?$",
    "80331",
    "a postal code (letters, digits, spaces and -, at most 12 characters)",
)
SERVICE = Shape(
    "^[a-z0-9][a-z0-9_-]{0,63}$", "standard", "a service id (lower-case letters, digits, - and _)"
)
DAY = Shape(f"^{_DAY}$", "2026-12-11", f"an ISO date in the supported range, {RANGE_TEXT}", "date")
MOMENT = Shape(
    f"^{_DAY}T{_TIME}{_OFFSET}$",
    "2026-12-23T15:00:00+01:00",
    f"an RFC 3339 date and time with seconds and its UTC offset, in the supported range, {RANGE_TEXT}",
    "date-time",
)
SHAPES_BY_NAME: dict[str, Shape] = {
    "country": COUNTRY,
    "region": REGION,
    "postal_code": POSTAL_CODE,
    "service": SERVICE,
    "day": DAY,
    "moment": MOMENT,
}


def checked(field: str, value: str, shape: Shape, allowed: Iterable[str] = ()) -> str:
    """`value` when it has the published form; otherwise a QueryError saying which form, with an example."""
    choices = tuple(allowed)
    if shape.matches(value):
        return value
    if shape is COUNTRY and isinstance(value, str) and value.strip().upper() in choices:
        hint = f" Write {value.strip().upper()}."
    else:
        hint = f" For example: {shape.example}."
    raise QueryError(field, f"'{value}' is not {shape.wording}.{hint}", choices)


def covered_country(value: str, covered: Iterable[str], what: str, field: str = "country") -> str:
    """A country code of the published form that `covered` contains; `what` completes "… <what> DE, AT"."""
    choices = sorted(set(covered))
    code = checked(field, value, COUNTRY, choices)
    if code not in choices:
        message = f"{code} is not covered: {what} {listing(choices)}.{suggest(code, choices)}"
        raise NotCoveredError(field, message, choices)
    return code


def checked_day(value: str | None, field: str) -> dt.date | None:
    """An ISO date of the published form (and a real day: no 31 April), or None when left out."""
    if value is None:
        return None
    text = checked(field, value, DAY)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise QueryError(
            field, f"'{value}' is not a day of the calendar. For example: {DAY.example}."
        ) from None


def checked_moment(value: str | None, field: str) -> dt.datetime | None:
    """An aware date and time of the published form, or None when left out (the caller means now)."""
    if value is None:
        return None
    text = checked(field, value, MOMENT)
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        message = f"'{value}' is not a moment of the calendar. For example: {MOMENT.example}."
        raise QueryError(field, message) from None
