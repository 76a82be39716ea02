"""A shop page (live or saved HTML) or a JSON-LD document as draft facts.

The markup is read exactly as `shopterms check` and `compare` read it (validators.compare.markup: every
JSON-LD script, microdata and RDFa, one graph). This module only turns that RDF graph into the core's
plain `MarkupGraph` — with the schema.org ancestors of each type and the position where the source
first names each node, since RDF keeps no order — and the core drafts the facts from it.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.markup import draft_from_markup
from shopterms.policy.drafting.markup_graph import MarkupGraph, Node, Value
from shopterms.policy.drafting.problems import ImportProblem

_QUOTED = re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"')

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node as RdfNode


def read_page_source(html: str, base_url: str, source: str) -> SourceDraft:
    from shopterms.validators.compare.markup import read_markup

    page, notes = read_markup(html, source, base_url)
    if len(page.graph) == 0:
        detail = f" ({'; '.join(notes)})" if notes else ""
        raise ImportProblem(f"the page has no schema.org markup (JSON-LD, microdata or RDFa){detail}")
    return draft_from_markup(markup_graph(page.graph, html), source, "page's markup", notes)


def read_jsonld_source(text: str, source: str) -> SourceDraft:
    from shopterms.validators.compare.markup import MarkupError, read_jsonld_document

    try:
        page, notes = read_jsonld_document(text, source)
    except MarkupError as error:
        raise ImportProblem(f"cannot be read as JSON-LD: {error}") from None
    return draft_from_markup(markup_graph(page.graph, text), source, "JSON-LD", notes)


def markup_graph(graph: Graph, text: str) -> MarkupGraph:
    """The RDF graph as plain statements; `text` is the source, searched for where each node is named."""
    from rdflib import RDF, BNode, Literal

    from shopterms.validators.vocabulary import default_vocabulary

    def plain(node: RdfNode) -> Value:
        if isinstance(node, Literal):
            return str(node)
        return Node(str(node), blank=isinstance(node, BNode))

    statements = [(plain(s), str(p), plain(o)) for s, p, o in graph]
    vocabulary = default_vocabulary()
    kinds = {str(kind) for kind in graph.objects(None, RDF.type)}
    ancestors = {kind: frozenset(vocabulary.ancestors(kind)) for kind in kinds}
    return MarkupGraph(
        [(s, p, o) for s, p, o in statements if isinstance(s, Node)],
        ancestors,
        _positions(statements, text),
    )


def _positions(statements: list[tuple[Value, str, Value]], text: str) -> dict[Node, int]:
    """Where the source first names each node: its IRI in quotes, or, for a blank node, one of its
    texts in quotes (the name of an exclusion, the number of a contact point). The quoted strings of
    the source are indexed once, so a large page costs one pass."""
    first: dict[str, int] = {}
    for match in _QUOTED.finditer(text):
        first.setdefault(match.group(1), match.start())
    positions: dict[Node, int] = {}

    def seen(node: Node, value: str) -> None:
        found = first.get(json.dumps(value, ensure_ascii=False)[1:-1])
        if found is not None and found < positions.get(node, len(text)):
            positions[node] = found

    for subject, _predicate, value in statements:
        if not isinstance(subject, Node):
            continue
        if not subject.blank:
            seen(subject, subject.key)
        elif isinstance(value, str) and len(value) > 3:
            seen(subject, value)
        if isinstance(value, Node) and not value.blank:
            seen(value, value.key)
    return positions
