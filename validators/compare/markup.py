"""The schema.org markup embedded in a page, read into one graph: JSON-LD blocks, microdata and RDFa.

One broken block is named and skipped instead of hiding the rest. Everything goes through
validators.jsonld_graph, which needs no network and gives every spelling of schema.org one form.
Nothing here fetches anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from shopterms.validators.bounded_json import TooDeep, load_json
from shopterms.validators.compare.page_graph import PageGraph, Syntax
from shopterms.validators.fetch.limits import DEFAULT_LIMITS, Limits
from shopterms.validators.jsonld_graph import DEFAULT_BASE, JsonLdError, parse_jsonld

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node


class MarkupError(ValueError):
    """A page whose markup cannot be read at all."""


@dataclass
class _Collected:
    graph: Graph
    syntax_by_triple: dict[tuple[Node, Node, Node], Syntax] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, document: Any, syntax: Syntax, base: str | None, label: str) -> None:
        try:
            parsed = parse_jsonld(document, base=base)
        except JsonLdError as error:
            self.notes.append(f"{label} was skipped: {error}")
            return
        for triple in parsed:
            self.graph.add(triple)
            self.syntax_by_triple.setdefault(triple, syntax)


def read_markup(
    html: str, url: str, base: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> tuple[PageGraph, list[str]]:
    """The page's markup as a graph, and notes on what could not be read.

    The blocks come from `shopterms check`'s reader (validators.page.blocks), so both commands see a page
    alike: each JSON-LD script on its own, microdata and RDFa turned into JSON-LD documents."""
    from rdflib import Graph

    from shopterms.validators.page.blocks import page_data

    found = page_data(html, base or DEFAULT_BASE, limits)
    collected = _Collected(Graph())
    for over in found.over_limit:
        collected.notes.append(f"line {over.location.line}, column {over.location.column}: {over.reason}")
    for unreadable in found.unreadable:
        where = unreadable.location
        collected.notes.append(
            f"the JSON-LD at line {where.line}, column {where.column} is not JSON ({unreadable.reason})"
        )
    for block in found.blocks:
        label = f"the {block.syntax} at line {block.location.line}"
        collected.add(block.document, block.syntax, base, label)  # type: ignore[arg-type]
    return PageGraph(collected.graph, url, collected.syntax_by_triple), collected.notes


def read_jsonld_document(
    text: str, url: str, base: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> tuple[PageGraph, list[str]]:
    """A JSON-LD document on its own (e.g. a compiled policy.jsonld) as a page graph."""
    from rdflib import Graph

    from shopterms.policy.locate import position_of

    collected = _Collected(Graph())
    try:
        document = load_json(text, limits.max_json_depth)
    except TooDeep as error:
        line, column = position_of(text, error.pos)
        raise MarkupError(f"line {line}, column {column}: the document is {error}") from None
    except json.JSONDecodeError as error:
        raise MarkupError(f"line {error.lineno}, column {error.colno}: not JSON ({error.msg})") from None
    collected.add(document, "json-ld", base, "the document")
    if collected.notes:
        raise MarkupError(collected.notes[0])
    return PageGraph(collected.graph, url, collected.syntax_by_triple), collected.notes
