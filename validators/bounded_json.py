"""JSON from pages and servers, read with its nesting bounded.

Python's JSON reader and everything after it (the JSON-LD processor, the checks) recurse once per level,
so a document nested 100,000 deep would end in RecursionError. The depth is measured first by a flat
scan (no recursion, linear in the text), and a document past the limit is refused with the place where
it goes too deep.
"""

from __future__ import annotations

import json
import re
from typing import Any

_SPECIAL = re.compile(r'[\[\]{}"]')
_STRING_REST = re.compile(r'[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)  # possessive: no backtracking


class TooDeep(ValueError):
    """A JSON document nested deeper than allowed; `pos` is the offset of the first bracket too many."""

    def __init__(self, max_depth: int, pos: int) -> None:
        super().__init__(f"nested more than {max_depth} levels deep (the max_json_depth limit)")
        self.max_depth = max_depth
        self.pos = pos


def too_deep_at(text: str, max_depth: int) -> int | None:
    """The offset of the first `[` or `{` that opens level max_depth + 1, or None; strings are skipped."""
    depth = 0
    pos = 0
    while True:
        found = _SPECIAL.search(text, pos)
        if found is None:
            return None
        char, pos = found.group(), found.end()
        if char == '"':
            rest = _STRING_REST.match(text, pos)
            if rest is None:  # an unterminated string: the JSON reader reports it
                return None
            pos = rest.end()
        elif char in "[{":
            depth += 1
            if depth > max_depth:
                return found.start()
        else:
            depth -= 1


def load_json(text: str | bytes, max_depth: int) -> Any:
    """json.loads with the nesting bounded: TooDeep past `max_depth`, JSONDecodeError for bad syntax."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    where = too_deep_at(text, max_depth)
    if where is not None:
        raise TooDeep(max_depth, where)
    try:
        return json.loads(text)
    except RecursionError:  # cannot happen within the limits allowed; kept so no input ends in a traceback
        raise TooDeep(max_depth, 0) from None


def depth_of(value: Any) -> int:
    """How deeply lists and dicts nest in an already parsed value, measured without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        elif not isinstance(item, list):
            continue
        deepest = max(deepest, depth + 1)
        stack.extend((child, depth + 1) for child in item)
    return deepest
