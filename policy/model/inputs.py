"""What a merchant may write, as types for the published JSON Schema.

The model reads values through the parsers in `policy.shorthand`; the types here only describe the
spellings those parsers accept, and reach the schema through `json_schema_input_type`. An editor can
then flag a wrong shorthand while it is typed, with the message in `patternErrorMessage` (read by
yaml-language-server) instead of the raw pattern. Each pattern mirrors one parser, and
tests/policy/test_schema_file.py holds schema and model to the same verdict on every documented form.

JSON Schema patterns are ECMA-262 expressions without flags, so words the parsers read in any case are
spelled out letter by letter ([Ff][Rr][Ee][Ee]).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Annotated, Any

from pydantic import Field


def _letters(word: str) -> str:
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in word)


def anycase(*words: str) -> str:
    """A group of alternative words that matches each in upper, lower or mixed case."""
    return f"(?:{'|'.join(_letters(word) for word in words)})"


def _shortened(word: str, *stops: int) -> str:
    """`word` or its first `stop` letters, in any case: ("monday", 2, 3) matches mo, mon and monday."""
    cuts = [*stops, len(word)]
    pattern = ""
    for start, end in reversed(list(pairwise(cuts))):
        pattern = f"(?:{_letters(word[start:end])}{pattern})?"
    return _letters(word[: cuts[0]]) + pattern


def whole(pattern: str) -> str:
    # The parsers strip surrounding blanks before reading a value; so does the pattern.
    return rf"^\s*(?:{pattern})\s*$"


def spelled(pattern: str, message: str) -> Any:
    """The pattern a string must match, and the message an editor shows when it does not."""
    return Field(pattern=pattern, json_schema_extra={"patternErrorMessage": message})


_NUMBER = r"\d+(?:[.,]\d*)?|[.,]\d+"
_DASH = rf"\s*(?:-|–|—|\.\.|{anycase('to', 'bis')})\s*"
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_WEEKDAY = "(?:{})\\.?".format(
    "|".join(
        [
            *(_shortened(name, 2, 3) for name in ("monday", "tuesday", "wednesday", "thursday", "friday")),
            *(_shortened(name, 2, 3) for name in ("saturday", "sunday")),
            anycase("di", "mi", "do", "so"),  # German: Di, Mi, Do, So (Mo, Fr, Sa match above)
        ]
    )
)
_WEEKDAY_SPAN = rf"{_WEEKDAY}(?:\s*(?:-|–|\.\.)\s*{_WEEKDAY})?"
_ISO_DURATION = r"P(?!$)(?:\d+(?:[.,]\d+)?[YMWD])*(?:T(?:\d+(?:[.,]\d+)?[HMS])+)?"
_DURATION_UNIT = "|".join(
    [
        _shortened("minute", 3) + "[Ss]?",
        _shortened("hours", 1, 4),
        _shortened("days", 1, 3),
        _shortened("weeks", 4),
    ]
)

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
    spelled(whole(r"[A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?"), "Write a country (DE) or a subdivision (DE-BY)."),
]

AmountNumber = Annotated[float, Field(ge=0)]
AmountText = Annotated[
    str, spelled(whole(rf"{anycase('free')}|{_NUMBER}"), "Write an amount such as 4.95, or free.")
]
PercentNumber = Annotated[float, Field(ge=0, le=100)]
PercentText = Annotated[str, spelled(whole(r"\d+(?:[.,]\d+)?\s*%"), "Write a percentage such as 10%.")]
FeeText = Annotated[
    str,
    spelled(
        whole(rf"{anycase('free', 'customer_pays')}|{_NUMBER}"),
        "Write free, customer_pays or an amount such as 4.95.",
    ),
]

ClockText = Annotated[
    str,
    spelled(
        whole(r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"),
        'Write the time as HH:MM in 24-hour form, e.g. "14:00".',
    ),
]
DurationText = Annotated[
    str,
    spelled(
        rf"^\s*\d+(?:\.\d+)?\s*(?:{_DURATION_UNIT})\s*$|^{_ISO_DURATION}$",
        "Write a duration such as '24 hours', '2 days' or '30 minutes'.",
    ),
]

DayCount = Annotated[int, Field(ge=0, le=365)]
DayRangeText = Annotated[
    str,
    spelled(
        whole(rf"\d+(?:{_DASH}\d+)?(?:\s*(?:{anycase('business', 'working')}\s+)?{_shortened('days', 3)})?"),
        "Write a number of days such as 2 or a range such as 1-3.",
    ),
]
DateRangeText = Annotated[
    str,
    spelled(
        whole(rf"{_ISO_DATE}(?:\s*\.\.\s*{_ISO_DATE})?"),
        "Write an ISO date (2026-12-24) or an inclusive range START..END (2026-12-24..2027-01-01).",
    ),
]
WeekdayText = Annotated[
    str, spelled(whole(_WEEKDAY), "Write a weekday: Mon, Tue, Wed, Thu, Fri, Sat or Sun.")
]
WeekdaysText = Annotated[
    str,
    spelled(
        whole(rf"{_WEEKDAY_SPAN}(?:\s*,\s*{_WEEKDAY_SPAN})*"),
        "Write weekdays such as Mon-Fri or Mon, Wed, Fri.",
    ),
]

RangeNumber = Annotated[float, Field(ge=0)]
RangeText = Annotated[
    str,
    spelled(
        whole(rf"(?:{_NUMBER})\s*(?:\+|-\s*(?:{_NUMBER}))"),
        "Write a range such as 0-2, or 10+ for 10 and more.",
    ),
]


def days_after(anchors: tuple[str, ...], *words: str) -> Any:
    """Spelling of '14 days after delivery' counted from one of `anchors`, or one of the fixed `words`."""
    period = rf"\d+\s*(?:{anycase('calendar')}\s+)?{_shortened('days', 3)}" + (
        rf"(?:\s+{anycase('after', 'from')}\s+(?:{anycase('the')}\s+)?{anycase(*anchors)})?"
    )
    quoted = [f"'{word}'" for word in words]
    alternatives = f"{', '.join(quoted[:-1])} or {quoted[-1]}" if len(quoted) > 1 else "".join(quoted)
    message = f"Write a period such as '14 days after {anchors[0]}'" + (
        f"; or {alternatives}." if words else "."
    )
    return spelled(whole(f"{period}|{anycase(*words)}" if words else period), message)
