"""Policies for rule tests: the Nordlicht example widened to sell to GB and US (so every pack runs), made
clean, and variants of it with one change each."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from shopterms.policy.diagnostics import Diagnostic, YamlPath
from shopterms.policy.loader import LoadResult, load_policy_text
from shopterms.validators.rules.engine import run_rules
from shopterms.validators.rules.selection import PACK_NAMES
from tests.conftest import EXAMPLES_DIR

DELETE = object()
# An edit at this path appends its text to the file (a comment, which no data edit can write).
APPENDED: YamlPath = ("<appended text>",)
Edits = Mapping[YamlPath, Any]

# Nordlicht selling to the UK and the US as well; every rule of every pack passes on it.
WORLD: dict[YamlPath, Any] = {
    ("shop", "sells_to"): ["DE", "AT", "CH", "GB", "US"],
    ("shipping", "services", 2, "to"): ["AT", "CH", "GB", "US"],
    ("shipping", "services", 2, "rate"): {"AT": 7.95, "CH": 14.95, "GB": 14.95, "US": 19.95},
    ("returns", "countries"): ["DE", "AT", "GB"],
}


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def edited_text(edits: Edits, base: Path = EXAMPLES_DIR / "nordlicht-mode.yaml") -> str:
    """The base file with WORLD and then `edits` applied (a value of DELETE removes the key)."""
    yaml = _yaml()
    data = yaml.load(base.read_text(encoding="utf-8"))
    for path, value in {**WORLD, **edits}.items():
        if path == APPENDED:
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        if value is DELETE:
            del parent[path[-1]]
        elif isinstance(parent, list) and path[-1] == len(parent):
            parent.append(value)
        else:
            parent[path[-1]] = value
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue() + str(edits.get(APPENDED, ""))


def load_edited(edits: Edits) -> LoadResult:
    result = load_policy_text(edited_text(edits), "policy.yaml")
    assert result.policy is not None, [d.message for d in result.diagnostics]
    return result


def findings(edits: Edits, packs: tuple[str, ...] = PACK_NAMES) -> list[Diagnostic]:
    return run_rules(load_edited(edits), packs)
