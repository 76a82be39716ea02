"""The committed schema.org index and context: equal to a fresh derivation, right on the facts we use."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import REPO_ROOT

VOCAB_DIR = REPO_ROOT.parent / "shared" / "vocab"
SCRIPT = REPO_ROOT / "scripts" / "derive_schemaorg_index.py"
INDEX_PATH = REPO_ROOT / "schemas" / "schemaorg-index.json"
CONTEXT_PATH = REPO_ROOT / "schemas" / "schemaorg-context.jsonld"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("derive_schemaorg_index", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def index() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(INDEX_PATH.read_text(encoding="utf-8"))
    return data


@pytest.mark.skipif(
    not VOCAB_DIR.is_dir(), reason="../shared/vocab (the full schema.org vocabulary) is not present"
)
def test_committed_index_and_context_equal_a_fresh_derivation() -> None:
    outputs = _script().derive(VOCAB_DIR, "30.0")
    for path, text in outputs.items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} drifted; run the command in its generatedBy"
        )


def test_index_records_release_and_the_command_that_regenerates_it(index: dict[str, Any]) -> None:
    assert index["release"] == "30.0"
    assert index["generatedBy"].startswith("python scripts/derive_schemaorg_index.py")
    context = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))
    assert context["generatedBy"] == index["generatedBy"]


def test_merchant_return_policy_is_a_pending_class(index: dict[str, Any]) -> None:
    assert index["classes"]["MerchantReturnPolicy"] == {"subClassOf": ["Intangible"], "area": "pending"}


def test_merchant_return_days_range_includes_integer_date_and_datetime(index: dict[str, Any]) -> None:
    assert set(index["properties"]["merchantReturnDays"]["rangeIncludes"]) >= {"Integer", "Date", "DateTime"}


def test_return_shipping_fees_is_a_return_fees_enumeration_member(index: dict[str, Any]) -> None:
    assert "ReturnShippingFees" in index["enumerations"]["ReturnFeesEnumeration"]
    assert index["members"]["ReturnShippingFees"]["type"] == ["ReturnFeesEnumeration"]


def test_payment_method_is_a_class_and_its_kinds_are_payment_method_type_members(
    index: dict[str, Any],
) -> None:
    assert "PaymentMethod" in index["classes"]
    assert "PaymentMethod" not in index["enumerations"]
    assert {"ByInvoice", "DirectDebit", "COD"} <= set(index["enumerations"]["PaymentMethodType"])


def test_has_shipping_service_is_used_on_organization(index: dict[str, Any]) -> None:
    assert "Organization" in index["properties"]["hasShippingService"]["domainIncludes"]
    assert index["properties"]["hasShippingService"]["rangeIncludes"] == ["ShippingService"]


def test_online_store_is_an_organization_via_online_business(index: dict[str, Any]) -> None:
    assert index["classes"]["OnlineStore"]["subClassOf"] == ["OnlineBusiness"]
    assert index["classes"]["OnlineBusiness"]["subClassOf"] == ["Organization"]


def test_sub_enumeration_members_count_for_the_parent_enumeration(index: dict[str, Any]) -> None:
    assert "BodyMeasurementChest" in index["enumerations"]["BodyMeasurementTypeEnumeration"]
    assert "BodyMeasurementChest" in index["enumerations"]["MeasurementTypeEnumeration"]


def test_superseded_property_names_its_replacement(index: dict[str, Any]) -> None:
    assert index["properties"]["contactPoints"]["supersededBy"] == "contactPoint"


def test_datatypes_include_the_literal_types(index: dict[str, Any]) -> None:
    expected = {"Text", "URL", "Number", "Integer", "Boolean", "Date", "DateTime", "Time", "Duration"}
    assert expected <= set(index["datatypes"])


def test_context_uses_https_vocab_and_types_link_properties_as_iris() -> None:
    context = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
    assert context["@vocab"] == "https://schema.org/"
    assert context["merchantReturnLink"] == {"@id": "schema:merchantReturnLink", "@type": "@id"}
    assert context["url"]["@type"] == "@id"
    # Enumeration-valued properties are not IRI-typed in the official context; readers normalise them.
    assert "returnFees" not in context


def test_script_check_mode_reports_a_stale_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not VOCAB_DIR.is_dir():
        pytest.skip("../shared/vocab (the full schema.org vocabulary) is not present")
    script = _script()
    stale = tmp_path / "schemaorg-index.json"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(script, "INDEX_OUT", stale)
    monkeypatch.setattr(script, "CONTEXT_OUT", CONTEXT_PATH)
    monkeypatch.setattr(script, "REPO_ROOT", tmp_path.parent)
    assert script.main(["--vocab-dir", str(VOCAB_DIR), "--check"]) == 1
