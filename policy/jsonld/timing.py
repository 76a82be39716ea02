"""Handling and transit as ServicePeriod nodes, and the cutoff time with a UTC offset.

schema.org's cutoffTime is an ISO time with a fixed UTC offset, but a shop's cutoff is a local
time in a zone that may observe daylight saving time, so one offset is right for only part of
the year. We publish the zone's largest offset of the year (summer time in Europe): read with it,
the cutoff is never later than the real one, so a buyer is never promised a dispatch the warehouse
cannot make; in winter it reads one hour early. The exact local time and the IANA zone travel
alongside in our own terms (shopterms:localCutoffTime, shopterms:timeZone) for readers that can
use them. The offset is taken from a fixed reference year so that the same policy always compiles
to the same bytes; it changes only when the time-zone database changes the zone's rules.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from shopterms.policy.jsonld.values import day_span, weekdays
from shopterms.policy.jsonld.vocabulary import JsonObject, ours
from shopterms.policy.model import Policy, Service
from shopterms.policy.model.common import DayRange

REFERENCE_YEAR = 2026


def largest_offset(timezone: str) -> dt.timedelta:
    """The largest UTC offset the zone uses in the reference year (sampled mid-month)."""
    zone = ZoneInfo(timezone)
    offsets = [dt.datetime(REFERENCE_YEAR, month, 15, 12, tzinfo=zone).utcoffset() for month in range(1, 13)]
    return max(offset for offset in offsets if offset is not None)


def format_offset(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def cutoff_time(local: dt.time, timezone: str) -> str:
    """`14:00` in Europe/Berlin → `14:00:00+02:00` (see the module notes for the choice of offset)."""
    return local.strftime("%H:%M:%S") + format_offset(largest_offset(timezone))


def handling_days(policy: Policy, service: Service) -> DayRange:
    assert policy.shipping is not None
    return service.handling or policy.shipping.handling.days


def handling_cutoff(policy: Policy, service: Service) -> dt.time | None:
    assert policy.shipping is not None
    return service.cutoff or policy.shipping.handling.cutoff


def handling_period(policy: Policy, service: Service) -> JsonObject:
    assert policy.shipping is not None
    handling = policy.shipping.handling
    node: JsonObject = {
        "@type": "ServicePeriod",
        "duration": day_span(handling_days(policy, service)),
        "businessDays": weekdays(handling.business_days),
    }
    cutoff = handling_cutoff(policy, service)
    if cutoff is not None:
        node["cutoffTime"] = cutoff_time(cutoff, policy.shop.timezone)
        node[ours("localCutoffTime")] = cutoff.strftime("%H:%M:%S")
        node[ours("timeZone")] = policy.shop.timezone
    if handling.holidays:
        node[ours("holidayCalendar")] = handling.holidays
    return node


def transit_period(service: Service) -> JsonObject:
    """Transit counts the carrier's delivery days, not the warehouse's."""
    return {
        "@type": "ServicePeriod",
        "duration": day_span(service.transit),
        "businessDays": weekdays(service.delivery_days),
    }
