"""`shopterms build DIR -o OUT`: every policy file of a directory built into OUT/<shop>/, on all cores.

Broken files do not stop the run: they are listed at the end with their located errors, their shops'
directories are left as their last good build made them, and the exit status is 1. Exit 2 when the
directory, OUT or the store for --evidence cannot be used at all.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import NoReturn

import click

from shopterms.validators.bulk.progress import Progress
from shopterms.validators.bulk.results import counts, report_failures
from shopterms.validators.bulk.runner import PoolError, run
from shopterms.validators.commands.publish_dir import checked_files
from shopterms.validators.commands.store_options import fail


def build_directory(
    directory: Path, output: Path, *, jobs: int, evidence: bool, store: str | None
) -> NoReturn:
    from shopterms.store.errors import StoreError
    from shopterms.validators.bulk.build_worker import BuildSettings, build_file, start

    files = checked_files(directory, "build")
    jobs = min(jobs, len(files))
    output = Path(os.path.abspath(output))
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        click.echo(f"shopterms build: cannot create {output}: {error.strerror or error}", err=True)
        raise SystemExit(2) from None
    location = None
    if evidence:
        from shopterms.store.engine import open_reader
        from shopterms.store.location import resolve_store

        try:
            location = resolve_store(store, directory / files[0].name)
            open_reader(location).dispose()
        except StoreError as error:
            fail(error, "build")
    started = time.monotonic()
    with Progress("build", len(files)) as progress:
        try:
            results = run(files, build_file, start, (BuildSettings(output, location),), jobs, progress)
        except PoolError as error:
            click.echo(f"shopterms build: {error}; shops finished before were built", err=True)
            raise SystemExit(2) from None
    seconds = time.monotonic() - started
    report_failures("build", results)
    if evidence:
        without = sum(not result.failed and not result.details.get("evidence") for result in results)
        if without:
            click.echo(
                f"shopterms build: note: {without} of the shops have no measured figures yet", err=True
            )
    found = counts(results)
    failed = f", {found['failed']} failed" if found["failed"] else ""
    click.echo(
        f"built {found['built']} shop{'' if found['built'] == 1 else 's'}{failed} "
        f"({len(results)} files, {jobs} jobs, {seconds:.1f} s) into {output}"
    )
    raise SystemExit(1 if found["failed"] else 0)
