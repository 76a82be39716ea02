"""Opening hours: the common forms of OpenStreetMap's opening_hours syntax as OpeningHoursSpecification.

The OSM grammar is large (months, weeks, school holidays, sun times, comments, fallbacks). We read
only the forms that mean "these weekdays, these times": weekday ranges and lists, several time spans
per day, later rules overriding earlier ones for the days they name, `24/7`, `off`/`closed`, and
public holidays (`PH off`, `PH 10:00-14:00`). Our reading of the weekly pattern is then compared
with the opening_hours library's own evaluation of a whole week; anything we do not read, or read
differently, yields None, and the caller keeps only the raw text instead of publishing wrong hours.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import opening_hours

from shopterms.policy.jsonld.values import WEEKDAY_NAMES
from shopterms.policy.jsonld.vocabulary import JsonObject, member
from shopterms.policy.shorthand import WEEKDAYS

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
PUBLIC_HOLIDAY = "PH"
DAY_MINUTES = 24 * 60
Span = tuple[int, int]  # minutes after midnight; an end before the start runs past midnight

_RULE = re.compile(r"^(?P<selector>[A-Za-z,\- ]+?)\s+(?P<times>off|closed|[0-9:,\- ]+)$")
_SPAN = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")
# No country is passed to the library, so public holidays do not disturb the week we compare.
_REFERENCE_MONDAY = dt.datetime(2024, 1, 8)


@dataclass(frozen=True)
class WeeklyHours:
    """Open spans for Monday..Sunday, and for public holidays when the text states them."""

    days: tuple[tuple[Span, ...], ...]
    public_holidays: tuple[Span, ...] | None = None


def weekly_hours(text: str) -> WeeklyHours | None:
    """The weekly pattern of an opening_hours text, or None when it uses forms we do not read."""
    days: list[tuple[Span, ...]] = [()] * 7
    holidays: tuple[Span, ...] | None = None
    for rule in (part.strip() for part in text.split(";")):
        if not rule:
            continue
        if rule == "24/7":
            days = [((0, DAY_MINUTES),)] * 7
            continue
        parsed = _rule(rule)
        if parsed is None:
            return None
        selected, spans = parsed
        for day in selected:
            if day == PUBLIC_HOLIDAY:
                holidays = spans
            else:
                days[OSM_DAYS.index(day)] = spans
    weekly = WeeklyHours(tuple(days), holidays)
    return weekly if _agrees_with_library(text, weekly) else None


def _rule(rule: str) -> tuple[list[str], tuple[Span, ...]] | None:
    match = _RULE.match(rule)
    if match is None:
        return None
    selected = _days(match.group("selector").replace(" ", ""))
    times = match.group("times").strip()
    if selected is None:
        return None
    if times in {"off", "closed"}:
        return selected, ()
    spans: list[Span] = []
    for part in times.replace(" ", "").split(","):
        span = _SPAN.match(part)
        if span is None:
            return None
        start = int(span.group(1)) * 60 + int(span.group(2))
        end = int(span.group(3)) * 60 + int(span.group(4))
        if end > DAY_MINUTES or end == start:
            return None
        spans.append((start, end))
    return selected, tuple(spans)


def _days(selector: str) -> list[str] | None:
    selected: list[str] = []
    for part in selector.split(","):
        bounds = part.split("-")
        if bounds == [PUBLIC_HOLIDAY]:
            selected.append(PUBLIC_HOLIDAY)
            continue
        if not all(bound in OSM_DAYS for bound in bounds) or len(bounds) > 2:
            return None
        first, last = OSM_DAYS.index(bounds[0]), OSM_DAYS.index(bounds[-1])
        # OSM ranges may wrap over the weekend: Sa-Mo is Saturday, Sunday, Monday.
        count = (last - first) % 7 + 1
        selected.extend(OSM_DAYS[(first + step) % 7] for step in range(count))
    return selected


def _agrees_with_library(text: str, weekly: WeeklyHours) -> bool:
    try:
        library = opening_hours.OpeningHours(text)
    except SyntaxError:
        return False
    start, end = _REFERENCE_MONDAY, _REFERENCE_MONDAY + dt.timedelta(days=7)
    theirs: list[tuple[dt.datetime, dt.datetime]] = []
    for opened, closed, state, comment in library.intervals(start, end):
        if comment or state == opening_hours.State.UNKNOWN:
            return False
        if state == opening_hours.State.OPEN:
            theirs.append((max(opened, start), min(closed or end, end)))
    return _merged(theirs) == _merged(_open_intervals(weekly, start, end))


def _open_intervals(
    weekly: WeeklyHours, start: dt.datetime, end: dt.datetime
) -> list[tuple[dt.datetime, dt.datetime]]:
    intervals = []
    # The Sunday before can run past midnight into the week we look at.
    for offset in range(-1, 7):
        midnight = start + dt.timedelta(days=offset)
        for opens, closes in weekly.days[offset % 7]:
            length = (closes - opens) % DAY_MINUTES or DAY_MINUTES
            begin = midnight + dt.timedelta(minutes=opens)
            finish = begin + dt.timedelta(minutes=length)
            if finish > start and begin < end:
                intervals.append((max(begin, start), min(finish, end)))
    return intervals


def _merged(intervals: list[tuple[dt.datetime, dt.datetime]]) -> list[tuple[dt.datetime, dt.datetime]]:
    result: list[tuple[dt.datetime, dt.datetime]] = []
    for begin, finish in sorted(intervals):
        if result and begin <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], finish))
        else:
            result.append((begin, finish))
    return result


def clock(minutes: int) -> str:
    """Minutes after midnight as an xsd:time; the end of the day is written 23:59:59."""
    if minutes >= DAY_MINUTES:
        return "23:59:59"
    return f"{minutes // 60:02d}:{minutes % 60:02d}:00"


def opening_hours_specification(weekly: WeeklyHours) -> list[JsonObject]:
    """Days with equal hours share one node per time span; closed days are simply not listed."""
    specifications: list[JsonObject] = []
    seen: list[tuple[Span, ...]] = []
    for spans in weekly.days:
        if not spans or spans in seen:
            continue
        seen.append(spans)
        days = [
            member(WEEKDAY_NAMES[WEEKDAYS[index]])
            for index, other in enumerate(weekly.days)
            if other == spans
        ]
        specifications.extend(_node(days, span) for span in spans)
    if weekly.public_holidays is not None:
        holiday = [member("PublicHolidays")]
        if weekly.public_holidays:
            specifications.extend(_node(holiday, span) for span in weekly.public_holidays)
        else:
            # schema.org: a specification without opens means closed on those days.
            specifications.append({"@type": "OpeningHoursSpecification", "dayOfWeek": holiday})
    return specifications


def _node(days: list[str], span: Span) -> JsonObject:
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": days,
        "opens": clock(span[0]),
        "closes": clock(span[1]),
    }
