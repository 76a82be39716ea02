"""The vocabulary check: every type, property and value of a JSON-LD graph means something in schema.org
(or in our own vocabulary), and is used where schema.org puts it.

schema.org states domains and ranges as "includes": a property fits a node when any of the node's types,
or a type above one of them, is in its domain; a value fits when it fits any one of the ranges.
Types and properties of namespaces listed in `extra_namespaces` are accepted unchecked, unless the
vocabulary knows that namespace (our own, once schemas/shopterms.ttl exists).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from shopterms.policy.diagnostics import Diagnostic
from shopterms.validators.codes_jsonld import LD_CODES
from shopterms.validators.jsonld_graph import JsonLdError, parse_jsonld
from shopterms.validators.lexical_forms import expected_form, fits_datatype
from shopterms.validators.node_labels import NodeLabels, term_name
from shopterms.validators.vocabulary import SCHEMA, SHOPTERMS, Vocabulary, default_vocabulary

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

DEFAULT_EXTRA_NAMESPACES: tuple[str, ...] = (SHOPTERMS,)
_SEVERITY = {info.code: info.severity for info in LD_CODES}
_TEXTUAL = frozenset({SCHEMA + "Text", SCHEMA + "URL"})


def check_conformance(
    graph: Graph,
    *,
    source: str = "<jsonld>",
    vocabulary: Vocabulary | None = None,
    extra_namespaces: Iterable[str] = DEFAULT_EXTRA_NAMESPACES,
) -> list[Diagnostic]:
    """LD001 to LD008 findings for a graph from `validators.jsonld_graph.parse_jsonld`, in a stable order."""
    checker = _Checker(graph, vocabulary or default_vocabulary(), source, tuple(extra_namespaces))
    return checker.run()


def check_jsonld_conformance(
    document: str | bytes | Mapping[str, Any] | list[Any],
    *,
    source: str = "<jsonld>",
    base: str | None = None,
    vocabulary: Vocabulary | None = None,
    extra_namespaces: Iterable[str] = DEFAULT_EXTRA_NAMESPACES,
) -> list[Diagnostic]:
    """Parse a JSON-LD document and check it; an unreadable document is one LD007 finding."""
    try:
        graph = parse_jsonld(document, base=base, vocabulary=vocabulary)
    except JsonLdError as error:
        return [_diagnostic("LD007", f"cannot read the document as JSON-LD: {error}", source)]
    return check_conformance(graph, source=source, vocabulary=vocabulary, extra_namespaces=extra_namespaces)


def _diagnostic(code: str, message: str, source: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(code=code, severity=_SEVERITY[code], message=message, file=source, hint=hint)


def _did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return f"did you mean {close[0]}?" if close else None


class _Checker:
    def __init__(self, graph: Graph, vocabulary: Vocabulary, source: str, extra: tuple[str, ...]) -> None:
        self.graph, self.vocab, self.source, self.extra = graph, vocabulary, source, extra
        self.label = NodeLabels(graph)
        self.found: list[tuple[str, str, Diagnostic]] = []

    def report(self, node: Node, code: str, message: str, hint: str | None = None) -> None:
        self.found.append((self.label(node), code, _diagnostic(code, message, self.source, hint)))

    def run(self) -> list[Diagnostic]:
        for node in set(self.graph.subjects()):
            self.check_node(node)
        unique = {(label, d.code, d.message): d for label, _, d in self.found}
        return [unique[key] for key in sorted(unique)]

    def unchecked(self, iri: str) -> bool:
        """A term of a namespace we accept without knowing its terms."""
        return not self.vocab.checks(iri) and any(iri.startswith(ns) for ns in self.extra)

    def foreign_hint(self) -> str:
        accepted = ", ".join((*self.vocab.checked_namespaces, *self.extra))
        return f"only terms of these vocabularies are accepted: {accepted}"

    def vocabulary_name(self, iri: str) -> str:
        return "the shopterms vocabulary" if iri.startswith(SHOPTERMS) else "schema.org"

    # -- nodes and their types

    def check_node(self, node: Node) -> None:
        from rdflib import RDF, URIRef

        types = [str(t) for t in self.graph.objects(node, RDF.type) if isinstance(t, URIRef)]
        classes = [t for t in types if t in self.vocab.classes]
        for iri in types:
            if iri in self.vocab.classes:
                self.check_superseded(node, iri)
            elif not self.unchecked(iri):
                self.unknown_type(node, iri)
        opaque = any(self.unchecked(t) for t in types)
        if not types:
            self.report(node, "LD008", f"{self.label(node)} has properties but no @type")
        for predicate, value in self.graph.predicate_objects(node):
            if predicate != RDF.type:
                self.check_statement(
                    node, str(predicate), value, classes, opaque or len(classes) < len(types)
                )

    def unknown_type(self, node: Node, iri: str) -> None:
        name = term_name(iri)
        hint: str | None
        if iri in self.vocab.member_types:
            of = ", ".join(term_name(t) for t in self.vocab.member_types[iri])
            hint = f"{name} is a value of {of}; use it as a property value, and a type such as {of} as @type"
        else:
            namespace = SCHEMA if not iri.startswith(SHOPTERMS) else SHOPTERMS
            local = iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
            hint = _did_you_mean(local, self.vocab.names_in(namespace, self.vocab.classes))
            if not self.vocab.checks(iri):
                hint = self.foreign_hint()
        where = self.vocabulary_name(iri)
        self.report(node, "LD001", f"{self.label(node)} has type {name}, which {where} does not define", hint)

    def check_superseded(self, node: Node, iri: str, prop: str | None = None) -> None:
        replacement = self.vocab.superseded_by.get(iri)
        if replacement:
            at = f" (value of {term_name(prop)})" if prop else ""
            self.report(
                node,
                "LD006",
                f"{self.label(node)} uses {term_name(iri)}{at}, which schema.org has superseded",
                f"use {term_name(replacement)} instead",
            )

    # -- properties

    def check_statement(self, node: Node, prop: str, value: Node, classes: list[str], opaque: bool) -> None:
        facts = self.vocab.properties.get(prop)
        if facts is None:
            if not self.unchecked(prop):
                self.unknown_property(node, prop, classes)
            return
        self.check_superseded(node, prop)
        domain_ok = not facts.domain or any(facts.domain & self.vocab.ancestors(c) for c in classes)
        if classes and not domain_ok and not opaque:
            on = ", ".join(sorted(term_name(d) for d in facts.domain))
            types = "/".join(term_name(c) for c in classes)
            self.report(
                node,
                "LD003",
                f"{self.label(node)} uses {term_name(prop)}, which {self.vocabulary_name(prop)} "
                f"does not define for {types}",
                f"{term_name(prop)} belongs on {on}",
            )
        if facts.range:
            self.check_value(node, prop, value, facts.range)

    def unknown_property(self, node: Node, prop: str, classes: list[str]) -> None:
        name = term_name(prop)
        local = prop.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        namespace = SHOPTERMS if prop.startswith(SHOPTERMS) else SCHEMA
        fitting = [
            p[len(namespace) :]
            for p, f in self.vocab.properties.items()
            if p.startswith(namespace)
            and (not f.domain or any(f.domain & self.vocab.ancestors(c) for c in classes))
        ]
        hint = _did_you_mean(local, fitting) or _did_you_mean(
            local, self.vocab.names_in(namespace, self.vocab.properties)
        )
        if not self.vocab.checks(prop):
            hint = self.foreign_hint()
        where = self.vocabulary_name(prop)
        self.report(node, "LD002", f"{self.label(node)} uses {name}, which {where} does not define", hint)

    # -- values

    def check_value(self, node: Node, prop: str, value: Node, ranges: frozenset[str]) -> None:
        from rdflib import Literal, URIRef

        enums = sorted(r for r in ranges if self.vocab.is_enumeration(r))
        if isinstance(value, Literal):
            if any(fits_datatype(value, r) for r in ranges if r in self.vocab.datatypes):
                return
            if enums and not ranges & self.vocab.datatypes:
                self.not_a_member(node, prop, repr(str(value)), str(value), enums)
            else:
                self.out_of_range(node, prop, _shown(value), ranges)
            return
        iri = str(value) if isinstance(value, URIRef) else None
        if iri in self.vocab.member_types:
            self.check_superseded(node, iri, prop)
            if any(self.vocab.is_member_of(iri, r) for r in ranges) or ranges & _TEXTUAL:
                return
            if enums:
                self.not_a_member(node, prop, term_name(iri), term_name(iri), enums)
            else:
                self.out_of_range(node, prop, term_name(iri), ranges)
            return
        self.check_node_value(node, prop, value, ranges, enums)

    def check_node_value(
        self, node: Node, prop: str, value: Node, ranges: frozenset[str], enums: list[str]
    ) -> None:
        from rdflib import RDF, URIRef

        types = [str(t) for t in self.graph.objects(value, RDF.type)]
        described = types or any(True for _ in self.graph.predicate_objects(value))
        is_iri = isinstance(value, URIRef)
        if not described and is_iri and str(value).startswith(SCHEMA) and enums:
            local = str(value)[len(SCHEMA) :]
            self.not_a_member(node, prop, local, local, enums)
        elif is_iri and ranges & _TEXTUAL:
            return  # any IRI is a URL, and a URL is Text
        elif not types:
            if ranges - self.vocab.datatypes:
                return  # an untyped node or a reference: nothing to compare (LD008 covers untyped nodes)
            self.out_of_range(node, prop, _shown_node(value, is_iri), ranges)
        elif any(ranges & self.vocab.ancestors(t) for t in types if t in self.vocab.classes):
            return
        elif any(self.unchecked(t) for t in types) or not any(t in self.vocab.classes for t in types):
            return  # types we cannot place (unknown ones are LD001 already)
        else:
            shown = _article("/".join(term_name(t) for t in sorted(types)))
            self.out_of_range(node, prop, shown, ranges)

    def not_a_member(self, node: Node, prop: str, shown: str, word: str, enums: list[str]) -> None:
        members = sorted({term_name(m) for e in enums for m in self.vocab.members_of(e)})
        hint = _did_you_mean(word.rsplit("/", 1)[-1].rsplit(":", 1)[-1], members)
        if hint is None and len(members) <= 8:
            hint = "use one of " + ", ".join(members)
        kinds = " or ".join(term_name(e) for e in enums)
        message = f"{self.label(node)}: {term_name(prop)} is {shown}, which is not {_article(kinds)} value"
        self.report(node, "LD005", message, hint)

    def out_of_range(self, node: Node, prop: str, shown: str, ranges: frozenset[str]) -> None:
        expected = [
            expected_form(r) if r in self.vocab.datatypes else _article(term_name(r)) for r in sorted(ranges)
        ]
        wanted = expected[0] if len(expected) == 1 else ", ".join(expected[:-1]) + " or " + expected[-1]
        message = f"{self.label(node)}: {term_name(prop)} expects {wanted}, but the value is {shown}"
        self.report(node, "LD004", message)


def _article(name: str) -> str:
    return f"an {name}" if name[:1] in "AEIOU" else f"a {name}"


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text) if value.datatype is None or "string" in str(value.datatype) else text


def _shown_node(value: Node, is_iri: bool) -> str:
    return f"the link {term_name(str(value))}" if is_iri else "a node without @type"
