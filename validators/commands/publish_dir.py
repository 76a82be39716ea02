"""`shopterms publish DIR`: every policy file of a directory as its shop's next version, on all cores.

Broken files do not stop the run: they are listed at the end with their located errors and the exit
status is 1; the other shops are published. A shop already holding a file's content records nothing.
Exit 2 when the directory or the store cannot be used at all.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import NoReturn

import click

from shopterms.validators.bulk.progress import Progress
from shopterms.validators.bulk.results import ShopResult, counts, report_failures, warnings_note
from shopterms.validators.bulk.runner import PoolError, duplicate_shops, policy_files, run
from shopterms.validators.commands.store_options import fail, parse_moment


def publish_directory(
    directory: Path,
    *,
    jobs: int,
    effective: str | None,
    note: str | None,
    key_path: Path | None,
    store: str | None,
    output_format: str,
) -> NoReturn:
    from shopterms.store.engine import open_writer
    from shopterms.store.errors import StoreError
    from shopterms.store.location import resolve_store
    from shopterms.validators.bulk.publish_worker import PublishSettings, publish_file, start

    files = checked_files(directory, "publish")
    jobs = min(jobs, len(files))
    if effective is not None:
        parse_moment(effective, "UTC", "'--effective'")  # wrong forms stop the run before it starts
    try:
        location = resolve_store(store, directory / files[0].name)
        # Made (or checked) here, once: workers must not race to create a new store's tables.
        open_writer(location).dispose()
    except StoreError as error:
        fail(error, "publish")
    settings = PublishSettings(location, effective, note, key_path)
    started = time.monotonic()
    with Progress("publish", len(files)) as progress:
        try:
            results = run(files, publish_file, start, (settings,), jobs, progress)
        except PoolError as error:
            click.echo(f"shopterms publish: {error}; shops finished before were published", err=True)
            raise SystemExit(2) from None
    seconds = time.monotonic() - started
    report_failures("publish", results)
    if output_format == "json":
        click.echo(json.dumps(_json(results, location.display), indent=2))
    else:
        warnings_note("publish", str(directory), results)
        click.echo(publish_summary(results, location.display, seconds, jobs))
    raise SystemExit(1 if any(result.failed for result in results) else 0)


def checked_files(directory: Path, command: str) -> list[Path]:
    """The directory's policy files; exit 2 when there are none, or two files name the same shop."""
    files = policy_files(directory)
    if not files:
        click.echo(f"shopterms {command}: {directory} holds no policy files (*.yaml, *.yml)", err=True)
        raise SystemExit(2)
    for shop, paths in sorted(duplicate_shops(files).items()):
        names = " and ".join(path.name for path in paths)
        click.echo(f"shopterms {command}: {names} would both be shop {shop}; keep one", err=True)
        raise SystemExit(2)
    return files


def publish_summary(results: list[ShopResult], store: str, seconds: float, jobs: int) -> str:
    """`published 480 shops, 17 unchanged, 3 failed (500 files, 2 jobs, 12.4 s) in STORE`."""
    found = counts(results)
    parts = [f"published {found['published']} shop{'' if found['published'] == 1 else 's'}"]
    parts += [f"{found[action]} {action}" for action in ("signed", "unchanged", "failed") if found[action]]
    line = f"{', '.join(parts)} ({len(results)} files, {jobs} jobs, {seconds:.1f} s) in {store}"
    if not found["published"] and not found["signed"]:
        line += "; nothing new was recorded"
    return line


def _json(results: list[ShopResult], store: str) -> dict[str, object]:
    return {
        "store": store,
        "counts": dict(sorted(counts(results).items())),
        "shops": [
            {"file": result.file, "shop": result.shop, "action": result.action, **result.details}
            for result in results
            if not result.failed
        ],
        "failed": [
            {"file": result.file, "shop": result.shop, "problems": list(result.problems)}
            for result in results
            if result.failed
        ],
    }
