"""Renderers turn diagnostics into text for a terminal, a CI log or another program.

Each renderer is a function `(diagnostics, sources) -> str`, where `sources` maps a file name to its text
(None when it could not be read). `--format NAME` picks one from RENDERERS_BY_NAME.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from shopterms.policy.diagnostics import Diagnostic
from shopterms.validators.render import concise, full, github, json_report, sarif

Renderer = Callable[[Sequence[Diagnostic], Mapping[str, str | None]], str]

RENDERERS_BY_NAME: dict[str, Renderer] = {
    "full": full.render,
    "concise": concise.render,
    "json": json_report.render,
    "github": github.render,
    "sarif": sarif.render,
}
