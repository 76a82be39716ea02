"""Every scalar field takes only the YAML kinds its documentation names, and says so in the JSON Schema.

The table below is the list of decisions (docs/reliability.md, "Strict values"): each line writes one
value into a small policy file and states the loader's verdict. The property test then replaces any
value of the bundled examples with odd scalars and holds the editor schema and the loader to one
verdict, except for the differences docs/reliability.md lists on purpose.
"""

from __future__ import annotations

import copy
import math
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from shopterms.policy.document import read_document
from shopterms.policy.loader import load_policy_text
from shopterms.policy.model import Policy
from tests.conftest import REPO_ROOT, example_files
from tests.policy.test_schema_file import EDITOR_SCHEMA, json_view, schema_errors

TEMPLATE = """\
shop:
  name: Probe
  url: https://probe.example
  address: {{country: DE}}
  timezone: Europe/Berlin
  currency: EUR
shipping:
  handling: {{days: 1, cutoff: "14:00"}}
  services:
    - {{id: standard, to: [DE], transit: 1, rate: 4.95}}
  {shipping}
returns:
  window: 30
  {returns}
legal:
  {legal}
"""


def written(shipping: str = "", returns: str = "", legal: str = "withdrawal_days: 14") -> str:
    return TEMPLATE.format(shipping=shipping, returns=returns, legal=legal)


# (what is written, the code the loader reports, or None when the file is valid)
DECISIONS: list[tuple[str, str | None]] = [
    # times: text in quotes only; a number is no time of day (1.5 used to become 00:00:01.5 in UTC)
    (written().replace('cutoff: "14:00"', "cutoff: 1.5"), "SCHEMA008"),
    (written().replace('cutoff: "14:00"', "cutoff: 0.5"), "SCHEMA008"),
    (written().replace('cutoff: "14:00"', "cutoff: -0.0"), "SCHEMA008"),
    (written().replace('cutoff: "14:00"', "cutoff: 86399.9"), "SCHEMA008"),
    (written().replace('cutoff: "14:00"', "cutoff: 14"), "SCHEMA008"),
    (written().replace('cutoff: "14:00"', "cutoff: true"), "SCHEMA008"),
    (written().replace('cutoff: "14:00"', "cutoff: 14:00"), None),  # YAML 1.2: unquoted 14:00 is text
    (written().replace("rate: 4.95}", "rate: 4.95, cutoff: 1.5}"), "SCHEMA008"),
    # true/false: nothing else
    (written(shipping="tracking: true"), None),
    (written(shipping="tracking: yes"), "SCHEMA003"),
    (written(shipping="tracking: 1"), "SCHEMA003"),
    (written(shipping='tracking: "true"'), "SCHEMA003"),
    (written(returns="exchange: no"), "SCHEMA003"),
    # whole numbers: integers, or numbers written with .0 (JSON Schema counts those as integers)
    (written(legal="withdrawal_days: 14.0"), None),
    (written(legal="withdrawal_days: 14.5"), "SCHEMA003"),
    (written(legal='withdrawal_days: "14"'), "SCHEMA003"),
    (written(legal="withdrawal_days: true"), "SCHEMA003"),
    (written().replace("transit: 1,", "transit: 1.0,"), None),
    (written().replace("transit: 1,", "transit: 1.5,"), "SCHEMA008"),
    (written().replace("window: 30", "window: 30.0"), None),
    (written().replace("window: 30", "window: 3651"), "SCHEMA006"),
    # numbers: integers and decimals; no text, true/false or non-finite numbers
    (written(legal="guarantee_years: 2"), None),
    (written(legal="guarantee_years: 1.5"), None),
    (written(legal='guarantee_years: "2"'), "SCHEMA003"),
    (written(legal="guarantee_years: .inf"), "SCHEMA006"),
    (written(legal="guarantee_years: .nan"), "SCHEMA006"),
    (written(shipping="on_time_rate: true"), "SCHEMA003"),
    # amounts: numbers below 10^10 with at most two decimals, or text spelled as the schema says
    (written().replace("rate: 4.95", 'rate: "4,95"'), None),
    (written().replace("rate: 4.95", 'rate: "1e5"'), "SCHEMA008"),
    (written().replace("rate: 4.95", 'rate: "+5"'), "SCHEMA008"),
    (written().replace("rate: 4.95", 'rate: "NaN"'), "SCHEMA008"),
    (written().replace("rate: 4.95", 'rate: "٤"'), "SCHEMA008"),  # an Arabic-Indic digit
    (written().replace("rate: 4.95", "rate: .nan"), "SCHEMA006"),
    (written().replace("rate: 4.95", "rate: 1e300"), "SCHEMA006"),
    (written().replace("rate: 4.95", "rate: 4.999"), "SCHEMA006"),
    # dates: YYYY-MM-DD (quoted or not) within the supported range; no timestamps, no times
    (written(shipping="closed: [2026-12-24]"), None),
    (written(shipping='closed: ["2026-12-24..2027-01-01"]'), None),
    (written(shipping="closed: [9999-12-31]"), "SCHEMA006"),
    (written(shipping="closed: [1969-12-31]"), "SCHEMA006"),
    (written(shipping="closed: [{start: 2026-12-24, end: 2200-01-01}]"), "SCHEMA006"),
    (written(shipping="closed: [{start: 0, end: 1}]"), "SCHEMA003"),
    (written(returns="seasonal: [{name: X, orders: 2026-12-01..2026-12-24, until: 0}]"), "SCHEMA003"),
    (written(returns="seasonal: [{name: X, orders: 2026-12-01, until: 2027-01-31 10:00:00}]"), "SCHEMA005"),
    (written(returns="seasonal: [{name: X, orders: 2026-12-01, days: 100000}]"), "SCHEMA006"),
    # text fields keep an unquoted date as written (YAML 1.2 has no timestamps)
    (written().replace("name: Probe", "name: 2026-12-24"), None),
    # durations: text with a unit, at most 9999 of it
    (
        written(shipping="").replace("legal:\n  {legal}", "")
        + "support: {channels: [{type: email, address: a@b.example, response_within: true}]}\n",
        "SCHEMA008",
    ),
    # codes: ASCII letters only ("ß".upper() is "SS", which is a country code)
    (written().replace("to: [DE]", "to: [ß]"), "SCHEMA005"),
    # the format version is a number, and true is not 1
    ("version: true\n" + written(), "SCHEMA009"),
]


