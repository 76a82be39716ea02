"""schema.org OpeningHoursSpecification back as OpenStreetMap opening_hours text (the policy's form).

The inverse of `policy.jsonld.hours.opening_hours_specification`, for pages that state support hours
only in schema.org: each day gets its spans, days with equal spans in a row share a rule
(`Mo-Fr 09:00-18:00`), a specification for public holidays without times means `PH off`.
"""

from __future__ import annotations

import re

import opening_hours

from shopterms.policy.drafting.markup_graph import MarkupGraph, Node
from shopterms.policy.jsonld.hours import OSM_DAYS, PUBLIC_HOLIDAY
from shopterms.policy.jsonld.values import WEEKDAY_NAMES

OSM_DAY_BY_NAME = {name: OSM_DAYS[index] for index, name in enumerate(WEEKDAY_NAMES.values())}
OSM_DAY_BY_NAME["PublicHolidays"] = PUBLIC_HOLIDAY
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d")


def _clock(text: str | None) -> str | None:
    if not text or not _CLOCK.match(text):
        return None
    return "24:00" if text.startswith("23:59") else text[:5]


def osm_hours(graph: MarkupGraph, specifications: list[Node]) -> str | None:
    """The opening_hours text the specifications state, or None when they state none it can read."""
    spans: dict[str, list[str]] = {}
    for specification in specifications:
        opens, closes = (
            _clock(graph.text(specification, "opens")),
            _clock(graph.text(specification, "closes")),
        )
        for name in graph.members(specification, "dayOfWeek"):
            day = OSM_DAY_BY_NAME.get(name)
            if day is None:
                continue
            found = spans.setdefault(day, [])
            if opens and closes and f"{opens}-{closes}" not in found:
                found.append(f"{opens}-{closes}")
    rules: list[str] = []
    index = 0
    while index < len(OSM_DAYS):
        day = OSM_DAYS[index]
        if not spans.get(day):
            index += 1
            continue
        last = index
        while last + 1 < len(OSM_DAYS) and spans.get(OSM_DAYS[last + 1]) == spans[day]:
            last += 1
        days = day if last == index else f"{day}{'-' if last > index + 1 else ','}{OSM_DAYS[last]}"
        rules.append(f"{days} {','.join(sorted(spans[day]))}")
        index = last + 1
    if PUBLIC_HOLIDAY in spans:
        rules.append(f"{PUBLIC_HOLIDAY} {','.join(sorted(spans[PUBLIC_HOLIDAY])) or 'off'}")
    text = "; ".join(rules)
    try:
        return text if rules and opening_hours.validate(text) else None
    except Exception:  # the library's parser on text it does not expect: no hours rather than a fault
        return None
