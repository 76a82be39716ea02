"""Delivery times in page markup: day ranges from QuantitativeValue or ServicePeriod, and dates when the page
states the calendar needed to count them.

schema.org gives handling and transit in business days. Turning those into dates needs the warehouse's
time zone, business days and public holidays, and the carrier's delivery days; schema.org has words for
the days (businessDays) but not for the time zone or the holidays. A page that states all of them (our
vocabulary adds shopterms:timeZone and shopterms:holidayCalendar) gets dates from the date engine; any
other gets its day ranges compared as stated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from shopterms.policy.compare.record import DaySpan
from shopterms.policy.coverage import Place
from shopterms.policy.time_zones import is_zone_name, zone_or_none
from shopterms.validators.compare.page_graph import PageGraph, ours, schema

if TYPE_CHECKING:
    from rdflib.term import Node

_DAY_UNITS = {"day", "days", "d"}
_WEEKDAYS = {
    "Monday": "mon",
    "Tuesday": "tue",
    "Wednesday": "wed",
    "Thursday": "thu",
    "Friday": "fri",
    "Saturday": "sat",
    "Sunday": "sun",
}


@dataclass(frozen=True)
class Period:
    """A handling or transit time as the markup states it."""

    span: DaySpan
    node: Node  # the node carrying the days, for provenance
    business_days: tuple[str, ...]  # mon..sun; empty when the markup does not name them
    note: str | None = None


def _quantity(page: PageGraph, node: Node) -> tuple[DaySpan | None, str | None]:
    unit = (page.text(node, schema("unitCode")) or page.text(node, schema("unitText")) or "").lower()
    if unit not in _DAY_UNITS:
        return None, f"the time is given in '{unit or 'no unit'}', not in days"
    low, high, exact = (page.integer(node, schema(name)) for name in ("minValue", "maxValue", "value"))
    if exact is not None:
        return DaySpan(min=exact, max=exact), None
    if high is not None:
        note = None if low is not None else "the markup states only a maximum"
        return (
            (DaySpan(min=low or 0, max=high), note) if (low or 0) <= high else (None, "minimum above maximum")
        )
    return None, "the markup gives no number of days"


def period(page: PageGraph, node: Node | None) -> tuple[Period | None, str | None]:
    """A handling or transit time from a ServicePeriod (duration, businessDays) or a QuantitativeValue."""
    if node is None:
        return None, None
    quantity = page.value(node, schema("duration")) if page.is_a(node, "ServicePeriod") else node
    if quantity is None:
        return None, "the service period gives no duration"
    span, why = _quantity(page, quantity)
    if span is None:
        return None, why
    days = tuple(_WEEKDAYS[day] for day in page.texts(node, schema("businessDays")) if day in _WEEKDAYS)
    return Period(span, quantity, tuple(sorted(set(days), key=list(_WEEKDAYS.values()).index)), why), None


def _local_cutoff(page: PageGraph, holder: Node, zone: str, day: dt.date) -> str | None:
    local = page.text(holder, ours("localCutoffTime"))
    if local:
        return local[:5]
    stated = page.text(holder, schema("cutoffTime"))
    if not stated:
        return None
    try:
        moment = dt.time.fromisoformat(stated)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.strftime("%H:%M")
    # A cutoff with a UTC offset is one instant a day: its wall-clock time in the shop's zone that day.
    shop_zone = zone_or_none(zone)
    if shop_zone is None:
        return None
    return dt.datetime.combine(day, moment).astimezone(shop_zone).strftime("%H:%M")


def dates(
    page: PageGraph,
    handling: Period,
    handling_holder: Node,
    transit: Period,
    calendar_holders: list[Node],
    place: Place,
    ordered: dt.datetime,
) -> tuple[tuple[dt.date, dt.date] | None, str, list[tuple[Node, str]]]:
    """(earliest, latest) delivery from the date engine, or None and the reason; and what was used."""
    zone = next((z for holder in calendar_holders if (z := page.text(holder, ours("timeZone")))), None)
    holidays = next(
        (h for holder in calendar_holders if (h := page.text(holder, ours("holidayCalendar")))), None
    )
    missing = [
        what
        for what, value in (
            ("time zone", zone),
            ("holiday calendar", holidays),
            ("warehouse business days", handling.business_days),
            ("delivery days", transit.business_days),
        )
        if not value
    ]
    if missing or zone is None or holidays is None:
        return None, f"dates not computed: the markup states no {', '.join(missing)}", []
    if not is_zone_name(zone):  # checked before any look-up: a page may name anything at all
        return None, "dates not computed: the markup's time zone is not an IANA time zone", []
    from shopterms.policy.errors import QueryError
    from shopterms.policy.estimate import estimate_delivery
    from shopterms.policy.model import Policy
    from shopterms.policy.queries import DestinationQuery

    cutoff = _local_cutoff(page, handling_holder, zone, ordered.date())
    handling_spec: dict[str, Any] = {
        "days": handling.span.model_dump(),
        "business_days": list(handling.business_days),
        "holidays": holidays,
    }
    if cutoff:
        handling_spec["cutoff"] = cutoff
    home = holidays[:2] if holidays != "none" else place.country
    try:
        policy = Policy.model_validate(
            {
                "shop": {
                    "name": "page",
                    "url": "https://page.invalid",
                    "address": {"country": home},
                    "timezone": zone,
                    "currency": "EUR",
                },
                "shipping": {
                    "handling": handling_spec,
                    "services": [
                        {
                            "id": "page",
                            "to": [place.country],
                            "transit": transit.span.model_dump(),
                            "delivery_days": list(transit.business_days),
                            "rate": 0,
                        }
                    ],
                },
            }
        )
        query = DestinationQuery(
            country=place.country, region=place.subdivision, postal_code=place.postal_code
        )
        estimate = estimate_delivery(policy, query, "page", ordered)[0]
    except (ValueError, QueryError) as error:
        return None, f"dates not computed: {str(error).splitlines()[0]}", []
    used = [(holder, ours("timeZone")) for holder in calendar_holders if page.text(holder, ours("timeZone"))][
        :1
    ]
    used += [
        (holder, ours("holidayCalendar"))
        for holder in calendar_holders
        if page.text(holder, ours("holidayCalendar"))
    ][:1]
    note = f"dates from the date engine for an order at {estimate.ordered_at.isoformat()}"
    return (estimate.earliest_delivery, estimate.latest_delivery), note, used
