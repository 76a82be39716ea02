"""The schema.org markup embedded in a page, read into one graph: JSON-LD blocks, microdata and RDFa.

Each JSON-LD block is read on its own, so one broken block is named and skipped instead of hiding the
rest; microdata and RDFa come from extruct. Everything goes through validators.jsonld_graph, which
needs no network and gives every spelling of schema.org one form. Nothing here fetches anything.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from validators.compare.page_graph import PageGraph, Syntax
from validators.jsonld_graph import JsonLdError, is_schemaorg_context, parse_jsonld

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

_COMMENT_MARKS = re.compile(r"^\s*<!--|-->\s*$")


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


def _jsonld_blocks(tree: Any) -> list[str]:
    return [script.text or "" for script in tree.xpath('//script[@type="application/ld+json"]')]


def _microdata_item(item: Any) -> Any:
    """extruct writes a microdata itemid as `id`; JSON-LD calls it @id."""
    if isinstance(item, list):
        return [_microdata_item(entry) for entry in item]
    if not isinstance(item, dict):
        return item
    return {
        ("@id" if key == "id" and isinstance(value, str) else key): _microdata_item(value)
        for key, value in item.items()
    }


def read_markup(html: str | bytes, url: str, base: str | None = None) -> tuple[PageGraph, list[str]]:
    """The page's markup as a graph, and notes on what could not be read; raises MarkupError for a page
    that is not HTML at all."""
    import extruct
    from lxml import etree
    from lxml import html as lxml_html
    from rdflib import Graph

    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError) as error:
        raise MarkupError(f"not an HTML page ({error})") from None
    collected = _Collected(Graph())
    for number, block in enumerate(_jsonld_blocks(tree), start=1):
        try:
            document = json.loads(_COMMENT_MARKS.sub("", block.strip()), strict=False)
        except json.JSONDecodeError as error:
            collected.notes.append(
                f"JSON-LD block {number} is not JSON (line {error.lineno}, column {error.colno})"
            )
            continue
        collected.add(document, "json-ld", base, f"JSON-LD block {number}")
    try:
        found = extruct.extract(
            html, base_url=base, syntaxes=["microdata", "rdfa"], uniform=True, errors="strict"
        )
    except Exception as error:  # extruct raises whatever its parsers raise
        collected.notes.append(f"microdata and RDFa could not be read ({type(error).__name__})")
        found = {}
    for number, item in enumerate(found.get("microdata", []), start=1):
        context = item.get("@context", "") if isinstance(item, dict) else ""
        if not (isinstance(context, str) and is_schemaorg_context(context)):
            collected.notes.append(
                f"microdata item {number} is not schema.org ({context or 'no vocabulary'})"
            )
            continue
        collected.add(_microdata_item(item), "microdata", base, f"microdata item {number}")
    rdfa = found.get("rdfa", [])
    if rdfa:
        collected.add(rdfa, "rdfa", base, "the RDFa")
    return PageGraph(collected.graph, url, collected.syntax_by_triple), collected.notes


def read_jsonld_document(text: str, url: str, base: str | None = None) -> tuple[PageGraph, list[str]]:
    """A JSON-LD document on its own (e.g. a compiled policy.jsonld) as a page graph."""
    from rdflib import Graph

    collected = _Collected(Graph())
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise MarkupError(f"line {error.lineno}, column {error.colno}: not JSON ({error.msg})") from None
    collected.add(document, "json-ld", base, "the document")
    if collected.notes:
        raise MarkupError(collected.notes[0])
    return PageGraph(collected.graph, url, collected.syntax_by_triple), collected.notes
