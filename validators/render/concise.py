"""One line per diagnostic: `file:line:col: error[CODE] message`, for grep and editors' quickfix lists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from shopterms.policy.diagnostics import Diagnostic


def headline(diagnostic: Diagnostic) -> str:
    """`file:line:col: severity[CODE] message`; without a place in the file `file: severity[CODE] message`."""
    where = diagnostic.file
    if diagnostic.location is not None:
        where += f":{diagnostic.location.line}:{diagnostic.location.column}"
    return f"{where}: {diagnostic.severity}[{diagnostic.code}] {diagnostic.message}"


def render(diagnostics: Sequence[Diagnostic], sources: Mapping[str, str | None]) -> str:
    return "".join(headline(diagnostic) + "\n" for diagnostic in diagnostics)
