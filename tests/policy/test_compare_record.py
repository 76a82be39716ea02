"""Comparison records from policy files: known facts with their place in the file, unknowns never filled."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType

import jsonschema
import pytest
from pydantic import ValidationError

from shopterms.policy.compare import record_from_file, record_from_policy
from shopterms.policy.compare.fact import Fact, known, unknown
from shopterms.policy.compare.provenance import YamlSource
from shopterms.policy.errors import QueryError
from shopterms.policy.estimate import estimate_delivery
from shopterms.policy.loader import PolicyError, load_policy_text, read_policy
from tests.conftest import EXAMPLES_DIR, REPO_ROOT, example_files

SCHEMA_FILE = REPO_ROOT / "schemas" / "comparison-record.schema.json"
AT = "2026-03-09T10:00:00+01:00"  # a Monday in March: no holidays near
NORDLICHT = EXAMPLES_DIR / "nordlicht-mode.yaml"

SMALL_SHOP = """
shop:
  name: Ecke
  url: https://ecke.example
  address: {country: DE}
  timezone: Europe/Berlin
  currency: EUR
shipping:
  handling: {days: 1}
  services:
    - {id: parcel, to: [DE], transit: 1-2, rate: 4.50}
returns:
  window: {type: finite, days: 21}
"""


@cache
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_comparison_schema", REPO_ROOT / "scripts" / "generate_comparison_schema.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def line_of(path: Path, text: str) -> int:
    """The line (from 1) of the first line of the file containing `text`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_committed_record_schema_matches_the_models() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == generator().render(), (
        "schemas/comparison-record.schema.json is out of date; "
        "run: python scripts/generate_comparison_schema.py"
    )


def test_record_schema_names_the_command_that_writes_it_and_is_valid() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert "python scripts/generate_comparison_schema.py" in schema["$comment"]
    assert schema["properties"]["record_version"]["const"] == 1
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("destination", ["DE-BY", "AT", "CH"])
@pytest.mark.parametrize("path", example_files(), ids=lambda p: Path(p).stem)
def test_every_example_record_meets_the_published_schema(path: Path, destination: str) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    record = record_from_file(path, destination, AT)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        record.model_dump(mode="json")
    )


def test_a_known_fact_names_the_line_that_states_it() -> None:
    record = record_from_file(NORDLICHT, "AT", AT)
    cost = record.returns.cost
    assert cost.known and cost.value is not None
    assert (cost.value.type, cost.value.amount, cost.value.currency) == ("fixed", 6.95, "EUR")
    [source] = cost.sources
    assert isinstance(source, YamlSource)
    assert (source.file, source.path) == (str(NORDLICHT), "returns.cost.AT")
    assert source.line == line_of(NORDLICHT, "AT: 6.95")


def test_the_default_cost_is_read_from_where_the_file_writes_it() -> None:
    record = record_from_file(NORDLICHT, "DE-BY", AT)
    assert record.returns.cost.value is not None and record.returns.cost.value.type == "free"
    assert [source.path for source in record.returns.cost.sources] == ["returns.cost.default"]  # type: ignore[union-attr]


def test_facts_the_file_does_not_write_stay_unknown_with_the_reason() -> None:
    result = load_policy_text(SMALL_SHOP, "ecke.yaml")
    record = record_from_policy(result, "DE-BY", AT)
    returns = record.returns
    assert returns.window.value is not None and returns.window.value.days == 21
    # The format fills these with defaults (customer_pays, [mail], at_order); the shop did not state them.
    for fact in (returns.cost, returns.methods, returns.refund, returns.exchange):
        assert fact.state == "unknown" and fact.value is None and fact.sources == []
        assert fact.note and "does not" in fact.note
    assert returns.anchor.state == "unknown"  # {type, days} without `after` states no anchor
    assert (
        record.payment.methods.state == "unknown"
        and record.payment.methods.note == "the file has no payment section"
    )
    assert record.support.human.state == "unknown"
    service = record.delivery.services[0]
    assert service.carriers.state == "unknown" and service.kind.state == "unknown"


def test_a_missing_free_shipping_threshold_is_known_to_be_absent() -> None:
    record = record_from_policy(load_policy_text(SMALL_SHOP, "ecke.yaml"), "DE", AT)
    free = record.delivery.services[0].free_from
    assert free.known and free.value is None
    assert [source.path for source in free.sources] == ["shipping.services[0].rate"]  # type: ignore[union-attr]


