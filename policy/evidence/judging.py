"""Judging one parcel against the promise in force when it was ordered.

The promise is the date engine's own (policy.estimate.promise): the same cutoff, business days, public
holidays of the warehouse and of the destination's region, closures and time zone as a delivery
estimate for that order moment. A parcel is then

- early / on time / late by n business days: delivered before, within or after the promised window,
  counted in the destination's delivery calendar (a late day on a non-delivery day is late by 1);
- overdue: not delivered, and its latest promised day has passed (it counts as late);
- pending: on its way and not yet due; not delivered: the carrier failed or sent it back;
- dispatched on time or late by n business days of the warehouse calendar;
- late because of dispatch (it left after the latest promised dispatch day) or of transit.

Promises are memoised per terms version, service, destination, order day and side of the cutoff: an
order moment enters the promise through nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

from shopterms.policy.calendar import BusinessCalendar
from shopterms.policy.coverage import Match, Place, reaches
from shopterms.policy.errors import QueryError
from shopterms.policy.estimate import Promise, promise, service_cutoff
from shopterms.policy.evidence.records import day_number, day_of, moment_of
from shopterms.policy.model import Policy
from shopterms.policy.moment import local
from shopterms.policy.region import Region, resolve_region

Verdict = Literal["early", "on_time", "late", "overdue", "pending", "not_delivered"]
Cause = Literal["dispatch", "transit", "unknown"]
Unjudged = Literal[
    "no_order_moment",
    "no_service",
    "no_destination",
    "unknown_service",
    "not_served",
    "no_promise",
    "no_terms",
]
UNJUDGED_REASONS: dict[str, str] = {
    "no_order_moment": "no order moment (ordered_at) is known",
    "no_service": "no delivery service is known",
    "no_destination": "no destination country is known",
    "unknown_service": "the service is not one of the terms in force at the order",
    "not_served": "the service does not deliver to the destination",
    "no_promise": "the terms give no dispatch or delivery day for the order (a closure, or no delivery days)",
    "no_terms": "no terms were in force at the order moment, or they publish no shipping",
}


@dataclass(frozen=True)
class TermsVersion:
    """Terms a parcel can be judged against, under a key naming the version (its content hash)."""

    key: str
    policy: Policy


TermsAt = Callable[[dt.datetime], TermsVersion | None]


@dataclass(frozen=True, slots=True)
class Judgement:
    """What a parcel did against its promise."""

    verdict: Verdict
    days_off: int
    """Business days early (verdict early) or late (late); 0 otherwise."""
    dispatch_late: bool | None
    """None when the dispatch day is unknown."""
    dispatch_days_late: int
    cause: Cause | None
    """Why a late or overdue parcel was late."""
    lead_business_days: int | None
    lead_calendar_days: int | None
    order_day: dt.date
    promise: Promise
    terms: TermsVersion


@dataclass(frozen=True, slots=True)
class ParcelFacts:
    """What judging reads of a parcel record."""

    ordered_us: int | None
    service: str | None
    country: str | None
    region: str | None
    status: str | None
    shipped_day: int | None
    delivered_day: int | None


@lru_cache(maxsize=4096)
def _place(country: str, region: str | None) -> Place:
    """The destination's holiday region; a region the calendars do not know counts as its country."""
    try:
        calendar, subdivision = resolve_region(country, region, "region")
    except QueryError:
        calendar, subdivision = Region(country), None
    return Place(calendar, subdivision, None)


def open_days_between(calendar: BusinessCalendar, after: dt.date, until: dt.date) -> int:
    """Open days d of the calendar with after < d <= until (0 when until <= after)."""
    count, day = 0, after
    while day < until:
        day += dt.timedelta(days=1)
        if calendar.is_open(day):
            count += 1
    return count


