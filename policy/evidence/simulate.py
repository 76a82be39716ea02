"""A realistic synthetic export for a policy: orders over a window, dispatched and delivered the way real
parcels are, in the canonical export format (the mapping `shopterms` reads it unchanged).

What makes it realistic, each in a named knob: more orders in the evenings and in the weeks before
Christmas; most parcels leave within the handling time, a few a day or two late, more in the peak
season; each carrier has its own share of late parcels (a carrier is slower in the peak); one week
("the late week", two weeks before the window ends) the warehouse falls behind; a few parcels are
never delivered; some are returned and refunded, most within the refund promise. Promises come from
the date engine, so a simulated parcel is late exactly when the judge will call it late.
"""

from __future__ import annotations

import datetime as dt
import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from shopterms.policy.calendar import BusinessCalendar
from shopterms.policy.estimate import Promise, promise
from shopterms.policy.evidence.fields import FIELDS
from shopterms.policy.model import Policy, Service
from shopterms.policy.region import Region, resolve_region, subdivision_codes

PEAK_MONTHS = (11, 12)
EVENING_WEIGHT = 3  # orders between 18:00 and 22:59 are this many times as likely as at other hours
DISPATCH_LATE_SHARE, DISPATCH_LATE_SHARE_PEAK, DISPATCH_LATE_SHARE_LATE_WEEK = 0.03, 0.08, 0.45
NOT_DELIVERED_SHARE, RETURNED_TO_SENDER_SHARE = 0.008, 0.004
RETURN_SHARE, REFUND_LATE_SHARE = 0.14, 0.06
SPLIT_ORDER_SHARE = 0.04


@dataclass(frozen=True)
class Destination:
    country: str
    region: Region
    subdivision: str | None


def _carrier_late_share(carrier: str) -> float:
    """Each carrier's own share of parcels delivered after the promise (stable per carrier id)."""
    return 0.03 + (zlib.crc32(carrier.encode()) % 9) / 100


