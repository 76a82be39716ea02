"""Money, dates, times, places and day counts written the way a reader of one locale expects (babel)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import pycountry
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

from shopterms.policy.documents.terms_page.phrases import Phrases
from shopterms.policy.jsonld.hours import WeeklyHours, weekly_hours
from shopterms.policy.model.common import DayRange
from shopterms.policy.shorthand import WEEKDAYS

DASH = "\u2013"  # the en dash of ranges: 09:00-18:00 set as typographers do


class Formatter:
    """Formats values for one page language; the currency is the shop's."""

    def __init__(self, tag: str, currency: str, say: Phrases) -> None:
        try:
            self.locale = Locale.parse(tag, sep="-")
        except (UnknownLocaleError, ValueError):
            self.locale = Locale.parse(say.language)
        self.currency = currency
        self.say = say

    def money(self, amount: Decimal | float) -> str:
        return format_currency(amount, self.currency, locale=self.locale)

    def number(self, value: Decimal | float) -> str:
        return format_decimal(value, locale=self.locale)

    def percent(self, share: float) -> str:
        return format_percent(share, locale=self.locale)

    def date(self, day: dt.date) -> str:
        return format_date(day, "medium", locale=self.locale)

    def time(self, moment: dt.time) -> str:
        return format_time(moment, "short", locale=self.locale)

    def country(self, code: str) -> str:
        return str(self.locale.territories.get(code, code))

    def area(self, code: str) -> str:
        """A country (DE) or a subdivision (DE-HH → Hamburg)."""
        if "-" not in code:
            return self.country(code)
        subdivision = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]
        return str(subdivision.name) if subdivision is not None else code

    def language(self, tag: str) -> str:
        names = self.locale.languages
        return str(names.get(tag.replace("-", "_")) or names.get(tag.split("-")[0]) or tag)

    def join(self, items: Sequence[str]) -> str:
        return format_list(list(items), locale=self.locale) if items else ""

    def days(self, days: DayRange, key: str = "business_days") -> str:
        amount = (
            str(days.min) if days.min == days.max else self.say("range.between", low=days.min, high=days.max)
        )
        return self.say.count(key, amount, one=days.min == days.max == 1)

    def weekday_names(self, days: Sequence[str]) -> str:
        """`[mon, tue, wed, thu, fri]` → "Mo.-Fr."; runs of three or more days become a range."""
        indexes = sorted(WEEKDAYS.index(day) for day in days)
        names = self.locale.days["format"]["abbreviated"]
        runs: list[list[int]] = []
        for index in indexes:
            if runs and index == runs[-1][-1] + 1:
                runs[-1].append(index)
            else:
                runs.append([index])
        parts: list[str] = []
        for run in runs:
            if len(run) >= 3:
                parts.append(f"{names[run[0]]}{DASH}{names[run[-1]]}")
            else:
                parts.extend(names[index] for index in run)
        return ", ".join(parts)

    def duration(self, span: dt.timedelta) -> str:
        minutes = int(span.total_seconds()) // 60
        if minutes % 60:
            return self.say.count("minutes", str(minutes), one=minutes == 1)
        hours = minutes // 60
        return self.say.count("hours", str(hours), one=hours == 1)

    def hours(self, text: str) -> list[str]:
        """Opening hours as lines ("Mo.-Fr. 09:00-18:00"); text we cannot read is shown as written."""
        weekly = weekly_hours(text)
        return [text] if weekly is None else self._weekly_lines(weekly)

    def _weekly_lines(self, weekly: WeeklyHours) -> list[str]:
        lines: list[str] = []
        seen: list[tuple[tuple[int, int], ...]] = []
        for spans in weekly.days:
            if not spans or spans in seen:
                continue
            seen.append(spans)
            days = [WEEKDAYS[index] for index, other in enumerate(weekly.days) if other == spans]
            lines.append(f"{self.weekday_names(days)} {self._spans(spans)}")
        if weekly.public_holidays is not None:
            spans_text = self._spans(weekly.public_holidays) or self.say("closed_day")
            lines.append(f"{self.say('public_holidays')}: {spans_text}")
        return lines

    def _spans(self, spans: tuple[tuple[int, int], ...]) -> str:
        def clock(minutes: int) -> str:
            return self.time(dt.time(minutes // 60 % 24, minutes % 60)) if minutes < 1440 else "24:00"

        return ", ".join(f"{clock(opens)}{DASH}{clock(closes)}" for opens, closes in spans)
