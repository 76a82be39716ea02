"""TODO lines of a drafted policy: `# TODO shop.timezone: …` stands where a required key is still missing.

`shopterms init` writes one for every required fact none of its sources stated. The loader reports a
missing key that such a line names as DRAFT001 at the line itself, instead of SCHEMA002 at the parent.
"""

from __future__ import annotations

import re

from shopterms.policy.codes import diagnostic
from shopterms.policy.diagnostics import Diagnostic, Location, YamlPath
from shopterms.policy.locate import source_lines

_TODO = re.compile(r"^(?P<indent>\s*)#\s*TODO\s+(?P<path>[A-Za-z_][\w.\[\]-]*):")
_PART = re.compile(r"([A-Za-z_][\w-]*)|\[(\d+)\]")


def todo_lines(text: str) -> dict[YamlPath, Location]:
    """The path each TODO line names, and where the line is."""
    found: dict[YamlPath, Location] = {}
    for number, line in enumerate(source_lines(text), start=1):
        match = _TODO.match(line)
        if match is None:
            continue
        path = tuple(int(index) if index else name for name, index in _PART.findall(match.group("path")))
        column = len(match.group("indent")) + 1
        found.setdefault(path, Location(number, column, number, len(line.rstrip()) + 1))
    return found


def mark_todos(found: list[Diagnostic], text: str, file: str) -> list[Diagnostic]:
    """Missing keys that a TODO line names become DRAFT001 findings at that line."""
    if not any(item.code == "SCHEMA002" for item in found):
        return found
    todos = todo_lines(text)
    marked = []
    for item in found:
        place = todos.get(item.path) if item.code == "SCHEMA002" else None
        if place is None:
            marked.append(item)
            continue
        meaning = item.hint.split(": ", 1)[1] if item.hint and ": " in item.hint else None
        hint = f"write '{item.path[-1]}: …' in place of the TODO line" + (f": {meaning}" if meaning else "")
        marked.append(
            diagnostic(
                "DRAFT001",
                f"{item.dotted_path} is still to do: the draft has a TODO line in place of its value",
                file,
                path=item.path,
                location=place,
                hint=hint,
                detail=item.detail,
            )
        )
    return sorted(marked, key=_order)


def _order(item: Diagnostic) -> tuple[int, int, int]:
    location = item.location
    return (0, location.line, location.column) if location else (1, 0, 0)