@pytest.mark.parametrize(("text", "code"), DECISIONS, ids=[f"{i}" for i in range(len(DECISIONS))])
def test_each_scalar_kind_is_accepted_or_refused_on_purpose(text: str, code: str | None) -> None:
    result = load_policy_text(text, "shop.yaml")
    assert sorted({item.code for item in result.diagnostics}) == ([code] if code else []), result.diagnostics
    for item in result.diagnostics:
        assert item.location is not None and item.path, item


def test_a_fractional_cutoff_is_located_where_it_is_written_with_the_fields_hint() -> None:
    text = written().replace('cutoff: "14:00"', "cutoff: 1.5")
    [problem] = load_policy_text(text, "shop.yaml").diagnostics
    assert problem.path == ("shipping", "handling", "cutoff")
    assert problem.location is not None and (problem.location.line, problem.location.column) == (8, 31)
    assert problem.message == 'write the time in quotes as HH:MM, e.g. "14:00"'


# Where the editor schema and the loader may disagree, and why: each key is named in docs/reliability.md.
DOCUMENTED_DIFFERENCES = {
    "time zone names": "the schema checks the form of a name, the loader the time-zone database",
    "opening hours": "the schema cannot parse the opening_hours syntax",
    "impossible dates": "a pattern checks the form YYYY-MM-DD, not the calendar (2026-02-30)",
    "non-finite numbers": ".nan passes a schema's minimum and maximum; the loader refuses it",
    "more than two decimals": "an amount written as a number with three decimals (4.999)",
    "rules across values": "a finite window needs its days; a range must not run backwards; ...",
}
AMOUNT_FIELDS = re.compile(r"(rate|rate\.#\.amount|rate\.[A-Z]{2}|free_from|cost|cost\.[a-zA-Z]+|amount)$")
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DATE_FIELDS = re.compile(r"(closed\.#|orders|until|start|end)$")
# The model's checks that read several values at once (a range's two ends, a type and its amount, ...).
CROSS_VALUE_CHECKS = {
    "_ordered",
    "_region_in_country",
    "_days_match_type",
    "_amount_for_fixed",
    "_one_deadline",
    "_unique_service_ids",
    "_has_contact",
}


