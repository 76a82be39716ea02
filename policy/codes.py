"""The catalogue of diagnostic codes: one entry per code, registered once, looked up by id.

The loader's own codes (YAML###, SCHEMA###) are registered here; rule packs register theirs with
`register(...)` when they are imported. `shopterms explain CODE` and docs/rules.md read this registry.
"""

from __future__ import annotations

from shopterms.policy.codes_draft import DRAFT_CODES
from shopterms.policy.codes_schema import SCHEMA_CODES
from shopterms.policy.codes_yaml import YAML_CODES
from shopterms.policy.diagnostics import CodeInfo, Diagnostic, Location, YamlPath

CODES_BY_ID: dict[str, CodeInfo] = {}

# Codes that mean the file was not checked at all (it could not be read, or the checker failed):
# the CLI exits with 2 for these, as for bad usage, instead of 1 for findings.
NOT_CHECKED_CODES: frozenset[str] = frozenset({"YAML015", "SCHEMA010"})


def register(*infos: CodeInfo) -> None:
    """Add catalogue entries; a code id belongs to exactly one entry for good."""
    for info in infos:
        known = CODES_BY_ID.get(info.code)
        if known is not None and known != info:
            raise ValueError(f"diagnostic code {info.code} is already registered as {known.name}")
        CODES_BY_ID[info.code] = info


def diagnostic(
    code: str,
    message: str,
    file: str,
    *,
    path: YamlPath = (),
    location: Location | None = None,
    hint: str | None = None,
    detail: str | None = None,
) -> Diagnostic:
    """A Diagnostic for a catalogued code, with the severity the catalogue gives it."""
    return Diagnostic(
        code=code,
        severity=CODES_BY_ID[code].severity,
        message=message,
        file=file,
        path=tuple(path),
        location=location,
        hint=hint,
        detail=detail,
    )


def docs_anchor(info: CodeInfo) -> str:
    """The anchor of a code's heading in docs/rules.md (`SCHEMA001 unknown-key` → `schema001-unknown-key`)."""
    return f"{info.code}-{info.name}".lower()


register(*YAML_CODES, *SCHEMA_CODES, *DRAFT_CODES)
