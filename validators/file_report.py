"""What `validate` found in one file: the loader's diagnostics, then those of the rule packs that apply."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shopterms.policy.diagnostics import Diagnostic
from shopterms.policy.loader import LoadResult
from shopterms.validators.rules.engine import run_rules
from shopterms.validators.rules.selection import packs_for


@dataclass(frozen=True)
class FileReport:
    """One checked file: every diagnostic, and the rule packs that ran (none when it did not load)."""

    result: LoadResult
    diagnostics: tuple[Diagnostic, ...]
    packs: tuple[str, ...]

    @property
    def file(self) -> str:
        return self.result.file

    @property
    def source(self) -> str | None:
        return self.result.source

    @property
    def checked(self) -> bool:
        return self.result.checked and not any(item.code == "SCHEMA010" for item in self.diagnostics)


def check_loaded(result: LoadResult, packs: Sequence[str] | None = None) -> FileReport:
    """Run the rule packs on a loaded file: `packs`, or those its `shop.sells_to` chooses."""
    if result.policy is None:
        return FileReport(result, result.diagnostics, ())
    chosen = tuple(packs) if packs is not None else tuple(packs_for(result.policy))
    return FileReport(result, (*result.diagnostics, *run_rules(result, chosen)), chosen)
