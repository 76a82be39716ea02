"""A shipment record as the store keeps it: hashed keys, a moment for the order, days for the rest.

The order moment keeps its instant (microseconds since the epoch, UTC), because the cutoff decides on
the time of day in the shop's zone. Every later event is kept as the calendar day it was written
with (a date, or the date of a moment in its own UTC offset): judging counts days, and a day as the
carrier or the shop wrote it is the day the buyer lived.
"""

from __future__ import annotations

import datetime as dt
from typing import Final, NamedTuple

EPOCH: Final = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
EPOCH_ORDINAL: Final = dt.date(1970, 1, 1).toordinal()
_MICROSECOND: Final = dt.timedelta(microseconds=1)


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01."""
    return day.toordinal() - EPOCH_ORDINAL


def day_of(number: int) -> dt.date:
    return dt.date.fromordinal(number + EPOCH_ORDINAL)


def moment_us(moment: dt.datetime) -> int:
    """Microseconds since the epoch, UTC."""
    return (moment - EPOCH) // _MICROSECOND


def moment_of(value: int) -> dt.datetime:
    return EPOCH + dt.timedelta(microseconds=value)


# Records are named tuples: an ingest makes millions of them and writes each as the tuple it already is.
class ParcelRecord(NamedTuple):
    """One parcel of one order: where it went, by which service, and when it moved."""

    parcel_key: str
    order_key: str
    ordered_us: int | None = None
    service: str | None = None
    country: str | None = None
    region: str | None = None
    postal_prefix: str | None = None
    carrier: str | None = None
    status: str | None = None
    shipped_day: int | None = None
    delivered_day: int | None = None


class ReturnRecord(NamedTuple):
    """The return of a parcel: when it was asked for, sent back, received, and refunded."""

    parcel_key: str
    order_key: str
    requested_day: int | None = None
    sent_day: int | None = None
    received_day: int | None = None
    refunded_day: int | None = None


PARCEL_VALUES: Final = (
    "ordered_us",
    "service",
    "country",
    "region",
    "postal_prefix",
    "carrier",
    "status",
    "shipped_day",
    "delivered_day",
)
RETURN_VALUES: Final = ("requested_day", "sent_day", "received_day", "refunded_day")
