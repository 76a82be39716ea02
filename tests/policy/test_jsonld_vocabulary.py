"""Every term the compiler writes exists: schema.org terms in release 30.0 (with fitting domains and
ranges), our own terms in schemas/shopterms.ttl."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from shopterms.policy.jsonld import SHOPTERMS_NS, compile_offer_shipping_details, compile_policy
from shopterms.policy.jsonld.performance import with_performance
from shopterms.policy.loader import load_policy
from shopterms.schemas.data import data_text
from tests.conftest import example_files
from tests.policy.evidence.figures_examples import example_figures
from tests.policy.jsonld_policies import as_list, nodes, rich_policy

S = "https://schema.org/"
JSON_LD_KEYWORDS = {"@context", "@graph", "@id", "@type"}


@cache
def _index() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(data_text("schemaorg-index.json"))
    return raw


def _ancestors(cls: str) -> set[str]:
    seen: set[str] = set()
    stack = [cls]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(_index()["classes"].get(current, {}).get("subClassOf", []))
    return seen


@cache
def _ours() -> tuple[frozenset[str], frozenset[str]]:
    from rdflib import RDF, RDFS, Graph, URIRef

    graph = Graph().parse(data=data_text("shopterms.ttl"), format="turtle")
    classes = {str(s) for s in graph.subjects(RDF.type, RDFS.Class) if str(s).startswith(SHOPTERMS_NS)}
    properties = {str(s) for s in graph.subjects(RDF.type, RDF.Property) if str(s).startswith(SHOPTERMS_NS)}
    for term in classes | properties:
        subject = URIRef(term)
        assert graph.value(subject, RDFS.label) is not None, f"{term} has no rdfs:label"
        assert graph.value(subject, RDFS.comment) is not None, f"{term} has no rdfs:comment"
    return frozenset(classes), frozenset(properties)


def _documents() -> list[tuple[str, dict[str, Any]]]:
    policies = [("rich", rich_policy())]
    for path in example_files():
        result = load_policy(path)
        assert result.policy is not None
        policies.append((path.name, result.policy))
    documents = [
        (f"{name}:{kind}", compile(policy))
        for name, policy in policies
        for kind, compile in (("org", compile_policy), ("offer", compile_offer_shipping_details))
    ]
    # The measured figures a shop may publish beside its terms (policy.jsonld.performance).
    example = next(policy for name, policy in policies if name == "nordlicht-mode.yaml")
    measured = with_performance(compile_policy(example), example, example_figures())
    return [*documents, ("nordlicht-mode.yaml:figures", measured)]


DOCUMENTS = _documents()


def _ours_iri(compact: str) -> str:
    return SHOPTERMS_NS + compact.removeprefix("shopterms:")


@pytest.mark.parametrize(("name", "document"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_every_shopterms_term_emitted_is_defined_in_the_published_vocabulary(
    name: str, document: dict[str, Any]
) -> None:
    classes, properties = _ours()
    for node in nodes(document):
        for key in node:
            if key.startswith("shopterms:"):
                assert _ours_iri(key) in properties, f"{key} is not in schemas/shopterms.ttl"
        for node_type in as_list(node.get("@type", [])):
            if node_type.startswith("shopterms:"):
                assert _ours_iri(node_type) in classes, f"{node_type} is not in schemas/shopterms.ttl"


@pytest.mark.parametrize(("name", "document"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_every_schema_org_term_exists_and_fits_its_domain_and_range(
    name: str, document: dict[str, Any]
) -> None:
    index = _index()
    for node in nodes(document):
        types = [t for t in as_list(node.get("@type", [])) if not t.startswith("shopterms:")]
        for node_type in types:
            assert node_type in index["classes"], f"class {node_type} is not in schema.org"
        for key, value in node.items():
            if key in JSON_LD_KEYWORDS or key.startswith("shopterms:"):
                continue
            assert key in index["properties"], f"property {key} is not in schema.org"
            facts = index["properties"][key]
            if types:
                assert any(set(facts["domainIncludes"]) & _ancestors(t) for t in types), f"{key} on {types}"
            for item in as_list(value):
                if isinstance(item, str) and item.startswith(S):
                    member = item.removeprefix(S)
                    assert member in index["members"], f"{item} is not a schema.org member"
                    member_classes = {a for t in index["members"][member]["type"] for a in _ancestors(t)}
                    assert member_classes & set(facts["rangeIncludes"]), f"{item} does not fit {key}"
                elif isinstance(item, dict) and "@type" in item:
                    item_types = {
                        a
                        for t in as_list(item["@type"])
                        if not t.startswith("shopterms:")
                        for a in _ancestors(t)
                    }
                    assert not item_types or item_types & set(facts["rangeIncludes"]), (
                        f"{item['@type']} in {key}"
                    )


def test_every_shopterms_term_defined_is_used_by_the_compiler() -> None:
    """Keeps the vocabulary free of dead terms."""
    used: set[str] = set()
    for _, document in DOCUMENTS:
        for node in nodes(document):
            used.update(_ours_iri(k) for k in node if k.startswith("shopterms:"))
            used.update(_ours_iri(t) for t in as_list(node.get("@type", [])) if t.startswith("shopterms:"))
    classes, properties = _ours()
    assert (classes | properties) - used == set()
