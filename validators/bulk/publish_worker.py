"""Publishing one policy file of a directory, in a worker process.

Each worker keeps one engine on the store for all its files. The store's write lock (store/locking.py)
keeps the writers in order: a worker checks and renders its shop without any lock, then commits the
version in one short transaction under the lock, so workers wait for each other only for those few
inserts. Another worker is no reason to warn, so waiting for the lock is silent here.

This module is imported only by `publish DIR`, in the parent before the workers are forked, so its
imports are paid once rather than in every worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from shopterms.policy.loader import load_policy
from shopterms.store.engine import create_engine_for
from shopterms.store.errors import StoreError
from shopterms.store.location import StoreLocation
from shopterms.store.publishing import Draft, check_shop_id, publish
from shopterms.store.signing import load_key
from shopterms.validators.bulk.results import ShopResult, failure, for_each_file
from shopterms.validators.commands.store_options import parse_moment
from shopterms.validators.file_report import check_loaded

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from shopterms.store.signing import SigningKey


@dataclass(frozen=True)
class PublishSettings:
    """What every shop of the run is published with (sent to each worker once)."""

    location: StoreLocation
    effective: str | None = None
    note: str | None = None
    key_path: Path | None = None


@dataclass
class _Worker:
    settings: PublishSettings
    engine: Engine
    key: SigningKey | None


_worker: _Worker | None = None


def start(settings: PublishSettings) -> Callable[[], None]:
    """Open this process's engine (and signing key); returns what closes them."""
    global _worker
    key = None if settings.key_path is None else load_key(settings.key_path)
    engine = create_engine_for(settings.location, read_only=False)
    _worker = _Worker(settings, engine, key)
    return engine.dispose


def publish_file(file: str) -> ShopResult:
    """Check, render and publish one file; every failure becomes a result, never an exception."""
    worker = _worker
    assert worker is not None, "start() runs first"
    return for_each_file(file, lambda path, shop: _publish(worker, path, shop))


def _publish(worker: _Worker, file: str, shop: str) -> ShopResult:
    report = check_loaded(load_policy(file))
    errors = [item for item in report.diagnostics if item.severity == "error"]
    if errors or report.result.policy is None:
        return failure(file, shop, *(item.headline for item in errors or report.diagnostics))
    warnings = sum(item.severity == "warning" for item in report.diagnostics)
    policy = report.result.policy
    settings = worker.settings
    try:
        moment = None
        if settings.effective is not None:
            moment = parse_moment(settings.effective, policy.shop.timezone, "'--effective'")
        draft = Draft(check_shop_id(shop), policy, report.source or "", Path(file).name)
        outcome = publish(
            worker.engine, settings.location, draft, effective=moment, note=settings.note, key=worker.key
        )
    except StoreError as error:
        hint = f" ({error.hint})" if error.hint else ""
        return failure(file, shop, f"{file}: {error.message}{hint}")
    except click.BadParameter as error:
        return failure(file, shop, f"{file}: {error.format_message()}")
    version = outcome.version
    details = {"version": version.entry().model_dump(mode="json"), "notes": list(outcome.notes)}
    return ShopResult(file, shop, outcome.action, warnings=warnings, details=details)
