"""GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=CODE::message` per finding,
which the Actions runner shows as an annotation on the line of the pull request."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from shopterms.policy.codes import CODES_BY_ID
from shopterms.policy.diagnostics import Diagnostic

_COMMAND_BY_SEVERITY = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    """Escape a message the way the runner unescapes it (%, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a property value: as data, and also the separators : and ,."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic) -> str:
    info = CODES_BY_ID.get(diagnostic.code)
    properties = [f"file={_property(diagnostic.file)}"]
    where = diagnostic.location
    if where is not None:
        properties += [f"line={where.line}", f"col={where.column}"]
        if where.end_line is not None and where.end_column is not None:
            properties += [f"endLine={where.end_line}", f"endColumn={where.end_column}"]
    title = f"{diagnostic.code} {info.name}" if info else diagnostic.code
    properties.append(f"title={_property(title)}")
    message = diagnostic.message + (f"\nhelp: {diagnostic.hint}" if diagnostic.hint else "")
    return f"::{_COMMAND_BY_SEVERITY[diagnostic.severity]} {','.join(properties)}::{_data(message)}"


def render(diagnostics: Sequence[Diagnostic], sources: Mapping[str, str | None]) -> str:
    return "".join(annotation(item) + "\n" for item in diagnostics)
