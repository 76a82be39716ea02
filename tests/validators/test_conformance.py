"""The vocabulary check: unknown terms, properties on the wrong type, values out of range, enumeration
members, superseded terms — each caught with a stable LD code and a message naming node and property."""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import Graph, Literal

from shopterms.validators.codes_jsonld import LD_CODES
from shopterms.validators.conformance import check_conformance, check_jsonld_conformance
from shopterms.validators.jsonld_graph import parse_jsonld
from shopterms.validators.lexical_forms import fits_datatype
from shopterms.validators.vocabulary import (
    SCHEMA,
    SHOPTERMS,
    default_vocabulary,
    extend_with_ontology,
    schemaorg_vocabulary,
    shopterms_ontology,
)
from tests.validators.jsonld_fixtures import (
    GOOD_DOCUMENTS,
    assert_matches_golden,
    broken_documents,
    document,
    refuse_network,
)

# Each broken document and the code it exists for.
EXPECTED_CODE = {
    "ld-unknown-type": "LD001",
    "ld-unknown-property": "LD002",
    "ld-property-on-wrong-type": "LD003",
    "ld-value-out-of-range": "LD004",
    "ld-wrong-enum-value": "LD005",
    "ld-superseded-term": "LD006",
    "ld-remote-context": "LD007",
    "ld-untyped-node": "LD008",
}


def _codes(doc: Any, **options: Any) -> list[str]:
    return [d.code for d in check_jsonld_conformance(doc, **options)]


def _store(**properties: Any) -> dict[str, Any]:
    context = ["https://schema.org", {"shopterms": SHOPTERMS}]
    return {"@context": context, "@type": "OnlineStore", "@id": "#shop", **properties}


