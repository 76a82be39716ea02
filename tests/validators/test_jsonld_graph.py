"""Reading JSON-LD into a graph: local context only, one spelling of schema.org, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from shopterms.validators.jsonld_graph import JsonLdError, local_context, parse_jsonld
from shopterms.validators.vocabulary import SHOPTERMS, extend_with_ontology, schemaorg_vocabulary
from tests.conftest import REPO_ROOT
from tests.validators.jsonld_fixtures import GOOD_DOCUMENTS, document, refuse_network

S = "https://schema.org/"


def _policy(**properties: object) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": "MerchantReturnPolicy",
        "@id": "#returns",
        **properties,
    }


@pytest.mark.parametrize("name", GOOD_DOCUMENTS)
def test_documents_with_the_schemaorg_context_parse_without_network(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_network = refuse_network(monkeypatch)
    graph = parse_jsonld(document(name))
    assert len(graph) > 20
    assert no_network == []


@pytest.mark.parametrize(
    "context",
    [
        "https://schema.org",
        "http://schema.org",
        "https://schema.org/",
        "http://schema.org/",
        "https://schema.org/docs/jsonldcontext.jsonld",
    ],
)
def test_every_spelling_of_the_schemaorg_context_reads_locally(
    context: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_network = refuse_network(monkeypatch)
    graph = parse_jsonld({"@context": context, "@type": "OnlineStore", "name": "Nordlicht Mode"})
    assert (None, RDF.type, URIRef(S + "OnlineStore")) in graph
    assert no_network == []


def test_a_remote_context_is_refused_without_a_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    no_network = refuse_network(monkeypatch)
    with pytest.raises(JsonLdError, match=r"\$\.@context: the context 'https://example.org/ctx.jsonld'"):
        parse_jsonld({"@context": "https://example.org/ctx.jsonld", "@type": "Thing"})
    assert no_network == []


def test_an_import_inside_a_context_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    no_network = refuse_network(monkeypatch)
    with pytest.raises(JsonLdError, match="@import"):
        parse_jsonld({"@context": {"@import": "https://example.org/ctx.jsonld"}, "@type": "Thing"})
    assert no_network == []


@pytest.mark.parametrize(
    "spelling",
    [
        "ReturnShippingFees",
        "schema:ReturnShippingFees",
        "https://schema.org/ReturnShippingFees",
        "http://schema.org/ReturnShippingFees",
        {"@id": "https://schema.org/ReturnShippingFees"},
        {"@id": "http://schema.org/ReturnShippingFees"},
        {"@id": "ReturnShippingFees"},
    ],
)
def test_enumeration_values_read_the_same_in_every_spelling(spelling: object) -> None:
    graph = parse_jsonld(_policy(returnFees=spelling))
    assert set(graph.objects(None, URIRef(S + "returnFees"))) == {URIRef(S + "ReturnShippingFees")}


def test_http_schemaorg_types_and_properties_become_https() -> None:
    graph = parse_jsonld(
        {
            "@context": {"@vocab": "http://schema.org/"},
            "@type": "http://schema.org/OnlineStore",
            "http://schema.org/legalName": "Nordlicht Mode GmbH",
            "name": "Nordlicht Mode",
        }
    )
    assert (None, RDF.type, URIRef(S + "OnlineStore")) in graph
    assert (None, URIRef(S + "legalName"), Literal("Nordlicht Mode GmbH")) in graph
    assert not [t for t in graph if any(str(part).startswith("http://schema.org/") for part in t)]


def test_a_context_list_combines_schemaorg_with_inline_terms() -> None:
    graph = parse_jsonld(
        {
            "@context": ["https://schema.org", {"shopterms": "https://shopterms.org/ns#"}],
            "@type": "OnlineStore",
            "shopterms:humanSupport": True,
        }
    )
    assert (None, URIRef("https://shopterms.org/ns#humanSupport"), Literal(True)) in graph


def test_text_that_is_not_a_member_stays_text_where_the_property_accepts_text() -> None:
    graph = parse_jsonld(
        {"@context": "https://schema.org", "@type": "Schedule", "byDay": ["Monday", "every second week"]}
    )
    assert set(graph.objects(None, URIRef(S + "byDay"))) == {
        URIRef(S + "Monday"),
        Literal("every second week"),
    }


def test_link_properties_are_iris_as_in_the_official_context() -> None:
    graph = parse_jsonld(_policy(merchantReturnLink="https://nordlicht-mode.example/returns"))
    assert (None, URIRef(S + "merchantReturnLink"), URIRef("https://nordlicht-mode.example/returns")) in graph
    assert local_context()["merchantReturnLink"]["@type"] == "@id"


def test_relative_ids_do_not_depend_on_the_working_directory() -> None:
    graph = parse_jsonld(_policy())
    subjects = {str(s) for s in graph.subjects()}
    assert subjects == {"https://document.invalid/#returns"}
    based = parse_jsonld(_policy(), base="https://nordlicht-mode.example/")
    assert {str(s) for s in based.subjects()} == {"https://nordlicht-mode.example/#returns"}


def test_named_graphs_are_read_into_the_one_graph() -> None:
    graph = parse_jsonld(
        {
            "@context": "https://schema.org",
            "@id": "https://nordlicht-mode.example/terms",
            "@graph": [{"@type": "OnlineStore", "name": "Nordlicht Mode"}],
        }
    )
    assert (None, URIRef(S + "name"), Literal("Nordlicht Mode")) in graph


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"@context": "https://schema.org",\n "name": }', r"line 2, column \d+: not JSON"),
        ('"just a string"', "an object or an array"),
        ('{"@type": "OnlineStore", "name": "Nordlicht Mode"}', "no @context says what name mean"),
    ],
)
def test_unreadable_documents_raise_a_located_error(text: str, message: str) -> None:
    with pytest.raises(JsonLdError, match=message):
        parse_jsonld(text)


def test_bytes_and_text_parse_alike() -> None:
    text = json.dumps(_policy(returnFees="FreeReturn"))
    assert len(parse_jsonld(text)) == len(parse_jsonld(text.encode("utf-8"))) == 2


def test_the_check_modules_import_without_rdflib_or_pyshacl() -> None:
    code = (
        "import sys, shopterms.validators.conformance, shopterms.validators.shapes, "
        "shopterms.validators.jsonld_graph; "
        "print(sorted(m for m in ('rdflib', 'pyshacl') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    )
    assert result.stdout.strip() == "[]"


def test_enumeration_values_of_our_own_properties_are_normalised_by_their_declared_range() -> None:
    ontology = Graph().parse(
        format="turtle",
        data="""@prefix shopterms: <https://shopterms.org/ns#> . @prefix schema: <https://schema.org/> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        shopterms:defectReturnMethod a rdf:Property ; rdfs:range schema:ReturnMethodEnumeration .""",
    )
    vocabulary = extend_with_ontology(schemaorg_vocabulary(), ontology, SHOPTERMS)
    doc = _policy(
        **{
            "@context": ["https://schema.org", {"shopterms": SHOPTERMS}],
            "shopterms:defectReturnMethod": "https://schema.org/ReturnByMail",
        }
    )
    graph = parse_jsonld(doc, vocabulary=vocabulary)
    assert (None, URIRef(SHOPTERMS + "defectReturnMethod"), URIRef(S + "ReturnByMail")) in graph
