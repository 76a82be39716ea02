"""Helpers for the evidence tests: the sample exports, the CLI, and reading a store's records back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import select

from shopterms.store.engine import open_reader
from shopterms.store.evidence.tables import parcels, returns
from shopterms.store.location import parse_store
from shopterms.validators.cli import main

EXPORTS = Path(__file__).resolve().parent / "exports"


def run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    return result.exit_code, result.stdout, result.stderr


def ingest(store_url: str, key: Path, export: str | Path, *options: str) -> tuple[int, str, str]:
    path = export if isinstance(export, Path) else EXPORTS / export
    return run(
        "evidence",
        "ingest",
        str(path),
        "--shop",
        "nordlicht-mode",
        "--store",
        store_url,
        "--key",
        str(key),
        *options,
    )


def rows(store_url: str, table: Any = parcels) -> list[dict[str, Any]]:
    location = parse_store(store_url)
    engine = open_reader(location)
    try:
        with engine.connect() as connection:
            return [
                dict(row._mapping)
                for row in connection.execute(
                    select(table).order_by(table.c.ordered_us if table is parcels else table.c.parcel_key)
                )
            ]
    finally:
        engine.dispose()


def return_rows(store_url: str) -> list[dict[str, Any]]:
    return rows(store_url, returns)
