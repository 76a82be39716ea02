"""Building one policy file of a directory into OUT/<shop>/, in a worker process.

Each shop's directory is replaced as a whole (validators/publish/swap.py): its files are made in
memory, written into a fresh directory beside OUT/<shop> and renamed into place. A shop that fails
keeps the directory its last good build left.

Imported only by `build DIR`, in the parent before the workers are forked (imports paid once).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from shopterms.policy.documents.artefacts import ArtefactError, BuildInput, render_artefacts
from shopterms.policy.documents.jsonld_files import POLICY_FILE
from shopterms.policy.loader import load_policy
from shopterms.store.errors import StoreError
from shopterms.store.location import StoreLocation
from shopterms.store.publishing import check_shop_id
from shopterms.validators.bulk.results import ShopResult, failure, for_each_file
from shopterms.validators.publish.swap import TargetError, replace_directory

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


@dataclass(frozen=True)
class BuildSettings:
    """Where the shops go, and the store to read measured figures from (with --evidence)."""

    output: Path
    evidence: StoreLocation | None = None


@dataclass
class _Worker:
    settings: BuildSettings
    engine: Engine | None


_worker: _Worker | None = None


def start(settings: BuildSettings) -> Callable[[], None]:
    """Open this process's reader on the store, when figures are wanted; returns what closes it."""
    global _worker
    engine = None
    if settings.evidence is not None:
        from shopterms.store.engine import open_reader

        engine = open_reader(settings.evidence)
    _worker = _Worker(settings, engine)
    return engine.dispose if engine is not None else lambda: None


def build_file(file: str) -> ShopResult:
    """Build one file into OUT/<shop>; every failure becomes a result, never an exception."""
    worker = _worker
    assert worker is not None, "start() runs first"
    return for_each_file(file, lambda path, shop: _build(worker, path, shop))


def _build(worker: _Worker, file: str, shop: str) -> ShopResult:
    result = load_policy(file)
    if result.policy is None:
        errors = [item for item in result.diagnostics if item.severity == "error"]
        return failure(file, shop, *(item.headline for item in errors or result.diagnostics))
    try:
        check_shop_id(shop)  # the name becomes a directory: no '..', no hidden names
        figures = None
        if worker.engine is not None and worker.settings.evidence is not None:
            from shopterms.store.evidence.runs import latest_run

            figures = latest_run(worker.engine, worker.settings.evidence, shop)
        files = render_artefacts(BuildInput(result.policy, file, figures))
        replace_directory(worker.settings.output / shop, files, marker=POLICY_FILE)
    except StoreError as error:
        hint = f" ({error.hint})" if error.hint else ""
        return failure(file, shop, f"{file}: {error.message}{hint}")
    except (ArtefactError, TargetError) as error:
        return failure(file, shop, f"{file}: {error}")
    details = {"directory": str(worker.settings.output / shop), "evidence": figures is not None}
    return ShopResult(file, shop, "built", details=details)
