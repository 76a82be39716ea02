"""Delivery estimates: handling in warehouse business days, transit in the destination's delivery days.

An order counts from its own day when that is a warehouse business day and the order came before the
cutoff (local time of the warehouse); otherwise from the next business day. Handling 0 means dispatch on
that day. Transit n means the n-th delivery day after dispatch in the destination's calendar, whose
public holidays are those of the subdivision where one is given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from shopterms.policy.calendar import (
    WEEKDAY_NAMES,
    BusinessCalendar,
    NoOpenDayError,
    business_calendar,
    weekday_numbers,
)
from shopterms.policy.carriers import carrier_name
from shopterms.policy.coverage import Place, resolve_destination, serving
from shopterms.policy.errors import QueryError
from shopterms.policy.model import Policy, Service, Shipping
from shopterms.policy.moment import aware, local
from shopterms.policy.pricing import price_note, quote
from shopterms.policy.queries import (
    Carrier,
    DaySpan,
    DeliveryEstimate,
    DestinationCalendar,
    DestinationQuery,
    HolidayHit,
    Period,
    WarehouseCalendar,
)
from shopterms.policy.region import Region, resolve_calendar, subdivision_codes


def estimate_delivery(
    policy: Policy,
    destination: DestinationQuery | str,
    service: str | None = None,
    ordered_at: dt.datetime | str | None = None,
) -> list[DeliveryEstimate]:
    """Estimates for every service reaching the destination (or only the named one), fastest first.

    Raises QueryError for a naive or malformed `ordered_at`, an unknown country, subdivision or service,
    and a destination no (or not the named) service reaches.
    """
    if policy.shipping is None:
        raise QueryError("shipping", "this shop publishes no shipping terms, so there is nothing to estimate")
    moment = aware(ordered_at, "ordered_at")
    place = resolve_destination(destination)
    found = serving(policy.shipping, place, service)
    zone = ZoneInfo(policy.shop.timezone)
    ordered = local(moment, zone)
    estimates = [_estimate(policy, policy.shipping, chosen, notes, place, ordered) for chosen, notes in found]
    return sorted(estimates, key=lambda estimate: (estimate.latest_delivery, estimate.earliest_delivery))


@dataclass(frozen=True)
class Promise:
    """What the terms promise for one order: when it counts from, and the dispatch and delivery windows.

    The calendars it was counted in come with it, so a caller measuring real parcels against the promise
    (see policy.evidence) counts business days exactly as the promise did.
    """

    service: Service
    cutoff: dt.time | None
    cutoff_met: bool
    counts_from: dt.date
    earliest_dispatch: dt.date
    latest_dispatch: dt.date
    earliest_delivery: dt.date
    latest_delivery: dt.date
    warehouse: BusinessCalendar
    carrier: BusinessCalendar


def service_cutoff(shipping: Shipping, service: Service) -> dt.time | None:
    """The cutoff that decides whether an order's own day counts: the service's, else the warehouse's."""
    return service.cutoff or shipping.handling.cutoff


def promise(policy: Policy, service: Service, region: Region, ordered: dt.datetime) -> Promise:
    """The promise of `service` for an order placed at `ordered` (local time of the shop) to a place
    whose holidays are those of `region`.

    Raises QueryError when the service's calendars have no open day in reach.
    """
    shipping = policy.shipping
    assert shipping is not None
    handling_setup = shipping.handling
    holidays_spec = handling_setup.holidays or policy.shop.country
    warehouse_region = resolve_calendar(holidays_spec, policy.shop.country, "shipping.handling.holidays")
    closures = tuple((span.start, span.end) for span in shipping.closed)
    warehouse = business_calendar(warehouse_region, weekday_numbers(handling_setup.business_days), closures)
    carrier = business_calendar(region, weekday_numbers(service.delivery_days))
    cutoff = service_cutoff(shipping, service)
    handling = service.handling or handling_setup.days
    transit = service.transit
    day = ordered.date()
    try:
        met = warehouse.is_open(day) and (cutoff is None or ordered.time() < cutoff)
        start = day if met else warehouse.shift(day, 1)
        first_dispatch = warehouse.shift(start, handling.min)
        last_dispatch = warehouse.shift(start, handling.max)
    except NoOpenDayError:
        raise _no_dispatch(shipping, service, day) from None
    try:
        first_delivery = carrier.shift(first_dispatch, transit.min)
        last_delivery = carrier.shift(last_dispatch, transit.max)
    except NoOpenDayError:
        raise QueryError(
            "delivery_days",
            f"service {service.id} has no delivery day in {region.code} after "
            f"{first_dispatch.isoformat()}, so no delivery date can be given",
        ) from None
    return Promise(
        service=service,
        cutoff=cutoff,
        cutoff_met=met,
        counts_from=start,
        earliest_dispatch=first_dispatch,
        latest_dispatch=last_dispatch,
        earliest_delivery=first_delivery,
        latest_delivery=last_delivery,
        warehouse=warehouse,
        carrier=carrier,
    )


