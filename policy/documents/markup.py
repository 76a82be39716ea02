"""A small HTML builder: text is escaped unless it is already Markup, so pages cannot be injected into."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

VOID_ELEMENTS = frozenset({"meta", "link", "br", "hr", "img", "input"})


class Markup(str):
    """Text that is already safe HTML."""


def escape(text: str) -> Markup:
    return text if isinstance(text, Markup) else Markup(html.escape(text, quote=True))


def join(children: object) -> Markup:
    """Children in order: strings escaped, Markup kept, None left out, lists and generators flattened."""
    if children is None:
        return Markup("")
    if isinstance(children, str):
        return escape(children)
    if isinstance(children, Iterable):
        return Markup("".join(join(child) for child in children))
    return escape(str(children))


def element(tag: str, *children: object, **attributes: str | bool | None) -> Markup:
    """`element("a", "Terms", href="/agb", class_="link")`; a trailing underscore is dropped from names,
    True writes a bare attribute, False and None leave it out."""
    parts = [tag]
    for name, value in attributes.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{escape(str(value))}"')
    opening = "<" + " ".join(parts) + ">"
    if tag in VOID_ELEMENTS:
        return Markup(opening)
    return Markup(f"{opening}{join(children)}</{tag}>")


def facts(rows: Iterable[tuple[str, object]]) -> Markup:
    """A definition list of label → value rows; rows without a value are left out."""
    items = [
        (element("dt", label), element("dd", value))
        for label, value in rows
        if value is not None and value != ""
    ]
    return element("dl", items, class_="facts") if items else Markup("")


def table(headings: Iterable[object], rows: Iterable[object], class_: str) -> Markup:
    """A table with one row of column headings over its body rows, in a wrapper that lets it scroll
    sideways on a narrow screen."""
    header = element("tr", [element("th", heading, scope="col") for heading in headings])
    body = element("table", element("thead", header), element("tbody", rows), class_=class_)
    return element("div", body, class_="table-wrap")


def link(url: str, text: str | None = None) -> Markup:
    return element("a", text or url, href=url)


def lines(texts: Iterable[object]) -> Markup:
    """Several short lines in one cell, each in its own block."""
    return join(element("span", text, class_="line") for text in texts if text)


def fill(template: str, **values: object) -> Markup:
    """A `{name}` template whose own text is escaped and whose values may be Markup (e.g. links)."""
    pieces = re.split(r"\{(\w+)\}", template)
    return Markup("".join(join(values[piece]) if i % 2 else escape(piece) for i, piece in enumerate(pieces)))
