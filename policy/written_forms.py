"""The spellings a merchant may write, as regular expressions shared by the parsers and the JSON Schema.

`policy.shorthand` accepts a text only when it matches one of these patterns, and `policy.model.inputs`
publishes the very same patterns in the editor schema, so an editor and `shopterms validate` give one
verdict on every written text (tests/policy/test_strict_scalars.py holds them to it).

The patterns are ECMA-262 expressions without flags (what JSON Schema uses): words read in any case
are spelled letter by letter ([Ff][Rr][Ee][Ee]), and digits are [0-9], because Python's \\d also
matches other scripts' digits, which an editor's \\d does not.
"""

from __future__ import annotations

import re
from itertools import pairwise

from shopterms.policy.supported_dates import YEAR_PATTERN


def _letters(word: str) -> str:
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in word)


def anycase(*words: str) -> str:
    """A group of alternative words that matches each in upper, lower or mixed case."""
    return f"(?:{'|'.join(_letters(word) for word in words)})"


def shortened(word: str, *stops: int) -> str:
    """`word` or its first `stop` letters, in any case: ("monday", 2, 3) matches mo, mon and monday."""
    cuts = [*stops, len(word)]
    pattern = ""
    for start, end in reversed(list(pairwise(cuts))):
        pattern = f"(?:{_letters(word[start:end])}{pattern})?"
    return _letters(word[: cuts[0]]) + pattern


def whole(pattern: str) -> str:
    # The parsers strip surrounding blanks before reading a value; so does the pattern.
    return rf"^\s*(?:{pattern})\s*$"


def integer_up_to(most: int) -> str:
    """A whole number from 0 to `most` (leading zeros allowed): the bound is part of the spelling."""
    digits = str(most)
    options = [f"[0-9]{{1,{len(digits) - 1}}}"] if len(digits) > 1 else []
    for position, digit in enumerate(digits):
        if digit != "0":
            rest = len(digits) - position - 1
            lower = "0" if digit == "1" else f"[0-{int(digit) - 1}]"
            options.append(digits[:position] + lower + (f"[0-9]{{{rest}}}" if rest else ""))
    options.append(digits)
    return f"0*(?:{'|'.join(options)})"


def fits(pattern: str, text: str) -> bool:
    """Whether `text` is written the way `pattern` spells it (as a JSON Schema validator checks it)."""
    return re.search(pattern, text) is not None


# Amounts have at most ten whole digits and two decimals (trailing zeros aside), as the model keeps them.
AMOUNT_NUMBER = r"0*[0-9]{1,10}(?:[.,][0-9]{0,2}0*)?|[.,][0-9]{1,2}0*"
AMOUNT = whole(rf"{anycase('free')}|{AMOUNT_NUMBER}")
FEE = whole(rf"{anycase('free', 'customer_pays')}|{AMOUNT_NUMBER}")
PERCENT_NUMBER = r"0*(?:100(?:[.,]0*)?|[0-9]{1,2}(?:[.,][0-9]+)?)"
PERCENT = whole(rf"{PERCENT_NUMBER}\s*%")
# A measured value (weight, order value, item count) in a range such as 0,5-2 or 10+.
MEASURE = r"0*[0-9]{1,10}(?:[.,][0-9]*)?|[.,][0-9]+"
RANGE = whole(rf"(?:{MEASURE})\s*(?:\+|-\s*(?:{MEASURE}))")

CLOCK = whole(r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?")

# Durations count at most 9999 of a unit, so no spelling can overflow a time span.
_DURATION_NUMBER = r"[0-9]{1,4}(?:\.[0-9]+)?"
_DURATION_UNIT = "|".join(
    [
        shortened("minute", 3) + "[Ss]?",
        shortened("hours", 1, 4),
        shortened("days", 1, 3),
        shortened("weeks", 4),
    ]
)
_ISO_PART = r"[0-9]{1,4}(?:[.,][0-9]+)?"
# ISO 8601: each unit at most once and in order; a T needs a time part after it.
ISO_DURATION = (
    rf"^P(?!$)(?:{_ISO_PART}Y)?(?:{_ISO_PART}M)?(?:{_ISO_PART}W)?(?:{_ISO_PART}D)?"
    rf"(?:T(?=[0-9])(?:{_ISO_PART}H)?(?:{_ISO_PART}M)?(?:{_ISO_PART}S)?)?$"
)
DURATION = rf"^\s*{_DURATION_NUMBER}\s*(?:{_DURATION_UNIT})\s*$|{ISO_DURATION}"

_DASH = rf"\s*(?:-|–|—|\.\.|{anycase('to', 'bis')})\s*"
DAY_COUNT_MOST = 365
_DAY_COUNT = integer_up_to(DAY_COUNT_MOST)
DAY_RANGE = whole(
    rf"{_DAY_COUNT}(?:{_DASH}{_DAY_COUNT})?"
    rf"(?:\s*(?:{anycase('business', 'working')}\s+)?{shortened('days', 3)})?"
)

ISO_DATE = rf"{YEAR_PATTERN}-[0-9]{{2}}-[0-9]{{2}}"
DATE = whole(ISO_DATE)
DATE_RANGE = whole(rf"{ISO_DATE}(?:\s*\.\.\s*{ISO_DATE})?")

_WEEKDAY = "(?:{})\\.?".format(
    "|".join(
        [
            *(shortened(name, 2, 3) for name in ("monday", "tuesday", "wednesday", "thursday", "friday")),
            *(shortened(name, 2, 3) for name in ("saturday", "sunday")),
            anycase("di", "mi", "do", "so"),  # German: Di, Mi, Do, So (Mo, Fr, Sa match above)
        ]
    )
)
_WEEKDAY_SPAN = rf"{_WEEKDAY}(?:\s*(?:-|–|\.\.)\s*{_WEEKDAY})?"
WEEKDAY = whole(_WEEKDAY)
WEEKDAYS = whole(rf"{_WEEKDAY_SPAN}(?:\s*,\s*{_WEEKDAY_SPAN})*")


def days_after(anchors: tuple[str, ...], most: int, *words: str) -> str:
    """'14 days after delivery' (at most `most` days) counted from one of `anchors`, or one of `words`."""
    period = rf"{integer_up_to(most)}\s*(?:{anycase('calendar')}\s+)?{shortened('days', 3)}" + (
        rf"(?:\s+{anycase('after', 'from')}\s+(?:{anycase('the')}\s+)?{anycase(*anchors)})?"
    )
    return whole(f"{period}|{anycase(*words)}" if words else period)
