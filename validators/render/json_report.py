"""Diagnostics as a JSON list for programs: code, name, severity, message, place, hint, detail, docs link."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from shopterms.policy.codes import CODES_BY_ID, docs_anchor
from shopterms.policy.diagnostics import Diagnostic, Location
from shopterms.validators.docs_links import docs_url


def _point(line: int | None, column: int | None) -> dict[str, int] | None:
    return None if line is None or column is None else {"line": line, "column": column}


def as_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    info = CODES_BY_ID.get(diagnostic.code)
    location: Location | None = diagnostic.location
    return {
        "code": diagnostic.code,
        "name": info.name if info else None,
        "severity": diagnostic.severity,
        "message": diagnostic.message,
        "file": diagnostic.file,
        "path": diagnostic.dotted_path,
        "start": _point(location.line, location.column) if location else None,
        "end": _point(location.end_line, location.end_column) if location else None,
        "hint": diagnostic.hint,
        "detail": diagnostic.detail,
        "url": docs_url("rules.md", docs_anchor(info)) if info else None,
    }


def render(diagnostics: Sequence[Diagnostic], sources: Mapping[str, str | None]) -> str:
    return json.dumps([as_dict(item) for item in diagnostics], indent=2, ensure_ascii=False) + "\n"
