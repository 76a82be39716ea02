"""The days shopterms computes with: 1970-01-01 to 2199-12-31, checked wherever a date comes in.

A question's moment or day (an order time, a delivery day, the moment opening hours are checked for)
and every date written in a policy file must lie in this range. The engine then never meets a day it
cannot count from: the furthest it steps past a day in range is a few years (a year of handling and
a year of transit, a ten-year return window, three years of search for an open day), far inside what
Python's dates hold (year 9999), and the holiday tables cover every year of it.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from shopterms.policy.errors import QueryError

FIRST_DAY: Final = dt.date(1970, 1, 1)
LAST_DAY: Final = dt.date(2199, 12, 31)
RANGE_TEXT: Final = f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
# The same range for JSON Schema patterns: years 1970 to 2199 (the pattern checks the year only).
YEAR_PATTERN: Final = r"(?:19[7-9][0-9]|2[01][0-9][0-9])"


def in_range(day: dt.date) -> bool:
    """Whether `day` (or the calendar day of a datetime, as written) lies in the supported range."""
    if isinstance(day, dt.datetime):
        day = day.date()
    return FIRST_DAY <= day <= LAST_DAY


def outside_message(day: dt.date) -> str:
    """Why a day is refused, naming the range."""
    if isinstance(day, dt.datetime):
        day = day.date()
    return f"{day.isoformat()} is outside the supported range of dates, {RANGE_TEXT}"


def checked_day(day: dt.date, field: str) -> dt.date:
    """`day` itself, or a QueryError on `field` naming the supported range."""
    if not in_range(day):
        raise QueryError(field, outside_message(day))
    return day


def checked_moment(moment: dt.datetime, field: str) -> dt.datetime:
    """`moment` itself when its written day is in range; refused before any conversion could overflow."""
    if not in_range(moment.date()):
        raise QueryError(field, outside_message(moment.date()))
    return moment
