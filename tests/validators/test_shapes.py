"""Google's structured-data rules as SHACL: each broken document is caught by its GOOG code, the good
ones pass, and every term the shapes name exists in schema.org 30.0 where the shapes use it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pycountry
import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection

from shopterms.validators.codes_google import GOOG_CODE_BY_SHAPE, GOOG_CODES, SHAPES_NAMESPACE
from shopterms.validators.shapes import _working_shapes, check_jsonld_google_rules, google_shapes
from shopterms.validators.vocabulary import SCHEMA, schemaorg_vocabulary
from tests.validators.jsonld_fixtures import (
    GOOD_DOCUMENTS,
    assert_matches_golden,
    broken_documents,
    document,
    refuse_network,
)

SH = "http://www.w3.org/ns/shacl#"

EXPECTED_CODE = {
    "google-return-incomplete": "GOOG001",
    "google-return-country-code": "GOOG002",
    "google-return-51-countries": "GOOG003",
    "google-return-finite-without-days": "GOOG004",
    "google-return-fees-unsupported": "GOOG005",
    "google-return-shipping-amount-without-fees": "GOOG006",
    "google-return-method-unsupported": "GOOG007",
    "google-return-category-unsupported": "GOOG008",
    "google-shipping-no-conditions": "GOOG010",
    "google-shipping-time-as-text": "GOOG011",
    "google-shipping-bad-unit-code": "GOOG012",
    "google-offer-transit-in-hours": "GOOG012",
    "google-shipping-no-max-days": "GOOG013",
    "google-shipping-fractional-days": "GOOG014",
    "google-cutoff-without-offset": "GOOG015",
    "google-cutoff-on-transit": "GOOG016",
    "google-fulfillment-pickup-in-store": "GOOG017",
    "google-member-only-shipping": "GOOG018",
    "google-destination-not-region": "GOOG020",
    "google-destination-country-name": "GOOG021",
    "google-region-and-postal-code": "GOOG022",
    "google-region-outside-us-au-jp": "GOOG023",
    "google-postal-code-outside-us-ca-au": "GOOG024",
    "google-origin-country-name": "GOOG025",
    "google-offer-missing-destination": "GOOG030",
    "google-offer-two-rates": "GOOG031",
    "google-currency-symbol": "GOOG032",
    "google-offer-rate-without-amount": "GOOG033",
    "google-offer-two-delivery-times": "GOOG034",
    "google-offer-handling-without-min": "GOOG035",
    "google-amount-without-currency": "GOOG036",
    "google-amount-without-value": "GOOG037",
    "google-service-period-without-duration": "GOOG038",
    "google-service-missing-recommended": "GOOG040",
    "google-conditions-missing-recommended": "GOOG041",
    "google-service-period-missing-recommended": "GOOG042",
    "google-return-missing-recommended": "GOOG043",
    "google-offer-delivery-time-missing-recommended": "GOOG044",
}
# A Country given as destination also lacks the addressCountry a DefinedRegion would carry.
# An offer's rate without an amount is also a MonetaryAmount without one.
ALSO_EXPECTED = {
    "google-destination-not-region": ("GOOG021",),
    "google-offer-rate-without-amount": ("GOOG037",),
}


@pytest.mark.parametrize("name", GOOD_DOCUMENTS)
def test_good_documents_follow_googles_rules(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    no_network = refuse_network(monkeypatch)
    assert check_jsonld_google_rules(document(name), source=name) == []
    assert no_network == []


def test_every_broken_document_has_an_expected_code_and_every_code_a_document() -> None:
    assert sorted(broken_documents("google")) == sorted(EXPECTED_CODE)
    assert {info.code for info in GOOG_CODES} == set(EXPECTED_CODE.values())


@pytest.mark.parametrize("name", broken_documents("google"))
def test_broken_document_is_caught_with_its_code_and_message(name: str) -> None:
    findings = check_jsonld_google_rules(document(name), source=f"{name}.jsonld")
    assert {f.code for f in findings} == {EXPECTED_CODE[name], *ALSO_EXPECTED.get(name, ())}
    assert_matches_golden(name, findings)


def test_unsupported_value_hint_suggests_the_closest_allowed_one() -> None:
    [finding] = check_jsonld_google_rules(document("google-return-category-unsupported"))
    assert finding.hint == "did you mean MerchantReturnUnlimitedWindow?"


@pytest.mark.parametrize(
    "name",
    [
        "google-service-missing-recommended",
        "google-conditions-missing-recommended",
        "google-service-period-missing-recommended",
        "google-return-missing-recommended",
        "google-offer-delivery-time-missing-recommended",
    ],
)
def test_a_missing_recommended_property_is_a_warning_naming_it(name: str) -> None:
    findings = check_jsonld_google_rules(document(name))
    assert findings and {f.severity for f in findings} == {"warning"}
    assert all("recommend" in f.message or "unsaid" in f.message for f in findings)


def test_a_period_without_duration_is_reported_once_not_also_as_missing_unit_and_days() -> None:
    [finding] = check_jsonld_google_rules(document("google-service-period-without-duration"))
    assert (finding.code, finding.severity) == ("GOOG038", "error")


def test_a_policy_that_takes_no_returns_or_only_links_its_terms_needs_no_recommended_property() -> None:
    for policy in (
        {"applicableCountry": "DE", "returnPolicyCategory": "MerchantReturnNotPermitted"},
        {"merchantReturnLink": "https://shop.example/returns"},
    ):
        doc = {"@context": "https://schema.org", "@type": "MerchantReturnPolicy", **policy}
        assert check_jsonld_google_rules(doc) == []


def test_a_policy_under_an_offer_is_not_asked_for_the_organization_level_properties() -> None:
    policy = {
        "@type": "MerchantReturnPolicy",
        "applicableCountry": "DE",
        "returnPolicyCategory": "MerchantReturnFiniteReturnWindow",
        "merchantReturnDays": 30,
        "returnFees": "FreeReturn",
        "returnMethod": "ReturnByMail",
    }
    offer = {"@context": "https://schema.org", "@type": "Offer", "hasMerchantReturnPolicy": policy}
    assert check_jsonld_google_rules(offer) == []
    store = {"@context": "https://schema.org", "@type": "OnlineStore", "hasMerchantReturnPolicy": policy}
    assert {f.detail.rsplit("#", 1)[-1] for f in check_jsonld_google_rules(store) if f.detail} == {
        "ReturnPolicyCountryGiven",
        "ReturnRefundTypeGiven",
    }


def test_the_docs_map_every_google_code_in_the_rule_table() -> None:
    text = (Path(__file__).parents[2] / "docs" / "jsonld-checks.md").read_text(encoding="utf-8")
    table = text[text.index("### Google's required and recommended properties") :]
    mapped = {code for info in GOOG_CODES for code in [info.code] if code in table}
    assert mapped == {info.code for info in GOOG_CODES}


def test_an_untyped_order_value_without_currency_is_still_an_amount_without_currency() -> None:
    doc = {
        "@context": "https://schema.org",
        "@type": "ShippingConditions",
        "shippingDestination": {"@type": "DefinedRegion", "addressCountry": "DE"},
        "shippingRate": {"@type": "MonetaryAmount", "value": 0, "currency": "EUR"},
        "transitTime": {"@type": "QuantitativeValue", "minValue": 1, "maxValue": 2, "unitCode": "DAY"},
        "orderValue": {"minValue": 50},
    }
    assert [f.code for f in check_jsonld_google_rules(doc)] == ["GOOG036"]


def test_a_transit_cutoff_is_only_a_warning() -> None:
    [finding] = check_jsonld_google_rules(document("google-cutoff-on-transit"))
    assert finding.severity == "warning"


def test_return_fees_in_http_spelling_pass() -> None:
    doc = {
        "@context": "http://schema.org",
        "@type": "MerchantReturnPolicy",
        "merchantReturnLink": "https://x/r",
        "returnFees": "http://schema.org/ReturnShippingFees",
        "returnShippingFeesAmount": {"@type": "MonetaryAmount", "value": 6.95, "currency": "EUR"},
    }
    assert check_jsonld_google_rules(doc) == []


def test_an_unreadable_document_is_one_ld007_finding() -> None:
    [finding] = check_jsonld_google_rules("{not json", source="page.jsonld")
    assert (finding.code, finding.file) == ("LD007", "page.jsonld")


# ---------------------------------------------------------------- the shapes file itself


def _named_shapes(shapes: Graph) -> set[URIRef]:
    return {s for s in shapes.subjects(URIRef(SH + "message"), None) if isinstance(s, URIRef)}


def test_every_reporting_shape_has_a_message_and_a_code() -> None:
    shapes = google_shapes()
    named = {str(s)[len(SHAPES_NAMESPACE) :] for s in _named_shapes(shapes)}
    assert named == set(GOOG_CODE_BY_SHAPE)
    for holder, shape in shapes.subject_objects(URIRef(SH + "property")):
        if isinstance(holder, URIRef):  # property shapes of top-level node shapes report themselves
            assert shape in _named_shapes(shapes), f"{shape} reports without a message"
    known = {info.code for info in GOOG_CODES}
    assert set(GOOG_CODE_BY_SHAPE.values()) == known


def _path_properties(shapes: Graph, path: Any) -> list[URIRef]:
    """Every property named in a SHACL path, however nested."""
    if isinstance(path, URIRef):
        return [path]
    if isinstance(path, BNode):
        if shapes.value(path, RDF.first) is not None:
            return [p for step in Collection(shapes, path) for p in _path_properties(shapes, step)]
        return [p for _, inner in shapes.predicate_objects(path) for p in _path_properties(shapes, inner)]
    return []


def _last_property(shapes: Graph, path: Any) -> URIRef | None:
    if isinstance(path, URIRef):
        return path
    if isinstance(path, BNode) and shapes.value(path, RDF.first) is not None:
        return _last_property(shapes, list(Collection(shapes, path))[-1])
    return None


def test_every_schemaorg_term_in_the_shapes_exists_where_it_is_used() -> None:
    shapes, vocabulary = google_shapes(), schemaorg_vocabulary()
    for kind in ("targetClass", "class"):
        for cls in shapes.objects(None, URIRef(SH + kind)):
            assert str(cls) in vocabulary.classes, f"sh:{kind} {cls} is not a schema.org class"
    for kind in ("targetObjectsOf", "targetSubjectsOf"):
        for prop in shapes.objects(None, URIRef(SH + kind)):
            assert str(prop) in vocabulary.properties, f"sh:{kind} {prop} is not a schema.org property"
    checked = 0
    for shape, path in shapes.subject_objects(URIRef(SH + "path")):
        for prop in _path_properties(shapes, path):
            assert str(prop) in vocabulary.properties, f"{prop} in a path is not a schema.org property"
        last = _last_property(shapes, path)
        members = [v for v in shapes.objects(shape, URIRef(SH + "hasValue"))]
        for in_list in shapes.objects(shape, URIRef(SH + "in")):
            members += list(Collection(shapes, in_list))
        for member in (m for m in members if isinstance(m, URIRef)):
            assert last is not None
            ranges = vocabulary.properties[str(last)].range
            assert any(vocabulary.is_member_of(str(member), r) for r in ranges), (
                f"{member} does not fit {last}"
            )
            checked += 1
    all_terms = {str(t) for triple in shapes for t in triple if str(t).startswith(SCHEMA)}
    known = set(vocabulary.classes) | set(vocabulary.properties) | set(vocabulary.member_types)
    assert all_terms <= known
    assert checked >= 12


def test_the_shapes_graph_the_checks_reuse_stays_the_same_from_run_to_run() -> None:
    check_jsonld_google_rules(document("good-organization"))
    settled = set(_working_shapes())
    for name in [*GOOD_DOCUMENTS, *broken_documents("google")]:
        check_jsonld_google_rules(document(name))
    assert set(_working_shapes()) == settled
    assert settled - set(google_shapes()) <= {
        (OWL.Class, RDFS.subClassOf, RDFS.Class),
        (OWL.DatatypeProperty, RDFS.subClassOf, RDF.Property),
    }


def test_the_country_list_is_iso_3166_alpha_2() -> None:
    shapes = google_shapes()
    in_list = shapes.value(URIRef(SHAPES_NAMESPACE + "IsoCountryCode"), URIRef(SH + "in"))
    assert in_list is not None
    codes = {str(c) for c in Collection(shapes, in_list)}
    assert codes == {c.alpha_2 for c in pycountry.countries}
    assert "UK" not in codes and "EU" not in codes


def test_a_destination_the_shop_does_not_ship_to_needs_no_time_or_rate() -> None:
    doc = {
        "@context": "https://schema.org",
        "@type": "Offer",
        "price": 19.0,
        "priceCurrency": "EUR",
        "shippingDetails": {
            "@type": "OfferShippingDetails",
            "doesNotShip": True,
            "shippingDestination": {"@type": "DefinedRegion", "addressCountry": "CH"},
        },
    }
    assert check_jsonld_google_rules(doc) == []
    doc["shippingDetails"]["doesNotShip"] = False  # type: ignore[index]
    assert [f.code for f in check_jsonld_google_rules(doc)] == ["GOOG030", "GOOG030", "GOOG032", "GOOG033"]
