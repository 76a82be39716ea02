"""Whether a literal is written the way a schema.org datatype expects (Text, URL, Number, Integer, Boolean,
Date, DateTime, Time, Duration, and the Quantity types).

JSON gives numbers and booleans their own literal kinds; strings are judged by their lexical form, because
"4.95" is an acceptable Number in schema.org markup while "1.5" is not an Integer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from shopterms.validators.vocabulary import SCHEMA, XSD

if TYPE_CHECKING:
    from rdflib import Literal

_NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}
_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_INTEGER_RE = re.compile(r"^[+-]?\d+$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_TIME_RE = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_DURATION_RE = re.compile(r"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
_URL_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*:|/|#|\?)\S*$")


def _kind(literal: Literal) -> str:
    datatype = str(literal.datatype) if literal.datatype is not None else ""
    if datatype == XSD + "boolean":
        return "boolean"
    if datatype in _NUMERIC:
        return "number"
    return "text"


def _valid(parse: Callable[[str], object], text: str) -> bool:
    try:
        parse(text)
    except ValueError:
        return False
    return True


def _is_integral(literal: Literal) -> bool:
    value = literal.toPython()
    return isinstance(value, int) or (isinstance(value, float | int) and float(value).is_integer())


def _number_text(text: str) -> bool:
    return bool(_NUMBER_RE.match(text.strip()))


_TEXT_CHECKS: dict[str, Callable[[str], bool]] = {
    "Text": lambda t: True,
    "URL": lambda t: bool(_URL_RE.match(t)),
    "Number": _number_text,
    "Float": _number_text,
    "Integer": lambda t: bool(_INTEGER_RE.match(t.strip())),
    "Boolean": lambda t: t in {"true", "false", "True", "False"},
    "Date": lambda t: bool(_DATE_RE.match(t)) and _valid(dt.date.fromisoformat, t),
    "DateTime": lambda t: bool(_DATETIME_RE.match(t)) and _valid(dt.datetime.fromisoformat, t),
    "Time": lambda t: bool(_TIME_RE.match(t)) and _valid(dt.time.fromisoformat, t),
    "Duration": lambda t: bool(_DURATION_RE.match(t)),
    # Distance, Energy, Mass are written as a number and a unit ("2 kg"); Quantity is their parent.
    "Quantity": lambda t: bool(t.strip()),
    "Distance": lambda t: bool(t.strip()),
    "Energy": lambda t: bool(t.strip()),
    "Mass": lambda t: bool(t.strip()),
}
# Subclasses of Text that only constrain how the text is meant to be read.
for _name in ("CssSelectorType", "PronounceableText", "XPathType"):
    _TEXT_CHECKS[_name] = _TEXT_CHECKS["Text"]


def fits_datatype(literal: Literal, datatype: str) -> bool:
    """Whether `literal` is an acceptable value for the schema.org datatype IRI `datatype`."""
    name = datatype[len(SCHEMA) :] if datatype.startswith(SCHEMA) else ""
    kind = _kind(literal)
    if kind == "boolean":
        return name == "Boolean"
    if kind == "number":
        return name in {"Number", "Float"} or (name == "Integer" and _is_integral(literal))
    check = _TEXT_CHECKS.get(name)
    return check is not None and check(str(literal))


def expected_form(datatype: str) -> str:
    """How a value of this datatype is written, for messages."""
    return _EXAMPLES.get(datatype[len(SCHEMA) :], datatype[len(SCHEMA) :])


_EXAMPLES = {
    "Text": "text",
    "URL": "an absolute URL such as https://example.com/returns",
    "Number": "a number such as 4.95",
    "Float": "a number such as 4.95",
    "Integer": "a whole number such as 30",
    "Boolean": "true or false",
    "Date": "a date such as 2026-12-24",
    "DateTime": "a date and time such as 2026-12-24T14:00:00+01:00",
    "Time": "a time such as 14:00:00+01:00",
    "Duration": "an ISO 8601 duration such as P30D",
    "Distance": "a distance such as 3 km",
    "Energy": "an energy such as 200 kcal",
    "Mass": "a mass such as 2 kg",
    "Quantity": "a quantity such as 2 kg",
}
