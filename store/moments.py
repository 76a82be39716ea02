"""Moments as the store keeps them: integer microseconds since the epoch, UTC."""

from __future__ import annotations

import datetime as dt

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MICROSECOND = dt.timedelta(microseconds=1)


def to_us(moment: dt.datetime) -> int:
    return (moment - EPOCH) // MICROSECOND


def from_us(value: int) -> dt.datetime:
    return EPOCH + dt.timedelta(microseconds=value)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
