"""The structured data of a page as JSON-LD documents, each with the line it starts on.

JSON-LD comes from every `<script type="application/ld+json">`; microdata and RDFa are read with extruct
and turned into JSON-LD, so all three reach the same checks and the same graph form. Reading is bounded
by the fetch limits: so many blocks, so much JSON-LD text, so deep a nesting; what goes past a bound is
not read and is reported where it starts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from shopterms.policy.diagnostics import Location
from shopterms.validators.bounded_json import TooDeep, depth_of, load_json
from shopterms.validators.fetch.limits import DEFAULT_LIMITS, Limits, describe_size
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
class OverLimit:
    """Where the page's structured data went past a reading limit, and which one."""

    location: Location
    reason: str


@dataclass(frozen=True)
class PageData:
    blocks: list[Block] = field(default_factory=list)
    unreadable: list[UnreadableBlock] = field(default_factory=list)
    over_limit: list[OverLimit] = field(default_factory=list)


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


def page_data(html: str, base_url: str, limits: Limits = DEFAULT_LIMITS) -> PageData:
    tree = _tree(html)
    lines = html.splitlines()
    data = PageData()
    read_chars = 0
    for script in tree.iter("script"):
        if (script.get("type") or "").split(";")[0].strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        where = _script_start(lines, script.sourceline or 1)
        if len(data.blocks) + len(data.unreadable) >= limits.max_jsonld_blocks:
            most = limits.max_jsonld_blocks
            reason = f"the page has more than {most} JSON-LD scripts (the max_jsonld_blocks limit)"
            data.over_limit.append(OverLimit(where, f"{reason}; this one and those after it were not read"))
            break
        read_chars += len(text)
        if read_chars > limits.max_jsonld_bytes:
            reason = (
                f"the page's JSON-LD is longer than {describe_size(limits.max_jsonld_bytes)} in all "
                "(the max_jsonld_bytes limit)"
            )
            data.over_limit.append(
                OverLimit(where, f"{reason}; this script and those after it were not read")
            )
            break
        _read_script(data, text, where, script.sourceline or 1, limits)
    _read_items(data, html, base_url, tree, limits)
    return data


def _read_script(data: PageData, text: str, where: Location, first_line: int, limits: Limits) -> None:
    try:
        document = load_json(_without_html_comment(text), limits.max_json_depth)
    except TooDeep as error:
        data.over_limit.append(
            OverLimit(_at(text, error.pos, where, first_line), f"this JSON-LD script is {error}")
        )
        return
    except json.JSONDecodeError as error:
        at = _at(text, error.pos, where, first_line)
        data.unreadable.append(
            UnreadableBlock(Location(at.line, at.column, at.line, at.column + 1), error.msg)
        )
        return
    data.blocks.append(Block("json-ld", document, where))


def _at(text: str, pos: int, where: Location, first_line: int) -> Location:
    """The place of offset `pos` of a script's text in the page (the script tag itself when on its line)."""
    before = text[:pos]
    newlines = before.count("\n")
    if not newlines:
        return where
    line = first_line + newlines
    column = pos - before.rfind("\n")
    return Location(line, column, line, column + 1)


def _read_items(data: PageData, html: str, base_url: str, tree: Any, limits: Limits) -> None:
    """Microdata and RDFa, each item a block under the same block limit as the scripts."""
    elements = sum(1 for _ in tree.iter())
    if elements > limits.max_html_elements:
        reason = (
            f"the page has {elements:,} HTML elements, more than the {limits.max_html_elements:,} searched "
            "for microdata and RDFa (the max_html_elements limit); only its JSON-LD was read"
        )
        data.over_limit.append(OverLimit(Location(1, 1, 1, 2), reason))
        return
    import extruct

    try:
        found = extruct.extract(html, base_url=base_url, syntaxes=["microdata", "rdfa"], errors="ignore")
    except RecursionError:  # items nested deeper than the reader can follow
        reason = (
            f"the page's microdata or RDFa items are nested more than {limits.max_json_depth} levels deep"
        )
        data.over_limit.append(OverLimit(Location(1, 1, 1, 2), f"{reason}; they were not read"))
        return
    scopes = [element for element in tree.iter() if _top_level_item(element)]
    for index, item in enumerate(found.get("microdata", [])):
        line = (scopes[index].sourceline if index < len(scopes) else 1) or 1
        _add_item(data, Block("microdata", microdata_document(item), Location(line, 1, line, 2)), limits)
    for document in rdfa_documents(found.get("rdfa", [])):
        _add_item(data, Block("rdfa", document, Location(1, 1, 1, 2)), limits)


def _add_item(data: PageData, block: Block, limits: Limits) -> None:
    if not _room_for_one_more(data, block.location, limits):
        return
    if depth_of(block.document) > limits.max_json_depth:
        reason = f"this {block.syntax} item is nested more than {limits.max_json_depth} levels deep"
        data.over_limit.append(OverLimit(block.location, f"{reason}; it was not read"))
        return
    data.blocks.append(block)


def _room_for_one_more(data: PageData, where: Location, limits: Limits) -> bool:
    if len(data.blocks) < limits.max_jsonld_blocks:
        return True
    if not data.over_limit:
        most = limits.max_jsonld_blocks
        reason = f"the page has more than {most} structured-data items (the max_jsonld_blocks limit)"
        data.over_limit.append(OverLimit(where, f"{reason}; this one and those after it were not read"))
    return False


def _top_level_item(element: Any) -> bool:
    attributes = getattr(element, "attrib", {})
    return "itemscope" in attributes and "itemprop" not in attributes


def _without_html_comment(text: str) -> str:
    # Some CMSs wrap the JSON in <!-- ... --> inside the script; browsers and Google still read it.
    stripped = text.strip()
    if stripped.startswith("<!--") and stripped.endswith("-->"):
        return stripped[4:-3]
    return text
