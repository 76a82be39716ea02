"""One line per diagnostic: `file:line:col: error[CODE] message`, for grep and editors' quickfix lists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from shopterms.policy.diagnostics import Diagnostic


def render(diagnostics: Sequence[Diagnostic], sources: Mapping[str, str | None]) -> str:
    return "".join(diagnostic.headline + "\n" for diagnostic in diagnostics)
