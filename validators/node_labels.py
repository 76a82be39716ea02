"""Names for the nodes of a JSON-LD graph that a merchant can find in the document.

A node with an @id is named by its type and @id; a node without one by the way it is reached from a
named node: `OnlineStore <#shop> / hasShippingService / ShippingService "Standard"`. Siblings that would
read the same are numbered (#1, #2) in an order that depends only on their content, so two runs over
the same document name them alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shopterms.validators.jsonld_graph import DEFAULT_BASE
from shopterms.validators.vocabulary import SCHEMA, SHOPTERMS, SHOPTERMS_PREFIX

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

_MAX_DEPTH = 6


def term_name(iri: str) -> str:
    """Short name of a term: `returnFees` (schema.org), `shopterms:carrier` (ours), `#x` (relative @id)."""
    if iri.startswith(SCHEMA):
        return iri[len(SCHEMA) :]
    if iri.startswith(SHOPTERMS):
        return f"{SHOPTERMS_PREFIX}:{iri[len(SHOPTERMS) :]}"
    if iri.startswith(DEFAULT_BASE):
        return iri[len(DEFAULT_BASE) :] or "/"
    return iri


class NodeLabels:
    """Labels for the nodes of one graph, computed once each."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._cache: dict[Node, str] = {}

    def types(self, node: Node) -> list[str]:
        from rdflib import RDF

        return sorted(term_name(str(t)) for t in self.graph.objects(node, RDF.type))

    def __call__(self, node: Node, via: str | None = None) -> str:
        """The node's label; a literal is named through a node holding it (under property `via` if given)."""
        if via is not None:
            return self._literal(node, via)
        if node not in self._cache:
            self._cache[node] = self._label(node, frozenset())
        return self._cache[node]

    def _own(self, node: Node) -> str:
        from rdflib import Literal, URIRef

        kind = "+".join(self.types(node)) or "node"
        if isinstance(node, URIRef):
            return f"{kind} <{term_name(str(node))}>"
        names = [o for o in self.graph.objects(node, URIRef(SCHEMA + "name")) if isinstance(o, Literal)]
        if names:
            return f'{kind} "{sorted(str(n) for n in names)[0]}"'
        return kind

    def _label(self, node: Node, visiting: frozenset[Node]) -> str:
        from rdflib import BNode, Literal

        if isinstance(node, Literal):
            return self._literal(node, None)
        own = self._own(node)
        if not isinstance(node, BNode) or len(visiting) >= _MAX_DEPTH:
            return own
        paths = sorted(
            f"{self._label(parent, visiting | {node})} / {term_name(str(predicate))} / "
            f"{own}{self._ordinal(parent, predicate, node, own)}"
            for parent, predicate in self.graph.subject_predicates(node)
            if parent not in visiting and parent != node
        )
        return paths[0] if paths else own

    def _literal(self, node: Node, via: str | None) -> str:
        holders = sorted(
            f"{self(s)} / {term_name(str(p))}"
            for s, p in self.graph.subject_predicates(node)
            if via is None or str(p) == via
        )
        return f"{holders[0]} {str(node)!r}" if holders else repr(str(node))

    def _ordinal(self, parent: Node, predicate: Node, node: Node, own: str) -> str:
        """` #2` when the parent holds several values under this property that would read the same."""
        twins = [o for o in self.graph.objects(parent, predicate) if o != node and self._own(o) == own]
        if not twins:
            return ""
        ordered = sorted([node, *twins], key=lambda n: self._signature(n, _MAX_DEPTH))
        return f" #{ordered.index(node) + 1}"

    def _signature(self, node: Node, depth: int) -> str:
        """The node's content without blank-node ids, for a stable order among look-alike siblings."""
        from rdflib import BNode

        if not isinstance(node, BNode) or depth == 0:
            return node.n3()
        parts = sorted(
            f"{p.n3()} {self._signature(o, depth - 1)}" for p, o in self.graph.predicate_objects(node)
        )
        return "[" + "; ".join(parts) + "]"