class Simulator:
    """Rows of a synthetic export for `policy` with orders in the `days` up to `until`."""

    def __init__(self, policy: Policy, *, until: dt.date, days: int = 90, seed: int = 1) -> None:
        if policy.shipping is None:
            raise ValueError("the policy publishes no shipping terms: there is nothing to simulate")
        self.policy = policy
        self.shipping = policy.shipping
        self.until = until
        self.days = days
        self.random = random.Random(seed)
        self.zone = ZoneInfo(policy.shop.timezone)
        self.late_week = until - dt.timedelta(days=14 + until.weekday())
        self.services = [service for service in self.shipping.services if service.to]
        # The first services are the popular ones: weights 60, 25, 10, 5 … in the policy's order.
        self.service_weights = [max(1, 60 // (2**index)) for index in range(len(self.services))]
        self._promises: dict[tuple[object, ...], Promise] = {}
        self._regions: dict[tuple[str, str | None], tuple[Region, str | None]] = {}

    def rows(self, parcels: int) -> Iterator[dict[str, str]]:
        """`parcels` rows (about; split orders add a second parcel), oldest order first."""
        first = self.until - dt.timedelta(days=self.days - 1)
        day_weights = [self._day_weight(first + dt.timedelta(days=i)) for i in range(self.days)]
        total = sum(day_weights)
        order_number, made = 100_000, 0
        for index, weight in enumerate(day_weights):
            day = first + dt.timedelta(days=index)
            count = round(parcels * weight / total) if index < self.days - 1 else parcels - made
            for _ in range(max(0, count)):
                if made >= parcels:
                    return
                order_number += 1
                split = self.random.random() < SPLIT_ORDER_SHARE and made + 1 < parcels
                for number in ("1", "2") if split else ("1",):
                    made += 1
                    yield self._row(f"#{order_number}", number, day)

    def _day_weight(self, day: dt.date) -> float:
        weight = 1.0 + (0.25 if day.weekday() in (0, 6) else 0.0)
        if day.month in PEAK_MONTHS:
            weight *= 1.8 if day.month == 12 and day.day < 20 else 1.3
        return weight

    def _moment(self, day: dt.date) -> dt.datetime:
        hours = list(range(24))
        weights = [EVENING_WEIGHT if 18 <= hour <= 22 else 1 for hour in hours]
        hour = self.random.choices(hours, weights)[0]
        minute, second = self.random.randrange(60), self.random.randrange(60)
        naive = dt.datetime.combine(day, dt.time(hour, minute, second))
        return naive.replace(tzinfo=self.zone).astimezone(dt.UTC).astimezone(self.zone)

    def _destination(self, service: Service) -> Destination:
        areas = list(service.to)
        home = self.policy.shop.country
        area = self.random.choices(areas, [8 if item.country == home else 1 for item in areas])[0]
        country = area.country
        subdivisions = subdivision_codes(country)
        code = area.region or (self.random.choice(subdivisions) if subdivisions else None)
        known = self._regions.get((country, code))
        if known is None:
            known = self._regions[(country, code)] = resolve_region(country, code)
        return Destination(country, known[0], known[1])

    def _promise(self, service: Service, destination: Destination, ordered: dt.datetime) -> Promise:
        cutoff = service.cutoff or self.shipping.handling.cutoff
        key = (
            service.id,
            destination.region,
            ordered.date(),
            cutoff is not None and ordered.time() >= cutoff,
        )
        found = self._promises.get(key)
        if found is None:
            found = self._promises[key] = promise(self.policy, service, destination.region, ordered)
        return found

    def _row(self, order_id: str, parcel: str, day: dt.date) -> dict[str, str]:
        rnd = self.random
        service = rnd.choices(self.services, self.service_weights)[0]
        destination = self._destination(service)
        ordered = self._moment(day)
        promised = self._promise(service, destination, ordered)
        carrier = rnd.choice(service.carriers) if service.carriers else ""
        peak = day.month in PEAK_MONTHS
        handling_days = rnd.randint(
            0, _span(promised.warehouse, promised.counts_from, promised.latest_dispatch)
        )
        shipped = promised.warehouse.shift(promised.counts_from, handling_days)
        late_share = DISPATCH_LATE_SHARE_PEAK if peak else DISPATCH_LATE_SHARE
        if self.late_week <= day < self.late_week + dt.timedelta(days=7):
            late_share = DISPATCH_LATE_SHARE_LATE_WEEK
        if rnd.random() < late_share:
            shipped = promised.warehouse.shift(promised.latest_dispatch, rnd.choice((1, 1, 2)))
        transit = service.transit
        transit_days = rnd.randint(transit.min, transit.max) if transit.max is not None else transit.min
        carrier_late = _carrier_late_share(carrier or service.id) * (1.6 if peak else 1.0)
        if rnd.random() < carrier_late:
            transit_days = (transit.max or transit.min) + rnd.choice((1, 1, 1, 2, 3))
        delivered = promised.carrier.shift(shipped, transit_days)
        row = dict.fromkeys(FIELDS, "")
        row.update(
            order_id=order_id,
            parcel=parcel,
            ordered_at=ordered.isoformat(timespec="seconds"),
            service=service.id,
            country=destination.country,
            region=destination.subdivision or "",
            postal_code=f"{rnd.randrange(10, 99)}{rnd.randrange(0, 999):03d}",
            carrier=carrier,
        )
        today = self.until + dt.timedelta(days=1)
        if shipped < today:
            row["shipped_at"] = self._at(shipped, 15, 19)
        draw = rnd.random()
        if draw < NOT_DELIVERED_SHARE and shipped < today:
            row["status"] = "failed" if draw < NOT_DELIVERED_SHARE - RETURNED_TO_SENDER_SHARE else "returned"
        elif delivered < today:
            row["status"] = "delivered"
            row["delivered_at"] = self._at(delivered, 9, 18)
            if rnd.random() < RETURN_SHARE:
                self._return(row, delivered, today)
        else:
            row["status"] = "in_transit"
        return row

    def _return(self, row: dict[str, str], delivered: dt.date, today: dt.date) -> None:
        rnd = self.random
        requested = delivered + dt.timedelta(days=rnd.randint(1, 12))
        sent = requested + dt.timedelta(days=rnd.randint(0, 3))
        received = sent + dt.timedelta(days=rnd.randint(2, 5))
        refund = self.policy.returns.refund if self.policy.returns is not None else None
        promised = refund.days if refund is not None and refund.days is not None else 14
        anchor = {"arrival": received, "withdrawal": requested, "dispatch": sent}[
            refund.after if refund is not None else "arrival"
        ]
        lag = (
            rnd.randint(promised + 1, promised + 6)
            if rnd.random() < REFUND_LATE_SHARE
            else rnd.randint(0, promised)
        )
        refunded = max(anchor + dt.timedelta(days=lag), received - dt.timedelta(days=2))
        for field, day in (
            ("return_requested_at", requested),
            ("return_shipped_at", sent),
            ("return_received_at", received),
            ("refunded_at", refunded),
        ):
            if day < today:
                row[field] = day.isoformat()

    def _at(self, day: dt.date, first_hour: int, last_hour: int) -> str:
        hour, minute = self.random.randint(first_hour, last_hour), self.random.randrange(60)
        moment = dt.datetime.combine(day, dt.time(hour, minute)).replace(tzinfo=self.zone)
        return moment.isoformat(timespec="minutes")


def _span(calendar: BusinessCalendar, first: dt.date, last: dt.date) -> int:
    """Open days after `first` up to `last`: how many handling days the window allows beyond the first."""
    count, day = 0, first
    while day < last:
        day += dt.timedelta(days=1)
        count += calendar.is_open(day)
    return count