@pytest.mark.parametrize("name", GOOD_DOCUMENTS)
def test_good_documents_conform(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    no_network = refuse_network(monkeypatch)
    assert check_jsonld_conformance(document(name), source=name) == []
    assert no_network == []


def test_every_broken_document_has_an_expected_code() -> None:
    assert sorted(broken_documents("ld")) == sorted(EXPECTED_CODE)
    assert {info.code for info in LD_CODES} == set(EXPECTED_CODE.values())


@pytest.mark.parametrize("name", broken_documents("ld"))
def test_broken_document_is_caught_with_its_code_and_message(name: str) -> None:
    findings = check_jsonld_conformance(document(name), source=f"{name}.jsonld")
    assert EXPECTED_CODE[name] in {f.code for f in findings}
    assert all(f.file == f"{name}.jsonld" for f in findings)
    assert_matches_golden(name, findings)


def test_wrong_enumeration_value_names_node_and_property_and_suggests_the_member() -> None:
    [finding] = check_jsonld_conformance(
        {
            "@context": "https://schema.org",
            "@type": "MerchantReturnPolicy",
            "@id": "https://x.example/#r",
            "returnFees": "ReturnFeesCustomerResponsability",
        }
    )
    assert finding.code == "LD005"
    assert finding.message == (
        "MerchantReturnPolicy <https://x.example/#r>: returnFees is ReturnFeesCustomerResponsability, "
        "which is not a ReturnFeesEnumeration value"
    )
    assert finding.hint == "did you mean ReturnFeesCustomerResponsibility?"


def test_member_of_another_enumeration_is_not_a_member() -> None:
    doc = {"@context": "https://schema.org", "@type": "MerchantReturnPolicy", "returnMethod": "FreeReturn"}
    assert _codes(doc) == ["LD005"]


def test_members_of_sub_enumerations_fit_the_parent_enumeration() -> None:
    doc = {
        "@context": "https://schema.org",
        "@type": "QuantitativeValue",
        "valueReference": "BodyMeasurementChest",
    }
    assert _codes(doc) == []


@pytest.mark.parametrize(
    "spelling",
    ["FreeReturn", "schema:FreeReturn", "https://schema.org/FreeReturn", "http://schema.org/FreeReturn"],
)
def test_every_spelling_of_a_member_conforms(spelling: str) -> None:
    doc = {"@context": "https://schema.org", "@type": "MerchantReturnPolicy", "returnFees": spelling}
    assert _codes(doc) == []


def test_properties_of_a_superclass_fit_its_subclasses() -> None:
    # hasMerchantReturnPolicy is defined for Organization; OnlineStore → OnlineBusiness → Organization.
    doc = _store(
        hasMerchantReturnPolicy={"@type": "MerchantReturnPolicy", "merchantReturnLink": "https://x/r"}
    )
    assert _codes(doc) == []


def test_values_typed_with_a_subclass_of_the_range_fit() -> None:
    assert _codes(_store(acceptedPaymentMethod={"@type": "PaymentCard", "name": "Visa"})) == []


def test_property_on_a_type_outside_its_domain_names_where_it_belongs() -> None:
    [finding] = check_jsonld_conformance(_store(returnFees="FreeReturn"))
    assert finding.code == "LD003"
    assert finding.message == (
        "OnlineStore <#shop> uses returnFees, which schema.org does not define for OnlineStore"
    )
    assert finding.hint == "returnFees belongs on MerchantReturnPolicy, MerchantReturnPolicySeasonalOverride"


def test_unknown_property_suggests_a_property_of_the_node_type() -> None:
    [finding] = check_jsonld_conformance(
        {"@context": "https://schema.org", "@type": "MerchantReturnPolicy", "@id": "#r", "refundTyp": "x"}
    )
    assert (finding.code, finding.hint) == ("LD002", "did you mean refundType?")


def test_enumeration_member_used_as_a_type_says_so() -> None:
    [finding] = check_jsonld_conformance({"@context": "https://schema.org", "@type": "ReturnByMail"})
    assert finding.code == "LD001"
    assert finding.hint is not None and "ReturnByMail is a value of ReturnMethodEnumeration" in finding.hint


def test_superseded_property_is_a_warning_naming_the_replacement() -> None:
    [finding] = check_jsonld_conformance(
        _store(contactPoints={"@type": "ContactPoint", "email": "a@b.example"})
    )
    assert (finding.code, finding.severity, finding.hint) == ("LD006", "warning", "use contactPoint instead")


def test_foreign_namespaces_are_rejected_unless_listed() -> None:
    doc = {
        "@context": {"@vocab": "https://schema.org/", "ex": "https://example.org/ns#"},
        "@type": "OnlineStore",
        "ex:loyaltyTier": "gold",
    }
    assert _codes(doc) == ["LD002"]
    assert _codes(doc, extra_namespaces=["https://example.org/ns#"]) == []


def test_remote_context_is_one_unreadable_finding_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    no_network = refuse_network(monkeypatch)
    [finding] = check_jsonld_conformance(
        {"@context": "https://example.org/ctx", "@type": "Thing"}, source="x"
    )
    assert (finding.code, finding.file) == ("LD007", "x")
    assert no_network == []


ONTOLOGY = """
@prefix shopterms: <https://shopterms.org/ns#> .
@prefix schema: <https://schema.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
shopterms:ReturnExclusion a rdfs:Class ; rdfs:subClassOf schema:Intangible .
shopterms:carrier a rdf:Property ; schema:domainIncludes schema:ShippingService ; rdfs:range schema:Text .
shopterms:exclusions a rdf:Property ; rdfs:domain schema:MerchantReturnPolicy ;
    rdfs:range shopterms:ReturnExclusion .
"""


def _with_ontology() -> Any:
    return extend_with_ontology(
        schemaorg_vocabulary(), Graph().parse(data=ONTOLOGY, format="turtle"), SHOPTERMS
    )


def test_our_own_terms_are_checked_against_our_ontology() -> None:
    vocabulary = _with_ontology()
    good = _store(
        hasShippingService={
            "@type": "ShippingService",
            "shopterms:carrier": "DHL Paket",
            "shippingConditions": {"@type": "ShippingConditions"},
        }
    )
    assert _codes(good, vocabulary=vocabulary) == []
    findings = check_jsonld_conformance(
        _store(
            **{
                "shopterms:carier": "DHL",
                "shopterms:carrier": "DHL",
                "@type": ["OnlineStore", "shopterms:ReturnExclusions"],
            }
        ),
        vocabulary=vocabulary,
    )
    assert [(f.code, f.hint) for f in findings] == [
        ("LD001", "did you mean ReturnExclusion?"),
        ("LD002", "did you mean carrier?"),
    ]
    assert "which the shopterms vocabulary does not define" in findings[1].message


def test_our_own_property_on_the_wrong_type_and_with_a_wrong_value() -> None:
    doc = _store(
        **{
            "shopterms:carrier": "DHL",
            "hasMerchantReturnPolicy": {
                "@type": "MerchantReturnPolicy",
                "merchantReturnLink": "https://x/r",
                "shopterms:exclusions": {"@type": "ContactPoint"},
            },
        }
    )
    assert _codes(doc, vocabulary=_with_ontology()) == ["LD003", "LD004"]


def test_without_an_ontology_our_namespace_is_accepted_unchecked() -> None:
    assert _codes(_store(**{"shopterms:anything": 1}), vocabulary=schemaorg_vocabulary()) == []


@pytest.mark.skipif(shopterms_ontology() is None, reason="schemas/shopterms.ttl does not exist yet")
def test_the_default_vocabulary_checks_our_namespace_once_the_ontology_exists() -> None:
    vocabulary = default_vocabulary()
    assert vocabulary.checks(SHOPTERMS + "anything")
    assert _codes(_store(**{"shopterms:noSuchTermAnywhere": 1})) == ["LD002"]


def test_findings_come_in_the_same_order_every_run() -> None:
    graph = parse_jsonld(document("ld-wrong-enum-value"))
    first = check_conformance(graph)
    assert [check_conformance(parse_jsonld(document("ld-wrong-enum-value"))) for _ in range(3)] == [first] * 3


@pytest.mark.parametrize(
    ("value", "datatype", "fits"),
    [
        (Literal(30), "Integer", True),
        (Literal("30"), "Integer", True),
        (Literal(30.0), "Integer", True),
        (Literal(1.5), "Integer", False),
        (Literal("30 days"), "Integer", False),
        (Literal("4.95"), "Number", True),
        (Literal(True), "Boolean", True),
        (Literal(True), "Text", False),
        (Literal("2026-12-24"), "Date", True),
        (Literal("2026-13-01"), "Date", False),
        (Literal("2026-12-24T14:00:00+01:00"), "DateTime", True),
        (Literal("2026-12-24"), "DateTime", False),
        (Literal("14:00:00+01:00"), "Time", True),
        (Literal("14:00"), "Time", True),
        (Literal("2pm"), "Time", False),
        (Literal("P30D"), "Duration", True),
        (Literal("PT2H30M"), "Duration", True),
        (Literal("30 days"), "Duration", False),
        (Literal("P"), "Duration", False),
        (Literal("https://x.example/returns"), "URL", True),
        (Literal("x.example/returns"), "URL", False),
        (Literal("Hamburg", lang="de"), "Text", True),
    ],
)
def test_literal_forms(value: Literal, datatype: str, fits: bool) -> None:
    assert fits_datatype(value, SCHEMA + datatype) is fits


def test_ld_and_goog_codes_are_in_the_shared_catalogue() -> None:
    import shopterms.validators.codes_google  # noqa: F401  (registers on import)
    from shopterms.policy.codes import CODES_BY_ID

    assert {"LD001", "LD008", "GOOG001", "GOOG035"} <= set(CODES_BY_ID)
