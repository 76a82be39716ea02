"""Plain YAML data addressed by path: the nested dicts and lists a draft builds its policy from."""

from __future__ import annotations

import copy
from typing import Any

from shopterms.policy.diagnostics import YamlPath


def put_at(root: Any, path: YamlPath, value: Any) -> None:
    """Set a copy of `value` at `path` inside nested dicts and lists, creating containers as needed
    (a list grows with empty mappings up to the index named)."""
    if not path:
        return
    current = root
    for part, following in zip(path, [*path[1:], None], strict=True):
        last = following is None
        if isinstance(part, int):
            assert isinstance(current, list)
            while len(current) <= part:
                current.append({})
            if last:
                current[part] = copy.deepcopy(value)
            else:
                current = current[part]
            continue
        assert isinstance(current, dict)
        if last:
            current[part] = copy.deepcopy(value)
        else:
            current = current.setdefault(part, [] if isinstance(following, int) else {})


def with_value(data: dict[str, Any], path: YamlPath, value: Any) -> dict[str, Any]:
    """A copy of `data` with `value` set at `path`; `data` itself is not changed."""
    changed = copy.deepcopy(data)
    put_at(changed, path, value)
    return changed


def value_at(data: Any, path: YamlPath) -> Any:
    """The value at `path`, or None when the path leads nowhere."""
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
            continue
        if isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
            continue
        return None
    return data