def test_delivery_dates_are_the_date_engines() -> None:
    record = record_from_file(NORDLICHT, "DE-BY", AT)
    estimates = {e.service: e for e in estimate_delivery(read_policy(NORDLICHT), "DE-BY", None, AT)}
    for service in record.delivery.services:
        time = service.time.value
        assert time is not None
        estimate = estimates[service.id]
        assert (time.earliest, time.latest) == (estimate.earliest_delivery, estimate.latest_delivery)
        assert time.total_days.max == estimate.handling_days.max + estimate.transit_days.max
    fastest = record.delivery.fastest.value
    assert fastest is not None and fastest.id == "express"
    paths = [source.path for source in record.delivery.fastest.sources]  # type: ignore[union-attr]
    assert paths == ["shipping.handling.days", "shipping.services[1].transit", "shipping.services[1].cutoff"]


def test_cheapest_delivery_carries_price_and_free_shipping_threshold() -> None:
    record = record_from_file(NORDLICHT, "DE-BY", AT)
    cheapest = record.delivery.cheapest.value
    assert cheapest is not None and cheapest.id == "standard"
    assert cheapest.price.value is not None and cheapest.price.value.amount == 4.95
    assert cheapest.free_from.value == 50.0


def test_a_price_that_depends_on_weight_says_so_and_keeps_the_lowest() -> None:
    record = record_from_file(EXAMPLES_DIR / "voltwerk-electronics.yaml", "DE-BY", AT)
    standard = next(service for service in record.delivery.services if service.id == "standard-eu")
    price = standard.price.value
    assert price is not None
    assert (price.amount, price.lowest, price.depends_on) == (None, 7.95, ["weight"])


def test_the_seasonal_window_in_force_is_chosen_by_order_date() -> None:
    christmas = record_from_file(NORDLICHT, "DE-BY", "2026-12-01T10:00:00+01:00")
    window = christmas.returns.window.value
    assert window is not None and (window.until, window.seasonal) == (dt.date(2027, 1, 15), "Christmas")
    assert christmas.returns.anchor.known and christmas.returns.anchor.value is None
    spring = record_from_file(NORDLICHT, "DE-BY", AT).returns.window.value
    assert spring is not None and (spring.days, spring.seasonal) == (30, None)


def test_a_destination_no_service_reaches_is_known_not_served() -> None:
    record = record_from_file(EXAMPLES_DIR / "kleinkram.yaml", "AT", AT)
    assert record.delivery.serves.known and record.delivery.serves.value is False
    assert record.delivery.services == []
    assert record.delivery.fastest.state == "unknown"
    assert record.returns.covered.value is False
    assert record.returns.cost.state == "unknown" and "not AT" in (record.returns.cost.note or "")


def test_a_country_the_return_policy_leaves_out_is_not_covered() -> None:
    record = record_from_file(NORDLICHT, "CH", AT)
    assert record.delivery.serves.value is True
    assert record.returns.covered.value is False
    assert record.returns.window.state == "unknown"


def test_invoice_due_is_known_absent_when_invoice_is_not_offered() -> None:
    text = SMALL_SHOP + "payment:\n  methods: [card, paypal]\n  charged: at_order\n"
    record = record_from_policy(load_policy_text(text, "ecke.yaml"), "DE", AT)
    assert record.payment.invoice.value is False
    assert record.payment.invoice_due.known and record.payment.invoice_due.value is None
    assert record.payment.charged.value == "at_order"


def test_a_record_is_deterministic() -> None:
    first = record_from_file(EXAMPLES_DIR / "voltwerk-electronics.yaml", "DE-BY", AT).model_dump_json()
    second = record_from_file(EXAMPLES_DIR / "voltwerk-electronics.yaml", "DE-BY", AT).model_dump_json()
    assert first == second


def test_a_bad_destination_is_refused_with_the_field() -> None:
    with pytest.raises(QueryError) as refused:
        record_from_file(NORDLICHT, "XX", AT)
    assert refused.value.field == "country"


def test_a_naive_order_moment_is_refused() -> None:
    with pytest.raises(QueryError) as refused:
        record_from_file(NORDLICHT, "DE", "2026-03-09T10:00:00")
    assert refused.value.field == "ordered_at"


def test_a_policy_that_does_not_load_raises_with_its_diagnostics() -> None:
    with pytest.raises(PolicyError) as failed:
        record_from_policy(load_policy_text("shop: {name: x}\n", "broken.yaml"), "DE", AT)
    assert failed.value.result.diagnostics


def test_an_unknown_fact_carries_no_value_and_a_known_one_names_its_source() -> None:
    with pytest.raises(ValidationError):
        Fact[int](state="unknown", value=3)
    with pytest.raises(ValidationError):
        Fact[int](state="known", value=3)
    assert known(3, [YamlSource(file="f.yaml", path="a")]).known
    assert not unknown("not stated").known
