"""What happened to each shop of a run over a directory, and the report at its end."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

FAILED = "failed"


@dataclass(frozen=True)
class ShopResult:
    """One policy file's outcome; made in a worker process and sent to the parent, so plain data only."""

    file: str
    shop: str
    action: str
    """published, unchanged, signed, built, or failed."""
    problems: tuple[str, ...] = ()
    """Why it failed: located lines (`file:line:col: error[CODE] message`) or a store or output error."""
    warnings: int = 0
    details: dict[str, Any] = field(default_factory=dict)
    """For --format json: the version recorded, or the files built."""

    @property
    def failed(self) -> bool:
        return self.action == FAILED


def failure(file: str, shop: str, *problems: str) -> ShopResult:
    return ShopResult(file, shop, FAILED, tuple(problems))


def for_each_file(file: str, work: Callable[[str, str], ShopResult]) -> ShopResult:
    """`work(file, shop)` for one file of a directory; an unforeseen failure becomes that shop's result."""
    shop = Path(file).stem
    try:
        return work(file, shop)
    except Exception as error:  # one shop's unforeseen failure must not stop thousands of others
        return failure(file, shop, f"{file}: shopterms failed on this file: {type(error).__name__}: {error}")


def counts(results: Sequence[ShopResult]) -> Counter[str]:
    return Counter(result.action for result in results)


def report_failures(command: str, results: Sequence[ShopResult]) -> None:
    """List every failed file with its located errors on standard error, after the progress output."""
    failed = [result for result in results if result.failed]
    if not failed:
        return
    click.echo(f"shopterms {command}: {len(failed)} of {len(results)} files failed:", err=True)
    for result in sorted(failed, key=lambda item: item.file):
        for line in result.problems:
            click.echo(f"  {line}", err=True)


def warnings_note(command: str, directory: str, results: Sequence[ShopResult]) -> None:
    """Warnings do not stop a shop; with thousands of files they are counted, not printed."""
    warned = sum(result.warnings > 0 for result in results)
    if warned:
        click.echo(
            f"shopterms {command}: note: {warned} of the shops have warnings; "
            f"shopterms validate {directory}/*.yaml shows them",
            err=True,
        )
