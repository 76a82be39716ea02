"""Changes anywhere else in the policy, found by walking the two canonical forms side by side.

Lists of plain values are compared as sets (added, removed); lists of objects are matched by their
id, type or name where those are unique, so a reordered list is no change and an edited entry is
reported under its name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from shopterms.policy.changes import wording
from shopterms.policy.changes.change import Change

# Parts compared elsewhere in buyers' terms (see changes.returns and changes.shipping).
COVERED_PATHS = ("returns", "shipping.services", "shipping.handling.days", "shipping.handling.cutoff")
_KEYS = ("id", "type", "name")


def _keyed(items: list[Any]) -> dict[str, Any] | None:
    if not all(isinstance(item, dict) for item in items):
        return None
    for key in _KEYS:
        names = [item.get(key) for item in items]
        if all(isinstance(name, str) for name in names) and len(set(names)) == len(names):
            return {str(item[key]): item for item in items}
    return None


def _walk(before: Any, after: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any, Any]]:
    if before == after or ".".join(path).startswith(COVERED_PATHS):
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted({*before, *after}):
            yield from _walk(before.get(key), after.get(key), (*path, key))
        return
    if isinstance(before, list) and isinstance(after, list):
        old, new = _keyed(before), _keyed(after)
        if old is not None and new is not None:
            for key in [*old, *(name for name in new if name not in old)]:
                yield from _walk(old.get(key), new.get(key), (*path, key))
            return
    yield path, before, after


def _text(path: tuple[str, ...], before: Any, after: Any) -> str:
    label = " ".join(part.replace("_", " ") for part in path)
    plain = (
        all(not isinstance(item, dict | list) for item in [*(before or []), *(after or [])])
        if (isinstance(before, list | type(None)) and isinstance(after, list | type(None)))
        else False
    )
    if plain and (before is not None or after is not None):
        return f"{label}: {wording.additions(before or [], after or []) or 'reordered'}"
    if before is None:
        return f"{label} added: {wording.scalar(after)}"
    if after is None:
        return f"{label} removed (was {wording.scalar(before)})"
    return f"{label} {wording.arrow(wording.scalar(before), wording.scalar(after))}"


def other_changes(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Every difference outside the covered paths, one change per leaf (or per list of plain values)."""
    return [
        Change(
            section=path[0],
            subject=[],
            field=".".join(path[1:]) or path[0],
            before=old,
            after=new,
            text=_text(path, old, new),
        )
        for path, old, new in _walk(before, after, ())
    ]
