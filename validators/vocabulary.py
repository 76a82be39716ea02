"""The vocabulary a JSON-LD document is checked against: schema.org (from schemas/schemaorg-index.json)
plus, when schemas/shopterms.ttl exists, the terms of our own namespace.

Every term is keyed by its full IRI, so schema.org and shopterms terms are handled alike.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from shopterms.schemas.data import data_text

if TYPE_CHECKING:
    from rdflib import Graph

SCHEMA = "https://schema.org/"
SHOPTERMS = "https://shopterms.org/ns#"
SHOPTERMS_PREFIX = "shopterms"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDFS_LITERAL = "http://www.w3.org/2000/01/rdf-schema#Literal"

# Datatypes an ontology in Turtle names with XSD; the checks speak schema.org.
SCHEMA_DATATYPE_BY_XSD = {
    XSD + "string": SCHEMA + "Text",
    XSD + "anyURI": SCHEMA + "URL",
    XSD + "integer": SCHEMA + "Integer",
    XSD + "nonNegativeInteger": SCHEMA + "Integer",
    XSD + "decimal": SCHEMA + "Number",
    XSD + "double": SCHEMA + "Number",
    XSD + "boolean": SCHEMA + "Boolean",
    XSD + "date": SCHEMA + "Date",
    XSD + "dateTime": SCHEMA + "DateTime",
    XSD + "time": SCHEMA + "Time",
    XSD + "duration": SCHEMA + "Duration",
    RDFS_LITERAL: SCHEMA + "Text",
}


@dataclass(frozen=True)
class PropertyFacts:
    domain: frozenset[str]
    range: frozenset[str]


@dataclass
class Vocabulary:
    """Classes, properties and named members, with the namespaces whose every term must be listed here."""

    release: str
    classes: dict[str, tuple[str, ...]]  # class → direct superclasses
    properties: dict[str, PropertyFacts]
    member_types: dict[str, tuple[str, ...]]  # enumeration member (or True/False) → its classes
    superseded_by: dict[str, str]
    datatypes: frozenset[str]
    checked_namespaces: tuple[str, ...] = (SCHEMA,)
    _ancestors: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def ancestors(self, cls: str) -> frozenset[str]:
        """The class itself and every class above it."""
        known = self._ancestors.get(cls)
        if known is None:
            seen: set[str] = set()
            stack = [cls]
            while stack:
                current = stack.pop()
                if current not in seen:
                    seen.add(current)
                    stack.extend(self.classes.get(current, ()))
            known = self._ancestors[cls] = frozenset(seen)
        return known

    def is_enumeration(self, cls: str) -> bool:
        return SCHEMA + "Enumeration" in self.ancestors(cls) and cls != SCHEMA + "Enumeration"

    def is_member_of(self, member: str, cls: str) -> bool:
        return any(cls in self.ancestors(t) for t in self.member_types.get(member, ()))

    def members_of(self, cls: str) -> list[str]:
        return sorted(m for m in self.member_types if self.is_member_of(m, cls))

    def checks(self, iri: str) -> bool:
        """Whether terms in this IRI's namespace must exist in this vocabulary."""
        return any(iri.startswith(ns) for ns in self.checked_namespaces)

    def names_in(self, namespace: str, terms: dict[str, Any]) -> list[str]:
        return [iri[len(namespace) :] for iri in terms if iri.startswith(namespace)]


def _from_index(raw: dict[str, Any]) -> Vocabulary:
    def iris(names: list[str]) -> tuple[str, ...]:
        return tuple(SCHEMA + n for n in names)

    superseded: dict[str, str] = {}
    for section in ("classes", "properties", "members"):
        for name, facts in raw[section].items():
            if isinstance(facts.get("supersededBy"), str):
                superseded[SCHEMA + name] = SCHEMA + facts["supersededBy"]
    return Vocabulary(
        release=raw["release"],
        classes={SCHEMA + n: iris(f["subClassOf"]) for n, f in raw["classes"].items()},
        properties={
            SCHEMA + n: PropertyFacts(
                frozenset(iris(f["domainIncludes"])), frozenset(iris(f["rangeIncludes"]))
            )
            for n, f in raw["properties"].items()
        },
        member_types={SCHEMA + n: iris(f["type"]) for n, f in raw["members"].items()},
        superseded_by=superseded,
        datatypes=frozenset(iris(raw["datatypes"])),
    )


@cache
def schemaorg_vocabulary() -> Vocabulary:
    text = data_text("schemaorg-index.json")
    return _from_index(json.loads(text))


def shopterms_ontology() -> str | None:
    """The Turtle text of our own vocabulary, or None while schemas/shopterms.ttl does not exist."""
    source = resources.files("shopterms.schemas").joinpath("shopterms.ttl")
    return source.read_text(encoding="utf-8") if source.is_file() else None


def default_vocabulary() -> Vocabulary:
    """schema.org, extended by schemas/shopterms.ttl when present (then shopterms: terms are checked too)."""
    ontology = shopterms_ontology()
    if ontology is None:
        return schemaorg_vocabulary()
    return _extended_cached(ontology)


@cache
def _extended_cached(turtle: str) -> Vocabulary:
    from rdflib import Graph

    return extend_with_ontology(
        schemaorg_vocabulary(), Graph().parse(data=turtle, format="turtle"), SHOPTERMS
    )


def extend_with_ontology(base: Vocabulary, ontology: Graph, namespace: str) -> Vocabulary:
    """A copy of `base` that also knows the classes, properties and members an RDFS/OWL ontology declares
    in `namespace`; domains and ranges come from schema:domainIncludes/rangeIncludes or rdfs:domain/range."""
    from rdflib import OWL, RDF, RDFS, URIRef

    schema_domain, schema_range = URIRef(SCHEMA + "domainIncludes"), URIRef(SCHEMA + "rangeIncludes")
    class_kinds = {RDFS.Class, OWL.Class}
    property_kinds = {RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}

    def mine(node: object) -> bool:
        return isinstance(node, URIRef) and str(node).startswith(namespace)

    def values(subject: URIRef, *predicates: URIRef) -> frozenset[str]:
        found = {str(o) for p in predicates for o in ontology.objects(subject, p) if isinstance(o, URIRef)}
        return frozenset(SCHEMA_DATATYPE_BY_XSD.get(iri, iri) for iri in found)

    classes = dict(base.classes)
    properties = dict(base.properties)
    members = dict(base.member_types)
    superseded = dict(base.superseded_by)
    for subject, kind in ontology.subject_objects(RDF.type):
        if not mine(subject):
            continue
        assert isinstance(subject, URIRef)
        if kind in class_kinds:
            classes[str(subject)] = tuple(sorted(values(subject, RDFS.subClassOf)))
        elif kind in property_kinds:
            properties[str(subject)] = PropertyFacts(
                values(subject, schema_domain, RDFS.domain), values(subject, schema_range, RDFS.range)
            )
        elif isinstance(kind, URIRef):
            members[str(subject)] = tuple(sorted({*members.get(str(subject), ()), str(kind)}))
        for replacement in ontology.objects(subject, URIRef(SCHEMA + "supersededBy")):
            superseded[str(subject)] = str(replacement)
    return Vocabulary(
        release=base.release,
        classes=classes,
        properties=properties,
        member_types=members,
        superseded_by=superseded,
        datatypes=base.datatypes,
        checked_namespaces=(*base.checked_namespaces, namespace),
    )
