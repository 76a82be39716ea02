"""Moments in time given to the engine: they must carry their time zone."""

from __future__ import annotations

import datetime as dt

from shopterms.policy.errors import QueryError
from shopterms.policy.supported_dates import checked_moment


def aware(value: dt.datetime | str | None, field: str) -> dt.datetime:
    """The moment (or its ISO 8601 text), or now (UTC) when left out; naive ones are refused, not guessed,
    and so are moments outside the supported range of dates."""
    if value is None:
        return dt.datetime.now(dt.UTC)
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise QueryError(
                field, f"'{value}' is not an ISO 8601 date and time; write e.g. 2026-12-23T15:00:00+01:00"
            ) from None
    if not isinstance(value, dt.datetime):
        raise QueryError(field, f"expected a date and time with its UTC offset, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise QueryError(
            field,
            f"'{value.isoformat()}' has no time zone; give its UTC offset, e.g. 2026-12-23T15:00:00+01:00",
        )
    return checked_moment(value, field)


def local(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The same instant on the clocks of `zone`.

    Goes through UTC: `astimezone` returns a datetime already in `zone` unchanged, and that could be a
    wall time that never happened (inside a spring-forward gap), which the hours parser refuses.
    """
    return moment.astimezone(dt.UTC).astimezone(zone)
