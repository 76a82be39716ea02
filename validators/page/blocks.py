"""The structured data of a page as JSON-LD documents, each with the line it starts on.

JSON-LD comes from every `<script type="application/ld+json">`; microdata and RDFa are read with extruct
and turned into JSON-LD, so all three reach the same checks and the same graph form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from shopterms.policy.diagnostics import Location
from shopterms.validators.page.microdata import microdata_document, rdfa_documents


@dataclass(frozen=True)
class Block:
    """One JSON-LD document found on the page."""

    syntax: str  # json-ld | microdata | rdfa
    document: Any
    location: Location


@dataclass(frozen=True)
class UnreadableBlock:
    """A JSON-LD script whose text is not JSON."""

    location: Location
    reason: str


@dataclass(frozen=True)
class PageData:
    blocks: list[Block] = field(default_factory=list)
    unreadable: list[UnreadableBlock] = field(default_factory=list)


def _tree(html: str) -> Any:
    import lxml.html

    try:
        return lxml.html.document_fromstring(html or "<html></html>")
    except Exception:  # lxml raises several kinds for empty or binary input
        return lxml.html.document_fromstring("<html></html>")


def _script_start(html_lines: list[str], line: int) -> Location:
    text = html_lines[line - 1] if 0 < line <= len(html_lines) else ""
    column = text.lower().find("<script") + 1 or 1
    return Location(line, column, line, column + len("<script"))


def page_data(html: str, base_url: str) -> PageData:
    import extruct

    tree = _tree(html)
    lines = html.splitlines()
    data = PageData()
    for script in tree.iter("script"):
        if (script.get("type") or "").split(";")[0].strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        where = _script_start(lines, script.sourceline or 1)
        try:
            document = json.loads(_without_html_comment(text))
        except json.JSONDecodeError as error:
            line = (script.sourceline or 1) + text[: error.pos].count("\n")
            column = error.colno if text[: error.pos].count("\n") else where.column
            data.unreadable.append(UnreadableBlock(Location(line, column, line, column + 1), error.msg))
            continue
        data.blocks.append(Block("json-ld", document, where))
    found = extruct.extract(html, base_url=base_url, syntaxes=["microdata", "rdfa"], errors="ignore")
    scopes = [element for element in tree.iter() if _top_level_item(element)]
    for index, item in enumerate(found.get("microdata", [])):
        line = scopes[index].sourceline if index < len(scopes) else 1
        data.blocks.append(Block("microdata", microdata_document(item), Location(line or 1, 1, line or 1, 2)))
    for document in rdfa_documents(found.get("rdfa", [])):
        data.blocks.append(Block("rdfa", document, Location(1, 1, 1, 2)))
    return data


def _top_level_item(element: Any) -> bool:
    attributes = getattr(element, "attrib", {})
    return "itemscope" in attributes and "itemprop" not in attributes


def _without_html_comment(text: str) -> str:
    # Some CMSs wrap the JSON in <!-- ... --> inside the script; browsers and Google still read it.
    stripped = text.strip()
    if stripped.startswith("<!--") and stripped.endswith("-->"):
        return stripped[4:-3]
    return text
