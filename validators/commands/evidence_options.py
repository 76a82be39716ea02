"""What the commands that publish measured figures share: `--evidence`, and reading the figures of a shop
from the store (the one named, else $SHOPTERMS_STORE, else the one beside the policy file)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from shopterms.validators.commands.store_options import fail

if TYPE_CHECKING:
    from shopterms.policy.evidence.figures import DeliveryPerformance
    from shopterms.store.evidence.published import PublishedFigures
    from shopterms.validators.file_report import FileReport

F = TypeVar("F", bound=Callable[..., Any])

EVIDENCE_HELP = (
    "Publish the shop's measured delivery figures (the latest run of shopterms evidence report) from the "
    "store: --store, else $SHOPTERMS_STORE, else .shopterms/store.db beside the policy file."
)


def evidence_flag(function: F) -> F:
    decorated: F = click.option("--evidence", "evidence", is_flag=True, help=EVIDENCE_HELP)(function)
    return decorated


def beside(source: Path) -> Path:
    """The path whose directory holds the default store: a policy file, or a file in a directory."""
    return source / "policy.yaml" if source.is_dir() else source


def latest_figures(
    store: str | None, policy_file: Path, shop: str, command: str
) -> DeliveryPerformance | None:
    """The shop's latest figures run, or None when it has none; a store that cannot be read exits 2."""
    from shopterms.store.engine import open_reader
    from shopterms.store.errors import StoreError
    from shopterms.store.evidence.runs import latest_run
    from shopterms.store.location import resolve_store

    try:
        location = resolve_store(store, policy_file)
        engine = open_reader(location)
        try:
            return latest_run(engine, location, shop)
        finally:
            engine.dispose()
    except StoreError as error:
        fail(error, command)


def performance_source(store: str | None, source: Path | None, command: str) -> PublishedFigures:
    """The figures of the store a server reads: --store, else the default store beside SOURCE."""
    from shopterms.store.errors import StoreError
    from shopterms.store.evidence.published import PublishedFigures
    from shopterms.store.location import resolve_store

    try:
        return PublishedFigures.open(resolve_store(store, None if source is None else beside(source)))
    except StoreError as error:
        fail(error, command)


def with_evidence(report: FileReport, store: str | None, threshold: float) -> FileReport:
    """The report with the EVID findings of its file against the shop's latest figures (the shop is the
    file's name; the store --store, else $SHOPTERMS_STORE, else the one beside the file)."""
    import dataclasses

    from shopterms.store.location import resolve_store
    from shopterms.validators.evidence_checks import evidence_diagnostics
    from shopterms.validators.rules.rule import RuleInput

    policy = report.result.policy
    if policy is None:
        return report
    path = Path(report.file)
    figures, missing = None, ""
    if report.file == "<stdin>":
        missing = "figures are found by the policy file's name; validate the file instead of standard input"
    else:
        location = resolve_store(store, path)
        if location.path is not None and not location.path.is_file():
            missing = f"there is no store at {location.display}"
        else:
            figures = latest_figures(store, path, path.stem, "validate")
            missing = f"{path.stem} has no figures in {location.display} (shopterms evidence report)"
    found = evidence_diagnostics(RuleInput(policy, report.result), figures, threshold, missing)
    return dataclasses.replace(report, diagnostics=(*report.diagnostics, *found))
