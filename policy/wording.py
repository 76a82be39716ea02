"""The phrases diagnostics are built from: how a path, a value and an expectation read to a merchant."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from pydantic_core import ErrorDetails

from shopterms.policy.diagnostics import Diagnostic, YamlPath

_EXPECTED_BY_TYPE = {
    "string_type": "text",
    "string_unicode": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "int_parsing_size": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "decimal_type": "a number",
    "decimal_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "set_type": "a list",
    "dict_type": "a mapping of keys and values",
    "model_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
    "dataclass_type": "a mapping of keys and values",
    "date_type": "a date such as 2026-12-24",
    "datetime_type": "a date and time",
    "time_type": 'a time of day such as "14:00"',
    "timedelta_type": "a duration such as '24 hours'",
}
_ALTERNATIVES = re.compile(r"^\^\(\?:(.*)\)\$$")
_WORD = re.compile(r"^[\w-]+$")


def dotted(path: YamlPath) -> str:
    return Diagnostic(code="", severity="info", message="", file="", path=tuple(path)).dotted_path


def where(path: YamlPath) -> str:
    """A container named for a message: `shipping.services[0]`, or `the top level`."""
    return dotted(path) if path else "the top level"


def subject(path: YamlPath) -> str:
    """The short name a message starts with: the last key and any list positions after it (`to[0]`)."""
    cut = max((index for index, part in enumerate(path) if isinstance(part, str)), default=-1)
    if cut < 0:
        return where(path)
    return dotted(path[cut:])


def key_name(path: YamlPath) -> str:
    return next((str(part) for part in reversed(path) if isinstance(part, str)), "value")


def is_plain_scalar(value: Any) -> bool:
    """A value YAML read as something other than text: a number, true/false or a date."""
    return isinstance(value, (bool, int, float, Decimal, dt.date, dt.time))


def shown(value: Any, token: str | None) -> str:
    """A value as the merchant wrote it: the source token where known, text in quotes."""
    if token is not None:
        return token if token[:1] in {"'", '"'} or not isinstance(value, str) else f"'{token}'"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if value is None:
        return "an empty value"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return str(value)


def shown_kind(value: Any, token: str | None) -> str:
    """What kind of value was written: `the text 'DE'`, `the number 5`, `a list`."""
    if isinstance(value, bool):
        return f"the true/false value {shown(value, token)}"
    if isinstance(value, (int, float, Decimal)):
        return f"the number {shown(value, token)}"
    if isinstance(value, str):
        return f"the text {shown(value, token)}"
    if isinstance(value, dt.datetime):
        return f"the date and time {shown(value, token)}"
    if isinstance(value, dt.date):
        return f"the date {shown(value, token)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a value of another kind"


def read_as(value: Any, written: str) -> str:
    """How YAML read an unquoted value: `the number 1067` (for 01067), `a date`, ..."""
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, (int, float, Decimal)):
        return "a number" if str(value) == written else f"the number {value}"
    if isinstance(value, dt.date):
        return "a date"
    return "a value of another kind"


def expected_kinds(types: Iterable[str]) -> str:
    words = list(dict.fromkeys(_EXPECTED_BY_TYPE.get(kind, "another kind of value") for kind in types))
    return " or ".join(words)


def did_you_mean(value: Any, options: Sequence[str]) -> str | None:
    if not isinstance(value, str) or not options:
        return None
    exact = [option for option in options if option.lower() == value.strip().lower()]
    close = exact or difflib.get_close_matches(value.strip().lower(), list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def listing(options: Sequence[str]) -> str | None:
    unique = list(dict.fromkeys(options))
    if not unique or len(unique) > 25:
        return None
    return f"Allowed: {', '.join(unique)}."


def pattern_choices(raw: ErrorDetails) -> list[str]:
    """The words a pattern such as `^(?:card|paypal|custom:.+)$` spells out, for did-you-mean."""
    pattern = str((raw.get("ctx") or {}).get("pattern", ""))
    match = _ALTERNATIVES.match(pattern)
    if not match:
        return []
    return [word for word in match.group(1).split("|") if _WORD.match(word)]


def join_hints(*parts: str | None) -> str | None:
    written = [part if part.endswith((".", "?", "!", ":")) else part + "." for part in parts if part]
    return " ".join(written) or None


def lower_first(text: str) -> str:
    # Keep acronyms (ISO, IANA) as they are; lower only an ordinary capitalised first word.
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def bad_format(raw: ErrorDetails, shown_value: str, subject_name: str) -> tuple[str, str | None]:
    kind = raw["type"]
    if kind.startswith("date"):
        return (
            f"{shown_value} is not a valid date for {subject_name}",
            "write dates as YYYY-MM-DD, e.g. 2026-12-24",
        )
    if kind.startswith("time_"):
        return (
            f"{shown_value} is not a valid time for {subject_name}",
            'write the time in quotes as HH:MM, e.g. "14:00"',
        )
    if kind.startswith("timedelta"):
        return (
            f"{shown_value} is not a valid duration for {subject_name}",
            "write e.g. '24 hours', '2 days' or '30 minutes'",
        )
    if kind.startswith("url"):
        return f"{shown_value} is not a valid web address", "write the full address, starting with https://"
    return f"{shown_value} is not a valid value for {subject_name}", None


def out_of_range(raw: ErrorDetails, shown_value: str, subject_name: str) -> str:
    ctx = raw.get("ctx") or {}
    kind = raw["type"]
    phrases = {
        "greater_than_equal": ("ge", "at least"),
        "greater_than": ("gt", "greater than"),
        "less_than_equal": ("le", "at most"),
        "less_than": ("lt", "less than"),
        "multiple_of": ("multiple_of", "a multiple of"),
    }
    if kind in phrases:
        key, phrase = phrases[kind]
        return f"{subject_name} must be {phrase} {_number(ctx.get(key))}, not {shown_value}"
    if kind == "decimal_max_places":
        return f"{subject_name} has more than {ctx.get('decimal_places')} decimal places"
    if kind in {"decimal_max_digits", "decimal_whole_digits"}:
        return f"{subject_name} has too many digits"
    if kind == "finite_number":
        return f"{subject_name} must be a finite number, not {shown_value}"
    return f"{subject_name} is out of range"


def wrong_length(raw: ErrorDetails, subject_name: str) -> str:
    ctx = raw.get("ctx") or {}
    kind = raw["type"]
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"{subject_name} needs at least {'one entry' if least == 1 else f'{least} entries'}"
    if kind == "too_long":
        most = ctx.get("max_length")
        return f"{subject_name} has {ctx.get('actual_length')} entries; at most {most} are allowed"
    if kind == "string_too_short":
        least = ctx.get("min_length", 1)
        return (
            f"{subject_name} must not be empty"
            if least == 1
            else f"{subject_name} needs at least {least} characters"
        )
    return f"{subject_name} is longer than {ctx.get('max_length')} characters"


def _number(value: Any) -> str:
    if isinstance(value, (float, Decimal)) and value == int(value):
        return str(int(value))
    return str(value)
