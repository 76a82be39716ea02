"""The full view: the headline, the source line with the span underlined, and the hint.

shop.yaml:7:50: error[SCHEMA003] postal_code must be text, but 01067 is read as the number 1067
  |
6 |   legal_name: Nordlicht Mode GmbH
7 |   address: {street: Hafenstraße 12, postal_code: 01067, city: Hamburg, country: DE}
  |                                                  ^^^^^
  |
help: put the value in quotes: postal_code: "01067"
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from shopterms.policy.diagnostics import Diagnostic, Location
from shopterms.policy.locate import source_lines

_TAB = "    "


def render(diagnostics: Sequence[Diagnostic], sources: Mapping[str, str | None]) -> str:
    lines_by_file = {file: source_lines(text) for file, text in sources.items() if text is not None}
    return "\n".join(_block(item, lines_by_file.get(item.file)) for item in diagnostics)


def _block(diagnostic: Diagnostic, lines: list[str] | None) -> str:
    out = [diagnostic.headline]
    location = diagnostic.location
    if location is not None and lines is not None and 0 < location.line <= len(lines):
        out += _snippet(location, lines)
    if diagnostic.hint:
        out.append(f"help: {diagnostic.hint}")
    return "\n".join(out) + "\n"


def _snippet(location: Location, lines: list[str]) -> list[str]:
    # One line of context above, unless it is blank: syntax errors often start on the line before.
    first = location.line - 1 if location.line > 1 and lines[location.line - 2].strip() else location.line
    width = len(str(location.line))
    gutter = " " * width + " |"
    out = [gutter]
    for number in range(first, location.line + 1):
        shown = _displayed(lines[number - 1]).rstrip()
        out.append(f"{number:>{width}} |" + (f" {shown}" if shown else ""))
    out.append(f"{gutter} {_underline(location, lines[location.line - 1])}".rstrip())
    out.append(gutter)
    return out


def _underline(location: Location, line: str) -> str:
    start = min(location.column - 1, len(line))
    if location.end_line == location.line and location.end_column is not None:
        end = min(max(location.end_column - 1, start + 1), len(line))
    else:
        end = len(line.rstrip())  # a span over several lines: underline the rest of its first line
    lead = _width(_displayed(line[:start]))
    marks = max(_width(_displayed(line[start:end])), 1)
    return " " * lead + "^" * marks


def _displayed(text: str) -> str:
    """The text as it should print: tabs as spaces, control characters as visible symbols."""
    out = []
    for char in text:
        if char == "\t":
            out.append(_TAB)
        elif ord(char) < 0x20:
            out.append(chr(0x2400 + ord(char)))
        elif char == "\x7f":
            out.append("\u2421")
        else:
            out.append(char)
    return "".join(out)


def _width(text: str) -> int:
    """Terminal columns: wide East Asian characters take two, combining marks none."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1
    return total
