"""Where each key and value of a policy file is written: the position map a loaded file keeps.

Paths are YAML paths (`("shipping", "services", 0, "transit")`); spans use `Location` (lines and columns
from 1, end exclusive), so every later check can point into the merchant's file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from shopterms.policy.diagnostics import Location, YamlPath


@dataclass(frozen=True)
class Span:
    """The place of one node: its key (None for list items and the top level) and its value."""

    key: Location | None
    value: Location


class PositionMap:
    """Spans of every node of a document, by YAML path."""

    def __init__(self, spans: dict[YamlPath, Span] | None = None) -> None:
        self._spans: dict[YamlPath, Span] = {}
        # Each written path's written children, so `under` walks a subtree, not the whole file.
        self._children: dict[YamlPath, list[YamlPath]] = {}
        for path, span in (spans or {}).items():
            self.add(path, span)

    def add(self, path: YamlPath, span: Span) -> None:
        # The first occurrence wins: a duplicate key is reported, and the value kept is the first one.
        if path not in self._spans:
            self._spans[path] = span
            if path:
                self._children.setdefault(path[:-1], []).append(path)

    def __contains__(self, path: object) -> bool:
        return path in self._spans

    def __iter__(self) -> Iterator[YamlPath]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def value(self, path: YamlPath) -> Location | None:
        span = self._spans.get(tuple(path))
        return span.value if span else None

    def key(self, path: YamlPath) -> Location | None:
        span = self._spans.get(tuple(path))
        return span.key if span else None

    def nearest(self, path: YamlPath) -> YamlPath:
        """The longest prefix of `path` that is written in the file (the top level at worst)."""
        path = tuple(path)
        while path and path not in self._spans:
            path = path[:-1]
        return path

    def under(self, path: YamlPath) -> Iterator[YamlPath]:
        """Every written path inside `path` (not `path` itself), parents before their children."""
        pending = list(reversed(self._children.get(tuple(path), [])))
        while pending:
            found = pending.pop()
            yield found
            pending.extend(reversed(self._children.get(found, [])))


def point(line: int, column: int, length: int = 1) -> Location:
    """A span on one line; `line` and `column` count from 1."""
    return Location(line, column, line, column + max(length, 1))


# The line breaks the YAML reader counts (it also honours NEL and the Unicode separators), so that our
# own line numbers agree with the parser's.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def source_lines(text: str) -> list[str]:
    """The lines of a source text, split where the YAML reader starts a new line."""
    return _LINE_BREAK.split(text)


def position_of(text: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of a character index in `text`."""
    lines = source_lines(text[: max(0, index)])
    return len(lines), len(lines[-1]) + 1


def excerpt(lines: Sequence[str] | None, location: Location | None) -> str | None:
    """The text a one-line span covers in a file's `source_lines`, e.g. the token `01067` as written."""
    if lines is None or location is None:
        return None
    if not 0 < location.line <= len(lines):
        return None
    text = lines[location.line - 1]
    end = location.end_column if location.end_line == location.line and location.end_column else len(text) + 1
    return text[location.column - 1 : end - 1] or None
