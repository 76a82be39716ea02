"""Support facts from page markup: the shop's ContactPoints, their hours and languages.

Hours come from shopterms:openingHours when present, else from hoursAvailable, written in the
OpenStreetMap syntax policy files use ("Mo-Fr 09:00-18:00; Sa 10:00-14:00; PH off"). Language names
("German") become BCP 47 tags through babel; what babel does not know is kept as written.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from shopterms.policy.compare.fact import Fact, known, unknown
from shopterms.policy.compare.record import Channel, Support
from shopterms.validators.compare.page_graph import PageGraph, ours, schema

if TYPE_CHECKING:
    from rdflib.term import Node

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SHORT = {day: day[:2] for day in _DAYS}


@cache
def _tags_by_name() -> dict[str, str]:
    from babel import Locale

    names = Locale("en").languages
    return {name.lower(): code for code, name in names.items() if "_" not in code}


def language_tag(text: str) -> str:
    cleaned = text.strip()
    if len(cleaned) <= 3 or "-" in cleaned:
        return cleaned.lower() if len(cleaned) <= 3 else cleaned
    return _tags_by_name().get(cleaned.lower(), cleaned)


def _languages(page: PageGraph, node: Node) -> list[str]:
    found: list[str] = []
    for value in page.values(node, schema("availableLanguage")):
        text = (
            page.word(value) or page.text(value, schema("alternateName")) or page.text(value, schema("name"))
        )
        if text and (tag := language_tag(text)) not in found:
            found.append(tag)
    return found


def _spans(days: list[str]) -> str:
    indexes = sorted(_DAYS.index(day) for day in days)
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return ",".join(
        _SHORT[_DAYS[run[0]]] + (f"-{_SHORT[_DAYS[run[-1]]]}" if len(run) > 1 else "") for run in runs
    )


def hours_text(page: PageGraph, node: Node) -> str | None:
    """The channel's hours in OpenStreetMap syntax, or None when the markup states none."""
    stated = page.text(node, ours("openingHours"))
    if stated:
        return stated
    rules: list[str] = []
    holidays_closed = False
    for spec in page.values(node, schema("hoursAvailable")):
        days = page.texts(spec, schema("dayOfWeek"))
        opens, closes = page.text(spec, schema("opens")), page.text(spec, schema("closes"))
        if "PublicHolidays" in days and not opens:
            holidays_closed = True
        weekdays = [day for day in days if day in _DAYS]
        if weekdays and opens and closes:
            rules.append(f"{_spans(weekdays)} {opens[:5]}-{closes[:5]}")
    if holidays_closed:
        rules.append("PH off")
    return "; ".join(rules) or None


def _channels(page: PageGraph, point: Node) -> list[Channel]:
    kind = page.text(point, ours("channelType"))
    hours = hours_text(page, point)
    languages = _languages(page, point)
    number = page.text(point, ours("messagingNumber")) or page.text(point, schema("telephone"))
    email = page.text(point, schema("email"))
    url = page.text(point, schema("url"))
    if kind:
        contact = {"email": email}.get(kind) or number or email or url or "?"
        return [Channel(type=kind, contact=contact, hours=hours, languages=languages)]
    found = []
    if number:
        found.append(Channel(type="phone", contact=number, hours=hours, languages=languages))
    if email:
        found.append(
            Channel(type="email", contact=email.removeprefix("mailto:"), hours=hours, languages=languages)
        )
    if url and not found:
        found.append(Channel(type="web", contact=url, hours=hours, languages=languages))
    return found


def page_support(page: PageGraph, org: Node | None) -> Support:
    if org is None:
        why = "the markup names no organisation to reach"
        return Support(channels=unknown(why), languages=unknown(why), human=unknown(why))
    points = page.values(org, schema("contactPoint"))
    channels = [channel for point in points for channel in _channels(page, point)]
    pairs: list[tuple[Node, str]] = [(org, schema("contactPoint"))]
    note = None
    if not channels:
        pairs = [(org, schema(name)) for name in ("telephone", "email") if page.text(org, schema(name))]
        channels = _channels(page, org) if pairs else []
        note = "the organisation's own telephone and e-mail; the markup has no contactPoint"
    channel_fact: Fact[Any] = (
        known(channels, page.sources(pairs), note)
        if channels
        else unknown("the markup names no contact point")
    )
    languages = [tag for point in points for tag in _languages(page, point)]
    language_fact: Fact[Any] = (
        known(
            list(dict.fromkeys(languages)),
            page.sources((p, schema("availableLanguage")) for p in points if _languages(page, p)),
        )
        if languages
        else unknown("the markup names no support languages")
    )
    human = page.boolean(org, ours("humanSupport"))
    human_fact: Fact[Any] = (
        known(human, [page.source(org, ours("humanSupport"))])
        if human is not None
        else unknown(
            "the markup does not say whether a person can be reached (schema.org has no term for it)"
        )
    )
    return Support(channels=channel_fact, languages=language_fact, human=human_fact)
