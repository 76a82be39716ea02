"""Business-day calendars: weekdays, public holidays of a country or subdivision, and closures.

Holiday tables come from the `holidays` package and are cached per (country, subdivision, year) as plain
dicts, because membership tests on the library's own objects cost far more than a dict lookup. Each
calendar also remembers the days it has already answered for, so repeated estimates are cheap.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable
from functools import lru_cache

import holidays

from shopterms.policy.region import Region

WEEKDAY_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
WEEKDAY_NAMES = tuple(WEEKDAY_NUMBERS)
# A calendar that finds no open day within this many days is broken (no weekdays, or one endless closure).
_SEARCH_LIMIT_DAYS = 3 * 366

DayRange = tuple[dt.date, dt.date]


@lru_cache(maxsize=4096)
def holiday_names(country: str, subdivision: str | None, year: int) -> dict[dt.date, str]:
    """Public holidays of one year as {date: name}; subdivision-level where one is given.

    A few calendars cover only some years (India's: 2001-2035) and warn outside them; the answer is then
    the holidays the library knows (none at worst), which is what the estimate's holiday list shows.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        table = holidays.country_holidays(country, subdiv=subdivision, years=year, language="en_US")
        return dict(table.items())


class NoOpenDayError(ValueError):
    """The calendar has no open day in reach: no weekdays at all, or a closure without end."""


class BusinessCalendar:
    """Open days of a warehouse or a carrier: given weekdays, minus public holidays and closures."""

    def __init__(
        self, region: Region | None, weekdays: frozenset[int], closures: tuple[DayRange, ...] = ()
    ) -> None:
        self.region = region
        self.weekdays = weekdays
        self.closures = closures
        self._open: dict[dt.date, bool] = {}
        self._shifted: dict[tuple[dt.date, int], dt.date] = {}
        self._holidays_between: dict[tuple[dt.date, dt.date], list[tuple[dt.date, str]]] = {}

    def holiday(self, day: dt.date) -> str | None:
        """Name of the public holiday on this day, if it is one."""
        if self.region is None:
            return None
        return holiday_names(self.region.country, self.region.subdivision, day.year).get(day)

    def closure(self, day: dt.date) -> DayRange | None:
        return next((span for span in self.closures if span[0] <= day <= span[1]), None)

    def is_open(self, day: dt.date) -> bool:
        known = self._open.get(day)
        if known is None:
            known = day.weekday() in self.weekdays and self.holiday(day) is None and self.closure(day) is None
            self._open[day] = known
        return known

    def next_open(self, day: dt.date) -> dt.date:
        """The first open day on or after `day`."""
        return self.shift(day, 0)

    def shift(self, day: dt.date, count: int) -> dt.date:
        """The `count`-th open day after `day`; for 0, the first open day on or after it."""
        key = (day, count)
        found = self._shifted.get(key)
        if found is None:
            found = self._walk(day, count)
            self._shifted[key] = found
        return found

    def _walk(self, day: dt.date, count: int) -> dt.date:
        current, remaining, steps = day, count, 0
        if count > 0:
            current = _next_day(current, day)
        while True:
            if self.is_open(current):
                if remaining <= 1:
                    return current
                remaining -= 1
            current = _next_day(current, day)
            steps += 1
            if steps > _SEARCH_LIMIT_DAYS + count:
                raise NoOpenDayError(f"no open day within {_SEARCH_LIMIT_DAYS} days after {day.isoformat()}")

    def holidays_between(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
        """Public holidays from `first` to `last` inclusive that fall on one of the calendar's weekdays."""
        key = (first, last)
        found = self._holidays_between.get(key)
        if found is None:
            found = []
            day = first
            while day <= last:
                name = self.holiday(day)
                if name is not None and day.weekday() in self.weekdays:
                    found.append((day, name))
                if day == dt.date.max:
                    break
                day += dt.timedelta(days=1)
            self._holidays_between[key] = found
        return list(found)

    def closures_between(self, first: dt.date, last: dt.date) -> list[DayRange]:
        return [span for span in self.closures if span[0] <= last and span[1] >= first]


def _next_day(day: dt.date, start: dt.date) -> dt.date:
    """The day after `day`; the end of Python's calendar ends the search instead of overflowing."""
    if day == dt.date.max:
        raise NoOpenDayError(f"no open day after {start.isoformat()} before the end of the calendar")
    return day + dt.timedelta(days=1)


def weekday_numbers(names: Iterable[str]) -> frozenset[int]:
    return _weekday_numbers(tuple(names))


@lru_cache(maxsize=256)
def _weekday_numbers(names: tuple[str, ...]) -> frozenset[int]:
    return frozenset(WEEKDAY_NUMBERS[name] for name in names)


@lru_cache(maxsize=1024)
def business_calendar(
    region: Region | None, weekdays: frozenset[int], closures: tuple[DayRange, ...] = ()
) -> BusinessCalendar:
    """One shared calendar per definition, so its memory of answered days is reused across queries."""
    return BusinessCalendar(region, weekdays, closures)


def clear_caches() -> None:
    """Forget every cached holiday table and calendar (for benchmarks and tests)."""
    holiday_names.cache_clear()
    business_calendar.cache_clear()
