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
# Lines longer than this are shown in part: from a little before the span to a little after it.
_SHOWN = 160
_BEFORE = 40
_AFTER = 80


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
    line = lines[location.line - 1]
    start, end = _span(location, line)
    begin, stop = _window(len(line), start, end)
    out = [gutter]
    for number in range(first, location.line + 1):
        text = lines[number - 1]
        whole = number != location.line and len(text) <= _SHOWN  # a short line of context stays whole
        shown = _displayed(text if whole else _cut(text, begin, stop)).rstrip()
        out.append(f"{number:>{width}} |" + (f" {shown}" if shown else ""))
    out.append(f"{gutter} {_underline(line, begin, start, min(end, stop))}".rstrip())
    out.append(gutter)
    return out


def _span(location: Location, line: str) -> tuple[int, int]:
    start = min(location.column - 1, len(line))
    if location.end_line == location.line and location.end_column is not None:
        end = min(max(location.end_column - 1, start + 1), len(line))
    else:
        end = len(line.rstrip())  # a span over several lines: underline the rest of its first line
    return start, end


def _window(length: int, start: int, end: int) -> tuple[int, int]:
    """The part of a long line to show around the span: a line of thousands of characters (a generated
    list of postal codes) would otherwise be printed, and measured, in full for every finding on it."""
    if length <= _SHOWN:
        return 0, length
    begin = max(0, start - _BEFORE)
    return begin, min(length, max(end, start + 1) + _AFTER, begin + _SHOWN)


def _cut(line: str, begin: int, stop: int) -> str:
    return ("…" if begin > 0 else "") + line[begin:stop] + ("…" if stop < len(line) else "")


def _underline(line: str, begin: int, start: int, end: int) -> str:
    lead = _width(_displayed(("…" if begin > 0 else "") + line[begin:start]))
    marks = max(_width(_displayed(line[start:end])), 1)
    return " " * lead + "^" * marks


def _displayed(text: str) -> str:
    """The text as it should print: tabs as spaces, control characters as visible symbols."""
    return text.translate(_DISPLAY)


_DISPLAY = {
    ord("\t"): _TAB,
    **{code: chr(0x2400 + code) for code in range(0x20) if code != ord("\t")},
    0x7F: "\u2421",
}


def _width(text: str) -> int:
    """Terminal columns: wide East Asian characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1
    return total