def _raised_in(error: BaseException) -> str:
    """The name of the function that raised `error`."""
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    return trace.tb_frame.f_code.co_name if trace is not None else ""


def _across_values(model_error: ValidationError | None) -> bool:
    """Whether every error is a missing key or a check across several values (none is about one value)."""
    if model_error is None:
        return False
    for item in model_error.errors():
        cause = (item.get("ctx") or {}).get("error")
        if item["type"] == "missing":
            continue
        if item["type"] != "value_error" or not isinstance(cause, BaseException):
            return False
        if _raised_in(cause) not in CROSS_VALUE_CHECKS:
            return False
    return True


def _places(number: float) -> int:
    exponent = Decimal(repr(number)).as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


def _documented(path: str, value: Any, model_error: ValidationError | None) -> str | None:
    """Which documented difference explains a disagreement, if one does."""
    if path.endswith("shop.timezone"):
        return "time zone names"
    if path.endswith(".hours"):
        return "opening hours"
    if isinstance(value, float) and math.isnan(value):
        return "non-finite numbers"
    if isinstance(value, float) and AMOUNT_FIELDS.search(path) and _places(value) > 2:
        return "more than two decimals"
    if isinstance(value, str) and DATE_FIELDS.search(path) and ISO_DAY.search(value):
        return "impossible dates"
    if _across_values(model_error):
        return "rules across values"
    return None


def test_every_documented_difference_is_listed_in_the_reliability_page() -> None:
    page = (REPO_ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert [name for name in DOCUMENTED_DIFFERENCES if name not in page] == []


EXAMPLE_DATA = [read_document(path.read_text(encoding="utf-8"), str(path)).data for path in example_files()]


def _leaves(data: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _leaves(value, (*path, index))
    return found


LEAVES = [(index, path) for index, data in enumerate(EXAMPLE_DATA) for path in _leaves(data)]
ODD_TEXTS = [
    "yes", "no", "true", "1", "14", "1.5", "-0", "+5", "1e5", "NaN", "Infinity", "0x10", "٣", "٣ hours", "ß",
    "14:00", "24:00", "9:30", "2026-12-24", "2026-02-30", "9999-12-31", "2026-12-24..2027-01-01", "PT4H",
    "P1D1D", "P99999D", "pt4h", "24 hours", "10000 days", "30 days after delivery", "400 days", "1-3", "3-1",
    "0,5-2", "10+", "4,95", "4.999", "99999999999", "free", "Free", "customer_pays", "10%", "101%", "Mon-Fri",
    "DE", "de-by", "Europe/Berlin", "", " ", "x" * 70,
]  # fmt: skip
odd_values = st.one_of(
    st.sampled_from(ODD_TEXTS),
    st.text(st.sampled_from(list("0123456789.,-+:%/ PTDHMSYWdays٣ßK")), max_size=10),
    st.integers(-(10**12), 10**12),
    st.sampled_from([10**30, -1, 0, 365, 366, 3650, 3651]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.sampled_from([[], {}, ["DE"], {"min": 1}, {"type": "fixed"}]),
)


def _with(data: Any, path: tuple[str | int, ...], value: Any) -> Any:
    changed = copy.deepcopy(data)
    node = changed
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return changed


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(LEAVES), odd_values)
def test_the_editor_schema_and_the_loader_agree_on_any_value_anywhere(
    leaf: tuple[int, tuple[str | int, ...]], value: Any
) -> None:
    index, path = leaf
    document = _with(EXAMPLE_DATA[index], path, value)
    schema_accepts = schema_errors(EDITOR_SCHEMA, json_view(document)) == []
    try:
        Policy.model_validate(copy.deepcopy(document))
        model_error = None
    except ValidationError as error:
        model_error = error
    if schema_accepts != (model_error is None):
        generic = ".".join("#" if isinstance(part, int) else part for part in path)
        reason = _documented(generic, value, model_error)
        assert reason is not None, (
            f"{generic} = {value!r}: schema {'accepts' if schema_accepts else 'refuses'}, loader "
            f"{'accepts' if model_error is None else 'refuses'}"
        )


def test_the_repository_examples_are_where_the_property_test_looks() -> None:
    assert len(EXAMPLE_DATA) == len(list(Path(REPO_ROOT / "examples").glob("*.yaml"))) >= 3