class Judge:
    """Judges parcels against the terms in force at their order moments, as seen on `today`."""

    def __init__(self, terms_at: TermsAt, today: dt.date) -> None:
        self.terms_at = terms_at
        self.today = today
        self._promises: dict[tuple[object, ...], Promise | Unjudged] = {}
        self._zones: dict[str, ZoneInfo] = {}

    def judge(self, parcel: ParcelFacts) -> Judgement | Unjudged:
        if parcel.ordered_us is None:
            return "no_order_moment"
        if parcel.service is None:
            return "no_service"
        if parcel.country is None:
            return "no_destination"
        moment = moment_of(parcel.ordered_us)
        terms = self.terms_at(moment)
        if terms is None or terms.policy.shipping is None:
            return "no_terms"
        ordered = local(moment, self._zone(terms.policy.shop.timezone))
        promised = self._promise(terms, parcel.service, parcel.country, parcel.region, ordered)
        if isinstance(promised, str):
            return promised
        return self._verdict(parcel, promised, ordered.date(), terms)

    def _zone(self, name: str) -> ZoneInfo:
        zone = self._zones.get(name)
        if zone is None:
            zone = self._zones[name] = ZoneInfo(name)
        return zone

    def _promise(
        self, terms: TermsVersion, service_id: str, country: str, region: str | None, ordered: dt.datetime
    ) -> Promise | Unjudged:
        shipping = terms.policy.shipping
        assert shipping is not None
        service = shipping.service(service_id)
        if service is None:
            return "unknown_service"
        cutoff = service_cutoff(shipping, service)
        after_cutoff = cutoff is not None and ordered.time() >= cutoff
        key = (terms.key, service_id, country, region, ordered.date(), after_cutoff)
        known = self._promises.get(key)
        if known is None:
            place = _place(country, region)
            if reaches(service, place)[0] is Match.NO:
                known = "not_served"
            else:
                try:
                    known = promise(terms.policy, service, place.region, ordered)
                except QueryError:
                    known = "no_promise"
            self._promises[key] = known
        return known

    def _verdict(
        self, parcel: ParcelFacts, promised: Promise, order_day: dt.date, terms: TermsVersion
    ) -> Judgement:
        shipped = None if parcel.shipped_day is None else day_of(parcel.shipped_day)
        delivered = None if parcel.delivered_day is None else day_of(parcel.delivered_day)
        dispatch_late: bool | None = None
        dispatch_days = 0
        if shipped is not None:
            dispatch_late = shipped > promised.latest_dispatch
            if dispatch_late:
                dispatch_days = max(
                    1, open_days_between(promised.warehouse, promised.latest_dispatch, shipped)
                )
        carrier = promised.carrier
        lead_business = lead_calendar = None
        cause: Cause | None = None
        days_off = 0
        if delivered is not None:
            lead_business = open_days_between(carrier, promised.counts_from, delivered)
            lead_calendar = (delivered - order_day).days
            if delivered < promised.earliest_delivery:
                verdict: Verdict = "early"
                days_off = max(1, open_days_between(carrier, delivered, promised.earliest_delivery))
            elif delivered <= promised.latest_delivery:
                verdict = "on_time"
            else:
                verdict = "late"
                days_off = max(1, open_days_between(carrier, promised.latest_delivery, delivered))
        elif parcel.status in ("failed", "returned"):
            verdict = "not_delivered"
        elif promised.latest_delivery < self.today:
            verdict = "overdue"
        else:
            verdict = "pending"
        if verdict in ("late", "overdue"):
            if dispatch_late is None:
                passed = promised.latest_dispatch < (delivered or self.today)
                cause = "dispatch" if shipped is None and delivered is None and passed else "unknown"
            else:
                cause = "dispatch" if dispatch_late else "transit"
        return Judgement(
            verdict=verdict,
            days_off=days_off,
            dispatch_late=dispatch_late,
            dispatch_days_late=dispatch_days,
            cause=cause,
            lead_business_days=lead_business,
            lead_calendar_days=lead_calendar,
            order_day=order_day,
            promise=promised,
            terms=terms,
        )


def order_day_number(judgement: Judgement) -> int:
    return day_number(judgement.order_day)
