"""Reading the schema.org graph of a page: typed values, nodes by type, and where each value is written.

Values in microdata arrive as text ("30", "true"); values in JSON-LD arrive typed. The readers here take
both, so a fact reads the same whatever syntax the page uses. Blank nodes are named by the path from
the nearest node with an @id (or from the top-level item), chosen so that two runs name them alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Literal

from shopterms.policy.compare.provenance import PageSource
from shopterms.validators.node_labels import term_name
from shopterms.validators.vocabulary import SCHEMA, SHOPTERMS, Vocabulary, schemaorg_vocabulary

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

Syntax = Literal["json-ld", "microdata", "rdfa"]
_TRUE, _FALSE = {"true", "1", "yes"}, {"false", "0", "no"}


def schema(name: str) -> str:
    return SCHEMA + name


def ours(name: str) -> str:
    return SHOPTERMS + name


class PageGraph:
    """One page's markup as a graph, with the syntax of every statement and the page's address."""

    def __init__(
        self, graph: Graph, url: str, syntax_by_triple: Mapping[tuple[Node, Node, Node], Syntax]
    ) -> None:
        self.graph = graph
        self.url = url
        self.syntax_by_triple = syntax_by_triple
        self.vocabulary: Vocabulary = schemaorg_vocabulary()
        self._names: dict[Node, tuple[str | None, tuple[str, ...]]] = {}

    # ------------------------------------------------------------------ nodes and values

    def types(self, node: Node) -> list[str]:
        from rdflib import RDF

        return sorted(str(kind) for kind in self.graph.objects(node, RDF.type))

    def is_a(self, node: Node, *classes: str) -> bool:
        wanted = {schema(name) for name in classes}
        return any(wanted & self.vocabulary.ancestors(kind) for kind in self.types(node))

    def of_type(self, *classes: str) -> list[Node]:
        from rdflib import RDF

        found = {subject for subject in self.graph.subjects(RDF.type, None) if self.is_a(subject, *classes)}
        return sorted(found, key=self.sort_key)

    def values(self, node: Node, iri: str) -> list[Node]:
        from rdflib import URIRef

        return sorted(self.graph.objects(node, URIRef(iri)), key=self.sort_key)

    def value(self, node: Node, iri: str) -> Node | None:
        found = self.values(node, iri)
        return found[0] if found else None

    def text(self, node: Node, iri: str) -> str | None:
        from rdflib import Literal

        found = self.value(node, iri)
        if isinstance(found, Literal):
            return str(found).strip() or None
        return None if found is None else self.member(found)

    def texts(self, node: Node, iri: str) -> list[str]:
        return [text for item in self.values(node, iri) if (text := self.word(item))]

    def word(self, item: Node) -> str | None:
        from rdflib import Literal

        return (str(item).strip() or None) if isinstance(item, Literal) else self.member(item)

    def member(self, node: Node) -> str | None:
        """`FreeReturn` for the schema.org IRI of an enumeration member; the IRI itself otherwise."""
        from rdflib import URIRef

        if not isinstance(node, URIRef):
            return None
        text = str(node)
        return text[len(SCHEMA) :] if text.startswith(SCHEMA) else text

    def number(self, node: Node, iri: str) -> Decimal | None:
        text = self.text(node, iri)
        if text is None:
            return None
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation:
            return None

    def integer(self, node: Node, iri: str) -> int | None:
        found = self.number(node, iri)
        return int(found) if found is not None and found == int(found) and found >= 0 else None

    def boolean(self, node: Node, iri: str) -> bool | None:
        text = (self.text(node, iri) or "").lower().removeprefix(SCHEMA.lower())
        return True if text in _TRUE else False if text in _FALSE else None

    def date(self, node: Node, iri: str) -> dt.date | None:
        text = self.text(node, iri)
        try:
            return dt.date.fromisoformat(text[:10]) if text else None
        except ValueError:
            return None

    def sort_key(self, node: Node) -> tuple[int, str]:
        """Nodes with an @id by it; blank nodes by their path and content, never by their random label."""
        from rdflib import BNode

        if isinstance(node, BNode):
            owner, via = self._name(node, frozenset())
            return (1, f"{owner}/{'/'.join(via)}/{self._content(node, 3)}")
        return (0, str(node))

    def _content(self, node: Node, depth: int) -> str:
        """What a blank node says, nested blank nodes included a few levels down."""
        from rdflib import BNode

        if not isinstance(node, BNode):
            return str(node)
        if depth == 0:
            return "…"
        parts = sorted(f"{p}={self._content(o, depth - 1)}" for p, o in self.graph.predicate_objects(node))
        return "{" + "|".join(parts) + "}"

    # ------------------------------------------------------------------ provenance

    def source(self, node: Node, iri: str) -> PageSource:
        """Where the value of `iri` on `node` is written."""
        from rdflib import URIRef

        owner, via = self._name(node, frozenset())
        syntaxes = {
            self.syntax_by_triple[(node, URIRef(iri), value)]
            for value in self.graph.objects(node, URIRef(iri))
            if (node, URIRef(iri), value) in self.syntax_by_triple
        }
        kinds = [term_name(kind) for kind in self.types(node)]
        return PageSource(
            url=self.url,
            syntax=sorted(syntaxes)[0] if syntaxes else self._any_syntax(node),
            node=owner,
            via="/".join(via),
            type="+".join(kinds) or "Thing",
            property=term_name(iri),
        )

    def sources(self, pairs: Iterable[tuple[Node, str]]) -> list[PageSource]:
        found: list[PageSource] = []
        for node, iri in pairs:
            source = self.source(node, iri)
            if source not in found:
                found.append(source)
        return found

    def _any_syntax(self, node: Node) -> Syntax:
        found = sorted(
            syntax for (subject, _p, _o), syntax in self.syntax_by_triple.items() if subject == node
        )
        return found[0] if found else "json-ld"

    def _name(self, node: Node, seen: frozenset[Node]) -> tuple[str | None, tuple[str, ...]]:
        from rdflib import BNode

        if not isinstance(node, BNode):
            return str(node), ()
        if node in self._names:
            return self._names[node]
        options = []
        for parent, predicate in self.graph.subject_predicates(node):
            if parent in seen or parent == node:
                continue
            owner, via = self._name(parent, seen | {node})
            options.append((owner is None, len(via), owner or "", (*via, term_name(str(predicate)))))
        best = min(options) if options else (True, 0, "", ())
        result = (None if best[0] else best[2], best[3])
        if not seen:
            self._names[node] = result
        return result
