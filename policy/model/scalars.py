"""Scalar types that take only the YAML kinds their documentation names.

Pydantic's lax mode reads `yes` and `1` as true, "14" as 14, 0 as 1970-01-01 and a number as a time of
day in UTC. A policy is written by hand: such a guess hides a slip instead of reporting it, and a value
of an unexpected kind reaches code that never expected it. Every field of the model therefore uses one
of these types (or a shorthand parser in `policy.shorthand` that is just as strict), and the published
JSON Schema says the same; docs/reliability.md lists each decision and the few places where the schema
cannot say what the loader checks.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from shopterms.policy.model import inputs
from shopterms.policy.shorthand import whole_number
from shopterms.policy.supported_dates import RANGE_TEXT, in_range


class RangeError(ValueError):
    """A value outside the range its field allows (reported as SCHEMA006, out-of-range)."""


# true or false, nothing else: `yes`, `1` and "true" in quotes are refused.
Flag = Annotated[bool, Field(strict=True)]


# Whole numbers of days (a number written with .0 counts); refused: 1.5, "14", true. The bounds sit
# inside the type, before the validator, where pydantic turns them into the schema's minimum and maximum.
DayCount = Annotated[int, Field(strict=True, ge=0, le=365), BeforeValidator(whole_number)]
LongDayCount = Annotated[int, Field(strict=True, ge=0, le=3650), BeforeValidator(whole_number)]
# Numbers with or without decimals; refused: "0.5", true, .nan, .inf.
Share = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=1)]
Years = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=10)]

_ISO_DATE = re.compile(r"^\s*([0-9]{4})-([0-9]{2})-([0-9]{2})\s*$", re.ASCII)


def calendar_date(value: Any) -> Any:
    """A day written YYYY-MM-DD (with or without quotes), within the supported range of dates."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_parsing", "a date and time, not a day")
    if isinstance(value, str):
        match = _ISO_DATE.match(value)
        try:
            if not match:
                raise ValueError
            value = dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            # Reported in our words as "... is not a valid date for <key>", with the YYYY-MM-DD hint.
            raise PydanticCustomError("date_parsing", "not a date written YYYY-MM-DD") from None
    if isinstance(value, dt.date) and not in_range(value):
        raise RangeError(f"{value.isoformat()} is outside the supported range of dates, {RANGE_TEXT}")
    return value


CalendarDate = Annotated[
    dt.date,
    BeforeValidator(calendar_date, json_schema_input_type=inputs.DateText),
    Field(strict=True),
]
