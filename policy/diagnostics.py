"""Diagnostics: the one shape every finding takes, from YAML syntax errors to legal rules.

Codes are stable and grouped by family (YAML, SCHEMA, SHIP, RET, PAY, SUP, LEG, EU, DE, UK, US, LD, PAGE).
A code is never renumbered or reused; retired codes stay in the catalogue marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Location:
    """A span in a source file; lines and columns count from 1, the end is exclusive."""

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True)
class Diagnostic:
    """One finding about a policy file, in our words, pointing at its place in the file."""

    code: str
    severity: Severity
    message: str
    file: str
    path: YamlPath = ()
    location: Location | None = None
    hint: str | None = None
    # The library's own words (pydantic, jsonschema, ruamel); shown only in JSON output.
    detail: str | None = None

    @property
    def dotted_path(self) -> str:
        """`shipping.services[1].transit` — the YAML path as a merchant reads it."""
        text = ""
        for part in self.path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
        return text

    @property
    def headline(self) -> str:
        """`file:line:col: severity[CODE] message`, or `file: severity[CODE] message` without a place."""
        where = self.file
        if self.location is not None:
            where += f":{self.location.line}:{self.location.column}"
        return f"{where}: {self.severity}[{self.code}] {self.message}"


@dataclass(frozen=True)
class CodeInfo:
    """A catalogue entry: what a code checks, why it matters, and how to fix it."""

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    example: str = ""
    instead: str = ""
    packs: tuple[str, ...] = field(default=("core",))
