"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others): the catalogue entries of the
codes found as `tool.driver.rules`, each finding as a result with its region in the file.

Columns count Unicode code points, as ours do (`columnKind: unicodeCodePoints`); end columns are
exclusive in SARIF as in our locations.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from shopterms.policy.codes import CODES_BY_ID, docs_anchor
from shopterms.policy.diagnostics import CodeInfo, Diagnostic
from shopterms.validators.docs_links import docs_url

_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL_BY_SEVERITY = {"error": "error", "warning": "warning", "info": "note"}


def _version() -> str:
    try:
        return version("shopterms")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def rule_descriptor(info: CodeInfo) -> dict[str, Any]:
    help_text = f"{info.summary}\n\nWhy it matters: {info.why}"
    markdown = f"{info.summary}\n\n**Why it matters:** {info.why}"
    if info.example:
        help_text += f"\n\nExample:\n{info.example}"
        markdown += f"\n\n**Example**\n\n```yaml\n{info.example}\n```"
    if info.instead:
        help_text += f"\n\nUse instead:\n{info.instead}"
        markdown += f"\n\n**Use instead**\n\n```yaml\n{info.instead}\n```"
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.why},
        "help": {"text": help_text, "markdown": markdown},
        # An absolute address, as SARIF requires: the installed page, or SHOPTERMS_DOCS_URL's.
        "helpUri": docs_url("rules.md", docs_anchor(info)),
        "defaultConfiguration": {"level": _LEVEL_BY_SEVERITY[info.severity]},
        "properties": {"tags": list(info.packs)},
    }


def _uri(file: str) -> str:
    """The path as given, as a URI reference (forward slashes, reserved characters escaped); a checked
    page's address stays the address it is (a path would fold its `//`)."""
    if _ADDRESS.match(file):
        return quote(file, safe="/:@?&=#%*")
    return quote(PurePath(file).as_posix(), safe="/:@")


def result(diagnostic: Diagnostic, rule_index: int | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(diagnostic.file)}}
    where = diagnostic.location
    if where is not None:
        region = {"startLine": where.line, "startColumn": where.column}
        if where.end_line is not None and where.end_column is not None:
            region |= {"endLine": where.end_line, "endColumn": where.end_column}
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if diagnostic.path:
        location["logicalLocations"] = [{"fullyQualifiedName": diagnostic.dotted_path, "kind": "member"}]
    found: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": _LEVEL_BY_SEVERITY[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [location],
    }
    if rule_index is not None:
        found["ruleIndex"] = rule_index
    properties = {
        key: value for key, value in (("hint", diagnostic.hint), ("detail", diagnostic.detail)) if value
    }
    if properties:
        found["properties"] = properties
    return found


def report(diagnostics: Sequence[Diagnostic]) -> dict[str, Any]:
    codes = sorted({item.code for item in diagnostics if item.code in CODES_BY_ID})
    index = {code: position for position, code in enumerate(codes)}
    driver = {
        "name": "shopterms",
        "version": _version(),
        "informationUri": docs_url("rules.md"),
        "rules": [rule_descriptor(CODES_BY_ID[code]) for code in codes],
    }
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": [result(item, index.get(item.code)) for item in diagnostics],
            }
        ],
    }


def render(diagnostics: Sequence[Diagnostic], sources: Mapping[str, str | None]) -> str:
    return json.dumps(report(diagnostics), indent=2, ensure_ascii=False) + "\n"
