"""The published JSON Schemas: generated from the model, documented, and agreeing with the loader."""

from __future__ import annotations

import copy
import datetime as dt
import importlib.util
import json
import re
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError
from ruamel.yaml import YAML

from shopterms.policy.loader import load_policy
from shopterms.policy.model import Policy
from tests.conftest import REPO_ROOT, example_files

EDITOR_SCHEMA = "policy.schema.json"
CANONICAL_SCHEMA = "policy.canonical.schema.json"


@cache
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_schema", REPO_ROOT / "scripts" / "generate_schema.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((REPO_ROOT / "schemas" / name).read_text(encoding="utf-8")))


def json_view(node: Any) -> Any:
    """The YAML as yaml-language-server validates it: YAML 1.2, where an unquoted date is a string."""
    if isinstance(node, dict):
        return {str(key): json_view(value) for key, value in node.items()}
    if isinstance(node, list):
        return [json_view(item) for item in node]
    if isinstance(node, dt.date):  # datetime is a date too
        return node.isoformat()
    return node


def schema_errors(name: str, document: Any) -> list[str]:
    return [f"{error.json_path}: {error.message}" for error in validator(name).iter_errors(document)]


@pytest.mark.parametrize("name", [EDITOR_SCHEMA, CANONICAL_SCHEMA])
def test_committed_schema_equals_a_fresh_generation(name: str) -> None:
    committed = (REPO_ROOT / "schemas" / name).read_text(encoding="utf-8")
    assert committed == generator().render(name), (
        f"schemas/{name} is out of date; run: python scripts/generate_schema.py"
    )


@pytest.mark.parametrize("name", [EDITOR_SCHEMA, CANONICAL_SCHEMA])
def test_schema_is_draft_2020_12_with_id_and_regeneration_note(name: str) -> None:
    schema = validator(name).schema
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://shopterms.org/schemas/{name}"
    assert "python scripts/generate_schema.py" in schema["$comment"]
    assert list(schema)[:5] == ["$schema", "$id", "$comment", "title", "description"]


def _properties_without_description(node: Any, path: str) -> list[str]:
    missing = []
    if isinstance(node, dict):
        for key, prop in (node.get("properties") or {}).items():
            if "description" not in prop:
                missing.append(f"{path}/properties/{key}")
        for key, value in node.items():
            missing += _properties_without_description(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            missing += _properties_without_description(item, f"{path}/{index}")
    return missing


@pytest.mark.parametrize("name", [EDITOR_SCHEMA, CANONICAL_SCHEMA])
def test_every_property_has_a_description_for_hover_help(name: str) -> None:
    assert _properties_without_description(validator(name).schema, "#") == []


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.name)
def test_example_validates_against_the_editor_schema(path: Path) -> None:
    document = json_view(YAML(typ="safe").load(path.read_text(encoding="utf-8")))
    assert schema_errors(EDITOR_SCHEMA, document) == []


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.name)
def test_example_declares_the_editor_schema_on_its_first_line(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schemas/policy.schema.json"


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.name)
def test_normalised_example_validates_against_the_canonical_schema(path: Path) -> None:
    result = load_policy(path)
    assert result.diagnostics == ()
    assert result.policy is not None
    assert schema_errors(CANONICAL_SCHEMA, result.policy.model_dump(mode="json")) == []


# A complete small policy in its JSON view; each case below replaces one value in it.
BASE: dict[str, Any] = {
    "shop": {
        "name": "Probe",
        "url": "https://probe.example",
        "address": {"country": "DE"},
        "timezone": "Europe/Berlin",
        "currency": "EUR",
    },
    "shipping": {
        "handling": {"days": 1},
        "services": [{"id": "standard", "to": ["DE"], "transit": 1, "rate": 4.95}],
    },
    "returns": {"window": 30},
    "payment": {"methods": ["invoice"], "invoice": {"due": 14}},
    "support": {"channels": [{"type": "email", "address": "help@probe.example"}]},
}
SERVICE = ("shipping", "services", 0)
CHANNEL = ("support", "channels", 0)

