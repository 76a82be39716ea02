"""Checking one drafted fact or answer with the loader's own model, parsers and messages.

A fact is placed into the policy drafted so far and the whole policy is validated, as the loader does;
of the findings, only those at or inside the fact's path concern it (the draft may still lack other
required keys). The findings are the loader's diagnostics, with the same codes, messages and hints.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from shopterms.policy.diagnostics import Diagnostic, YamlPath
from shopterms.policy.drafting.nested import with_value
from shopterms.policy.locate import PositionMap
from shopterms.policy.model import Policy
from shopterms.policy.translate import translate


def problems(data: dict[str, Any], file: str = "<draft>") -> list[Diagnostic]:
    """Every finding the loader would report for this data (without places: it has no text)."""
    try:
        Policy.model_validate(data)
    except ValidationError as error:
        return translate(error, file=file, source="", data=data, positions=PositionMap())
    return []


def problems_at(data: dict[str, Any], path: YamlPath, value: Any) -> list[Diagnostic]:
    """The loader's findings about `value` written at `path` of the draft `data` (which is not changed)."""
    candidate = with_value(data, tuple(path), value)
    size = len(path)
    return [item for item in problems(candidate) if tuple(item.path[:size]) == tuple(path)]


def explain(found: list[Diagnostic]) -> str:
    """The findings as a merchant reads them at a prompt: each message with its hint."""
    lines = []
    for item in found:
        lines.append(item.message + (f" ({item.hint})" if item.hint else ""))
    return "; ".join(lines)
