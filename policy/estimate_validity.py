"""How long a delivery estimate for an order placed "now" stays the same answer.

The date engine reads an order moment only through two things: the order's day on the warehouse's
clock, and whether the order came before a service's cutoff that day (policy.estimate). Everything
after that is counted in whole days: warehouse business days from the day handling counts from, then
the destination's delivery days from the dispatch day. So an estimate for a moment `t` holds, apart
from the moment it echoes, until the warehouse clock next reaches a cutoff of that day or midnight,
whichever comes first. The buyer's clock plays no part: transit is counted from the dispatch day,
never from the order moment.

A server keeps the answer for "now" until that instant, and works it out again only then.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from shopterms.policy.model import Policy

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# Clocks change on a quarter hour in every zone of the tz database.
QUARTER_HOUR = dt.timedelta(minutes=15)


def _instant(day: dt.date, time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """A wall-clock time of `zone` as an instant in UTC; a time skipped by a DST switch maps past the gap,
    as the engine maps it."""
    return dt.datetime.combine(day, time, tzinfo=zone).astimezone(dt.UTC)


def estimate_valid_until(policy: Policy, moment: dt.datetime) -> dt.datetime:
    """The first instant after `moment` at which an estimate for an order placed then may differ from one
    for an order placed at `moment` (UTC): the next cutoff of any service that day, else midnight."""
    zone = ZoneInfo(policy.shop.timezone)
    ordered = moment.astimezone(dt.UTC).astimezone(zone)
    day = ordered.date()
    candidates = [_instant(day + dt.timedelta(days=1), dt.time(), zone)]
    shipping = policy.shipping
    if shipping is not None:
        cutoffs = {service.cutoff or shipping.handling.cutoff for service in shipping.services}
        for cutoff in cutoffs:
            if cutoff is None:
                continue
            candidates.append(_instant(day, cutoff, zone))
    until = min(candidate for candidate in candidates if candidate > moment)
    if until.astimezone(zone).utcoffset() != ordered.utcoffset():
        # The clocks change before then: a wall time may come round again (a cutoff repeated when they
        # go back), so the answer holds only to the next quarter hour, when it is asked again.
        step = QUARTER_HOUR - (moment - EPOCH) % QUARTER_HOUR
        until = min(until, moment + step)
    return until