# (where, what the merchant writes, whether the loader accepts it)
WRITTEN_VALUES: list[tuple[tuple[str | int, ...], Any, bool]] = [
    # day ranges
    ((*SERVICE, "transit"), 2, True),
    ((*SERVICE, "transit"), "1-2", True),
    ((*SERVICE, "transit"), "1–2", True),
    ((*SERVICE, "transit"), "1—2", True),
    ((*SERVICE, "transit"), "1..2", True),
    ((*SERVICE, "transit"), "1 to 2", True),
    ((*SERVICE, "transit"), "1 bis 2", True),
    ((*SERVICE, "transit"), "1-2 days", True),
    ((*SERVICE, "transit"), "2 business days", True),
    ((*SERVICE, "transit"), "1-2 Working Days", True),
    ((*SERVICE, "transit"), {"min": 1, "max": 2}, True),
    ((*SERVICE, "transit"), "1-2 weeks", False),
    ((*SERVICE, "transit"), "two", False),
    ((*SERVICE, "transit"), -1, False),
    ((*SERVICE, "transit"), 366, False),
    ((*SERVICE, "transit"), 1.5, False),
    ((*SERVICE, "transit"), True, False),
    ((*SERVICE, "transit"), {"min": 1}, False),
    # weekdays
    (("shipping", "handling", "business_days"), "Mon-Fri", True),
    (("shipping", "handling", "business_days"), "Mo-Sa", True),
    (("shipping", "handling", "business_days"), "Mo.-Fr.", True),
    (("shipping", "handling", "business_days"), "Di-So", True),
    (("shipping", "handling", "business_days"), "Monday – Friday", True),
    (("shipping", "handling", "business_days"), "Mon, Wed, Fri", True),
    (("shipping", "handling", "business_days"), ["mon", "Tue", "Mi"], True),
    (("shipping", "handling", "business_days"), "Montag", False),
    (("shipping", "handling", "business_days"), "Mon-", False),
    (("shipping", "handling", "business_days"), ["Mon-Fri"], False),
    (("shipping", "handling", "business_days"), "", False),
    ((*SERVICE, "delivery_days"), "Mon-Sat", True),
    # dates and date ranges
    (("shipping", "closed"), ["2026-12-24"], True),
    (("shipping", "closed"), ["2026-12-24..2027-01-01"], True),
    (("shipping", "closed"), ["2026-12-24 .. 2027-01-01"], True),
    (("shipping", "closed"), [{"start": "2026-12-24", "end": "2027-01-01"}], True),
    (("shipping", "closed"), ["24.12.2026"], False),
    (("shipping", "closed"), ["2026-12-24-2027-01-01"], False),
    # clock times
    (("shipping", "handling", "cutoff"), "14:00", True),
    (("shipping", "handling", "cutoff"), "9:30", True),
    (("shipping", "handling", "cutoff"), "14:00:30", True),
    (("shipping", "handling", "cutoff"), "24:00", False),
    (("shipping", "handling", "cutoff"), "2pm", False),
    (("shipping", "handling", "cutoff"), "14.00", False),
    (("shipping", "handling", "cutoff"), 840, False),  # 14:00 unquoted in a YAML 1.1 document
    # durations
    ((*CHANNEL, "response_within"), "24 hours", True),
    ((*CHANNEL, "response_within"), "1 h", True),
    ((*CHANNEL, "response_within"), "30 min", True),
    ((*CHANNEL, "response_within"), "2 Days", True),
    ((*CHANNEL, "response_within"), "1 week", True),
    ((*CHANNEL, "response_within"), "1.5 hours", True),
    ((*CHANNEL, "response_within"), "PT4H", True),
    ((*CHANNEL, "response_within"), "P1DT12H", True),
    ((*CHANNEL, "response_within"), 24, False),
    ((*CHANNEL, "response_within"), "24", False),
    ((*CHANNEL, "response_within"), "soon", False),
    # amounts
    ((*SERVICE, "rate"), 4.95, True),
    ((*SERVICE, "rate"), 0, True),
    ((*SERVICE, "rate"), "4,95", True),
    ((*SERVICE, "rate"), "free", True),
    ((*SERVICE, "rate"), "Free", True),
    ((*SERVICE, "rate"), "4.95 EUR", False),
    ((*SERVICE, "rate"), "€4.95", False),
    ((*SERVICE, "rate"), -1, False),
    ((*SERVICE, "free_from"), 50, True),
    ((*SERVICE, "free_from"), "49,90", True),
    ((*SERVICE, "free_from"), "fifty", False),
    # rates
    ((*SERVICE, "rate"), {"AT": 7.95, "CH": 14.95}, True),
    ((*SERVICE, "rate"), {"at": "7,95", "CH": "free"}, True),
    ((*SERVICE, "rate"), {"amount": 4.95, "countries": ["AT"]}, True),
    ((*SERVICE, "rate"), [{"amount": 4.95, "weight_kg": "0-2"}, {"amount": 6.95, "weight_kg": "2+"}], True),
    ((*SERVICE, "rate"), {"Austria": 7.95}, False),
    ((*SERVICE, "rate"), {"AT": "cheap"}, False),
    ((*SERVICE, "rate"), {}, False),
    ((*SERVICE, "rate"), [], False),
    # value ranges in rate rules
    ((*SERVICE, "rate"), [{"amount": 4.95, "weight_kg": "0,5-2"}], True),
    ((*SERVICE, "rate"), [{"amount": 4.95, "order_value": "0-49.99"}], True),
    ((*SERVICE, "rate"), [{"amount": 0, "order_value": "50+"}], True),
    ((*SERVICE, "rate"), [{"amount": 4.95, "items": 3}], True),
    ((*SERVICE, "rate"), [{"amount": 4.95, "weight_kg": {"min": 0, "max": 2}}], True),
    ((*SERVICE, "rate"), [{"amount": 4.95, "weight_kg": "2"}], False),
    ((*SERVICE, "rate"), [{"amount": 4.95, "weight_kg": "heavy"}], False),
    ((*SERVICE, "rate"), [{"amount": 4.95, "weight_kg": -1}], False),
    # destinations and codes
    ((*SERVICE, "to"), ["de"], True),
    ((*SERVICE, "to"), ["DE-BY"], True),
    ((*SERVICE, "to"), ["de-by"], True),
    ((*SERVICE, "to"), [{"country": "DE", "region": "DE-BY"}], True),
    ((*SERVICE, "to"), [{"country": "DE", "postal_codes": ["80*"]}], True),
    ((*SERVICE, "to"), ["Germany"], False),
    ((*SERVICE, "to"), ["DEU"], False),
    ((*SERVICE, "to"), ["DE-"], False),
    (("shop", "sells_to"), ["de", "AT"], True),
    (("shop", "sells_to"), ["DEU"], False),
    (("shop", "currency"), "eur", True),
    (("shop", "currency"), "EURO", False),
    (("shipping", "handling", "holidays"), "DE-BY", True),
    (("shipping", "handling", "holidays"), "de", True),
    (("shipping", "handling", "holidays"), "none", True),
    (("shipping", "handling", "holidays"), "NONE", False),
    # return windows
    (("returns", "window"), 30, True),
    (("returns", "window"), "30 days", True),
    (("returns", "window"), "30 days after delivery", True),
    (("returns", "window"), "30 days after order", True),
    (("returns", "window"), "30 days from shipment", True),
    (("returns", "window"), "30 days after the delivery", True),
    (("returns", "window"), "14 calendar days after delivery", True),
    (("returns", "window"), "30 Days After Delivery", True),
    (("returns", "window"), "no returns", True),
    (("returns", "window"), "No Returns", True),
    (("returns", "window"), "none", True),
    (("returns", "window"), "unlimited", True),
    (("returns", "window"), "lifetime", True),
    (("returns", "window"), {"type": "finite", "days": 30, "after": "order"}, True),
    (("returns", "window"), {"type": "none"}, True),
    (("returns", "window"), "30 days after arrival", False),
    (("returns", "window"), "30", False),
    (("returns", "window"), "one month", False),
    (("returns", "window"), -1, False),
    # return costs
    (("returns", "cost"), "free", True),
    (("returns", "cost"), "customer_pays", True),
    (("returns", "cost"), 4.95, True),
    (("returns", "cost"), "4,95", True),
    (("returns", "cost"), {"type": "fixed", "amount": 4.95}, True),
    (("returns", "cost"), {"default": "free", "AT": 6.95}, True),
    (("returns", "cost"), {"AT": "customer_pays"}, True),
    (("returns", "cost"), {"Austria": 6.95}, False),
    (("returns", "cost"), {"default": "cheap"}, False),
    (("returns", "cost"), "customer pays", False),
    (("returns", "by_country"), {"ch": {"cost": "customer_pays"}}, True),
    (("returns", "by_country"), {"Switzerland": {"cost": "customer_pays"}}, False),
    # percentages
    (("returns", "restocking_fee"), "10%", True),
    (("returns", "restocking_fee"), "12,5 %", True),
    (("returns", "restocking_fee"), 10, True),
    (("returns", "restocking_fee"), 12.5, True),
    (("returns", "restocking_fee"), "10", False),
    (("returns", "restocking_fee"), 101, False),
    (("returns", "restocking_fee"), "ten percent", False),
    # refunds
    (("returns", "refund"), {"within": "7 days after arrival"}, True),
    (("returns", "refund"), {"within": "14 days after withdrawal", "to": "store_credit"}, True),
    (("returns", "refund"), {"within": 7}, True),
    (("returns", "refund"), {"days": 7, "after": "dispatch"}, True),
    (("returns", "refund"), {"within": "7 days after delivery"}, False),
    (("returns", "refund"), {"within": "7 days", "after": "withdrawal"}, False),
    (("returns", "refund"), {"within": "soon"}, False),
    # invoice due
    (("payment", "invoice", "due"), 14, True),
    (("payment", "invoice", "due"), "14 days", True),
    (("payment", "invoice", "due"), "14 days after delivery", True),
    (("payment", "invoice", "due"), "30 days after invoice", True),
    (("payment", "invoice", "due"), "14 days after the order", True),
    (("payment", "invoice", "due"), {"days": 14, "after": "shipment"}, True),
    (("payment", "invoice", "due"), "14 days after arrival", False),
]


