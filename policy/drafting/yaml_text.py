"""A drafted policy as YAML text: keys in the model's order, a comment on every fact, TODO lines.

The writer is our own because the draft needs comments in places a YAML library's round-trip writer
does not offer (a TODO line where a key is still missing). Every scalar is written so that the loader's
YAML 1.2 reader gives back the same value: text that would be read as something else is quoted, and
times and YAML 1.1's yes/no words are quoted too, for other tools' sake.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from shopterms.policy.diagnostics import YamlPath
from shopterms.policy.model_paths import expectation_at

_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = VersionedResolver(version=(1, 2))
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*$")
_RISKY = re.compile(r"(?:: |\s#|:$|\s$|[,\[\]{}]|^\d+(?::\d+)+$|^(?:y|n|yes|no|on|off)$)", re.IGNORECASE)
FLOW_WIDTH = 72
INDENT = "  "


@dataclass
class Layout:
    """What to write besides the data: comments by path, TODO lines by the path they stand for."""

    comments: dict[YamlPath, str] = field(default_factory=dict)
    todos: dict[YamlPath, str] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)


def scalar(value: Any) -> str:
    """One scalar as YAML text that reads back as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.time):
        return f'"{value.strftime("%H:%M") if not value.second else value.isoformat()}"'
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.match(text) and not _RISKY.search(text) and _resolves_to_text(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _resolves_to_text(text: str) -> bool:
    return bool(_RESOLVER.resolve(ScalarNode, text, (True, False)) == _STR_TAG)


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def one_line(value: Any) -> str | None:
    """A small mapping or list of scalars on one line, or None when it does not fit."""
    if isinstance(value, dict):
        if not all(_is_scalar(v) for v in value.values()):
            return None
        text = "{" + ", ".join(f"{scalar(k)}: {scalar(v)}" for k, v in value.items()) + "}"
    elif isinstance(value, list):
        if not all(_is_scalar(v) for v in value):
            return None
        text = "[" + ", ".join(scalar(v) for v in value) + "]"
    else:
        return scalar(value)
    return text if len(text) <= FLOW_WIDTH else None


def _ordered(data: Mapping[str, Any], path: YamlPath) -> list[str]:
    """The keys in the order the model declares them (the way the documentation lists them)."""
    annotation = expectation_at(path).annotation if path else None
    from shopterms.policy.model import Policy

    model = Policy if not path else annotation
    if isinstance(model, type) and issubclass(model, BaseModel):
        order = list(model.model_fields)
        return sorted(data, key=lambda key: order.index(key) if key in order else len(order))
    return list(data)


class _Writer:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.lines: list[str] = []

    def _with_comment(self, text: str, path: YamlPath) -> str:
        comment = self.layout.comments.get(path)
        return f"{text}  # {comment}" if comment else text

    def _has_inner_comments(self, path: YamlPath) -> bool:
        size = len(path)
        return any(len(p) > size and p[:size] == path for p in [*self.layout.comments, *self.layout.todos])

    def mapping(self, data: Mapping[str, Any], path: YamlPath, indent: str, first_prefix: str | None) -> None:
        """Write the keys of `data`; the first line may carry a prefix (the `- ` of a list item)."""
        prefix = first_prefix
        for key in _ordered(data, path):
            self.entry(key, data[key], (*path, key), indent, prefix)
            prefix = None
        for todo_path, text in self.layout.todos.items():
            if todo_path[:-1] == path and todo_path[-1] not in data:
                self.lines.append(f"{prefix or indent}# TODO {_dotted(todo_path)}: {text}")
                prefix = None

    def entry(self, key: str, value: Any, path: YamlPath, indent: str, prefix: str | None) -> None:
        head = f"{prefix or indent}{scalar(key)}:"
        flow = None if self._has_inner_comments(path) else one_line(value)
        if flow is not None and not (isinstance(value, dict) and not value and self._todos_under(path)):
            self.lines.append(self._with_comment(f"{head} {flow}", path))
            self._todo_lines(path, indent + INDENT)
            return
        self.lines.append(self._with_comment(head, path))
        self.block(value, path, indent + INDENT)

    def _todos_under(self, path: YamlPath) -> bool:
        return any(p[:-1] == path for p in self.layout.todos)

    def _todo_lines(self, path: YamlPath, indent: str) -> None:
        for todo_path, text in self.layout.todos.items():
            if todo_path[:-1] == path:
                self.lines.append(f"{indent}# TODO {_dotted(todo_path)}: {text}")

    def block(self, value: Any, path: YamlPath, indent: str) -> None:
        if isinstance(value, dict):
            if not value:
                self.lines[-1] += " {}"
                self._todo_lines(path, indent)
                return
            self.mapping(value, path, indent, None)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.item(item, (*path, index), indent)
        else:
            self.lines[-1] += f" {scalar(value)}"

    def item(self, item: Any, path: YamlPath, indent: str) -> None:
        flow = None if self._has_inner_comments(path) else one_line(item)
        if flow is not None:
            self.lines.append(self._with_comment(f"{indent}- {flow}", path))
        elif isinstance(item, dict) and item:
            first = len(self.lines)
            self.mapping(item, path, indent + INDENT, f"{indent}- ")
            # An item's own comment (where it came from) goes on its first line, unless that has one.
            if path in self.layout.comments and "  # " not in self.lines[first]:
                self.lines[first] = self._with_comment(self.lines[first], path)
        else:
            self.lines.append(f"{indent}-")
            self.block(item, path, indent + INDENT)


def _dotted(path: YamlPath) -> str:
    from shopterms.policy.wording import dotted

    return dotted(path)


def render(data: Mapping[str, Any], layout: Layout) -> str:
    """The whole file: header comments, then the sections with a blank line between them."""
    writer = _Writer(layout)
    out = [f"# {line}".rstrip() if line else "#" for line in layout.header]
    # A whole section no source had (the shop itself) is one TODO line at the top level, in its place.
    missing = {
        str(path[0]): text for path, text in layout.todos.items() if len(path) == 1 and path[0] not in data
    }
    for key in _ordered({**data, **missing}, ()):
        if out:
            out.append("")
        writer.lines = []
        if key in missing:
            writer.lines.append(f"# TODO {_dotted((key,))}: {missing[key]}")
        else:
            writer.entry(key, data[key], (key,), "", None)
        out.extend(writer.lines)
    return "\n".join(out) + "\n"
