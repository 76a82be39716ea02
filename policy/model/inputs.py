"""What a merchant may write, as types for the published JSON Schema.

The model reads values through the parsers in `policy.shorthand`; the types here only describe the
spellings those parsers accept, and reach the schema through `json_schema_input_type`. An editor can
then flag a wrong shorthand while it is typed, with the message in `patternErrorMessage` (read by
yaml-language-server) instead of the raw pattern. The patterns themselves live in
`policy.written_forms`, where the parsers read them too, so schema and model give one verdict on every
written text (tests/policy/test_schema_file.py and tests/policy/test_strict_scalars.py hold them to it).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from shopterms.policy import written_forms as forms


def spelled(pattern: str, message: str) -> Any:
    """The pattern a string must match, and the message an editor shows when it does not."""
    return Field(pattern=pattern, json_schema_extra={"patternErrorMessage": message})


# Numbers a merchant writes are far below this; above it an amount or a measure is a slip (or 1e300).
NUMBER_LIMIT = 10**10

CountryText = Annotated[
    str, spelled(r"^[A-Za-z]{2}$", "Write a two-letter ISO 3166-1 country code, e.g. DE.")
]
SubdivisionText = Annotated[
    str, spelled(r"^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$", "Write an ISO 3166-2 subdivision code, e.g. DE-BY.")
]
CurrencyText = Annotated[
    str, spelled(r"^[A-Za-z]{3}$", "Write a three-letter ISO 4217 currency code, e.g. EUR.")
]
DestinationText = Annotated[
    str,
    spelled(
        forms.whole(r"[A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?"), "Write a country (DE) or a subdivision (DE-BY)."
    ),
]

AmountNumber = Annotated[float, Field(ge=0, lt=NUMBER_LIMIT)]
AmountText = Annotated[str, spelled(forms.AMOUNT, "Write an amount such as 4.95, or free.")]
PercentNumber = Annotated[float, Field(ge=0, le=100)]
PercentText = Annotated[str, spelled(forms.PERCENT, "Write a percentage from 0% to 100%, such as 10%.")]
FeeText = Annotated[str, spelled(forms.FEE, "Write free, customer_pays or an amount such as 4.95.")]

ClockText = Annotated[
    str,
    spelled(
        forms.CLOCK,
        'Write the time as HH:MM in 24-hour form, e.g. "14:00".',
    ),
]
DurationText = Annotated[
    str,
    spelled(
        forms.DURATION,
        "Write a duration such as '24 hours', '2 days' or '30 minutes'.",
    ),
]

DayCount = Annotated[int, Field(ge=0, le=forms.DAY_COUNT_MOST)]
DayRangeText = Annotated[
    str,
    spelled(forms.DAY_RANGE, "Write a number of days from 0 to 365 such as 2, or a range such as 1-3."),
]
DateText = Annotated[
    str, spelled(forms.DATE, "Write a date as YYYY-MM-DD, between 1970-01-01 and 2199-12-31.")
]
DateRangeText = Annotated[
    str,
    spelled(
        forms.DATE_RANGE,
        "Write an ISO date (2026-12-24) or an inclusive range START..END (2026-12-24..2027-01-01), "
        "between 1970-01-01 and 2199-12-31.",
    ),
]
WeekdayText = Annotated[str, spelled(forms.WEEKDAY, "Write a weekday: Mon, Tue, Wed, Thu, Fri, Sat or Sun.")]
WeekdaysText = Annotated[str, spelled(forms.WEEKDAYS, "Write weekdays such as Mon-Fri or Mon, Wed, Fri.")]

RangeNumber = Annotated[float, Field(ge=0, lt=NUMBER_LIMIT)]
RangeText = Annotated[str, spelled(forms.RANGE, "Write a range such as 0-2, or 10+ for 10 and more.")]


def days_after(anchors: tuple[str, ...], *words: str, most: int) -> Any:
    """Spelling of '14 days after delivery' (at most `most` days) counted from one of `anchors`, or one of
    the fixed `words`."""
    quoted = [f"'{word}'" for word in words]
    alternatives = f"{', '.join(quoted[:-1])} or {quoted[-1]}" if len(quoted) > 1 else "".join(quoted)
    message = f"Write a period of at most {most} days such as '14 days after {anchors[0]}'" + (
        f"; or {alternatives}." if words else "."
    )
    return spelled(forms.days_after(anchors, most, *words), message)