def _with_value(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    node: Any = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return document


def _model_accepts(document: dict[str, Any]) -> bool:
    try:
        Policy.model_validate(document)
    except ValidationError:
        return False
    return True


def test_base_document_is_valid_for_schema_and_model() -> None:
    assert schema_errors(EDITOR_SCHEMA, BASE) == []
    assert _model_accepts(copy.deepcopy(BASE))


@pytest.mark.parametrize(
    ("path", "value", "accepted"),
    WRITTEN_VALUES,
    ids=[f"{'.'.join(map(str, path))}={value!r}" for path, value, _ in WRITTEN_VALUES],
)
def test_editor_schema_and_loader_agree_on_written_value(
    path: tuple[str | int, ...], value: Any, accepted: bool
) -> None:
    document = _with_value(path, value)
    assert _model_accepts(copy.deepcopy(document)) is accepted, "the model's verdict"
    assert (schema_errors(EDITOR_SCHEMA, document) == []) is accepted, "the schema's verdict"


def test_schema_leaves_no_key_open_beside_pattern_keyed_maps() -> None:
    by_country = validator(EDITOR_SCHEMA).schema["$defs"]["Returns"]["properties"]["by_country"]
    assert by_country["additionalProperties"] is False


def test_every_key_of_the_format_is_documented_in_policy_format_md() -> None:
    text = (REPO_ROOT / "docs" / "policy-format.md").read_text(encoding="utf-8")
    spans = re.findall(r"`([^`\n]+)`", text)
    documented = {word for span in spans for word in re.findall(r"[a-z_]+", span)}
    schema = validator(EDITOR_SCHEMA).schema
    keys = set(schema["properties"]) | {
        key for model in schema["$defs"].values() for key in model.get("properties", {})
    }
    assert sorted(keys - documented) == []