def _estimate(
    policy: Policy, shipping: Shipping, service: Service, notes: list[str], place: Place, ordered: dt.datetime
) -> DeliveryEstimate:
    promised = promise(policy, service, place.region, ordered)
    handling_setup = shipping.handling
    handling = service.handling or handling_setup.days
    transit = service.transit
    cutoff, start, day = promised.cutoff, promised.counts_from, ordered.date()
    warehouse, carrier = promised.warehouse, promised.carrier
    first_dispatch, last_dispatch = promised.earliest_dispatch, promised.latest_dispatch
    note = price_note(service, place.country)
    return DeliveryEstimate(
        service=service.id,
        service_name=service.name or service.id,
        service_type=service.type,
        carriers=[Carrier(id=ref, name=carrier_name(ref)) for ref in service.carriers],
        ordered_at=ordered,
        cutoff=cutoff,
        cutoff_met=promised.cutoff_met,
        next_cutoff=None if cutoff is None else _moment(start, cutoff, ordered),
        counts_from=start,
        handling_days=DaySpan(min=handling.min, max=handling.max),
        transit_days=DaySpan(min=transit.min, max=transit.max),
        earliest_dispatch=first_dispatch,
        latest_dispatch=last_dispatch,
        earliest_delivery=promised.earliest_delivery,
        latest_delivery=promised.latest_delivery,
        rate=quote(service, place.country, policy.shop.currency),
        warehouse=WarehouseCalendar(
            time_zone=policy.shop.timezone,
            holidays=handling_setup.holidays or policy.shop.country,
            business_days=list(handling_setup.business_days),
            holidays_hit=_hits(warehouse, day, last_dispatch),
            closures_hit=[
                Period(start=first, end=last)
                for first, last in warehouse.closures_between(day, last_dispatch)
            ],
        ),
        destination=DestinationCalendar(
            country=place.country,
            region=place.subdivision,
            postal_code=place.postal_code,
            holidays=place.region.code,
            delivery_days=[name for name in WEEKDAY_NAMES if name in service.delivery_days],
            holidays_hit=_hits(carrier, first_dispatch, promised.latest_delivery),
        ),
        notes=[*notes, *_calendar_notes(place), *([note] if note else [])],
    )


def _no_dispatch(shipping: Shipping, service: Service, day: dt.date) -> QueryError:
    """Why no dispatch day follows `day`, naming the closures or the empty week that cause it."""
    covering = [
        f"{span.start}..{span.end} (shipping.closed[{index}])"
        for index, span in enumerate(shipping.closed)
        if span.end >= day
    ]
    if covering:
        return QueryError(
            "shipping.closed",
            f"no dispatch date can be given for service {service.id}: the warehouse closure "
            f"{' and '.join(covering)} leaves no business day after {day.isoformat()}",
        )
    return QueryError(
        "shipping.handling.business_days",
        f"no dispatch date can be given for service {service.id}: the warehouse has no business day "
        f"after {day.isoformat()}",
    )


def _moment(day: dt.date, time: dt.time, like: dt.datetime) -> dt.datetime:
    """A local wall-clock time as a real instant (a time skipped by a DST switch maps past the gap)."""
    zone = like.tzinfo
    return dt.datetime.combine(day, time, tzinfo=zone).astimezone(dt.UTC).astimezone(zone)


def _hits(calendar: BusinessCalendar, first: dt.date, last: dt.date) -> list[HolidayHit]:
    return [HolidayHit(date=day, name=name) for day, name in calendar.holidays_between(first, last)]


def _calendar_notes(place: Place) -> list[str]:
    if place.subdivision and place.region.subdivision is None:
        return [f"No regional holidays are known for {place.subdivision}; those of {place.country} count."]
    if place.subdivision is None and subdivision_codes(place.country):
        return [
            f"Only national public holidays of {place.country} were counted; regional ones can add days. "
            f"Give the region (e.g. {subdivision_codes(place.country)[0]}) to count them too."
        ]
    return []
