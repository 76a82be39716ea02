"""Ingesting an export: rows read one at a time, checked, hashed, merged per batch and upserted, all in
one transaction, so a failure (or Ctrl-C) leaves the store as it was and memory stays that of a batch.

A row that cannot be taken is reported (with its line) through `on_bad_row` and skipped; the rest is
ingested. A problem of the whole file (unreadable, no order column, a personal-data column) raises
before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from shopterms.policy.evidence.mapping import Mapping
from shopterms.policy.evidence.reading import ExportReader
from shopterms.policy.evidence.records import ParcelRecord, ReturnRecord
from shopterms.policy.evidence.rows import RowConverter, RowError
from shopterms.store.engine import translated
from shopterms.store.evidence.keys import bind_key
from shopterms.store.evidence.tables import parcels
from shopterms.store.evidence.writing import batch_writer
from shopterms.store.location import StoreLocation
from shopterms.store.moments import to_us, utc_now

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

BATCH_ROWS = 10_000


@dataclass
class IngestReport:
    """What an ingest did, for the summary line."""

    rows: int = 0
    new_parcels: int = 0
    updated_parcels: int = 0
    returns: int = 0
    bad_rows: int = 0
    skipped: int = 0
    notices: list[str] = field(default_factory=list)


def _merged(old: tuple[Any, ...], new: tuple[Any, ...]) -> list[Any]:
    """The fields of a record updated by a later row of the same parcel: its values win, empty ones keep."""
    return [b if b is not None else a for a, b in zip(old, new, strict=True)]


class _Batch:
    """Records of up to BATCH_ROWS rows, merged by parcel."""

    def __init__(self, shop: str) -> None:
        self.shop = shop
        self.parcels: dict[str, ParcelRecord] = {}
        self.returns: dict[str, ReturnRecord] = {}

    def add(self, parcel: ParcelRecord, returned: ReturnRecord | None) -> None:
        known = self.parcels.get(parcel.parcel_key)
        self.parcels[parcel.parcel_key] = parcel if known is None else ParcelRecord(*_merged(known, parcel))
        if returned is not None:
            earlier = self.returns.get(returned.parcel_key)
            self.returns[returned.parcel_key] = (
                returned if earlier is None else ReturnRecord(*_merged(earlier, returned))
            )

    def rows(self, now_us: int) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        shop = self.shop
        return (
            # In key order: the primary key's B-tree is then filled page by page, not at random.
            [(shop, *record, now_us) for _, record in sorted(self.parcels.items())],
            [(shop, *record, now_us) for _, record in sorted(self.returns.items())],
        )


def _parcel_count(connection: Connection, shop: str) -> int:
    return int(connection.execute(select(func.count()).where(parcels.c.shop_id == shop)).scalar_one())


def ingest(
    engine: Engine,
    location: StoreLocation,
    shop: str,
    source: str,
    mapping: Mapping,
    key: bytes,
    key_path: Path,
    on_bad_row: Callable[[int, str], None],
    batch_rows: int = BATCH_ROWS,
) -> IngestReport:
    """Read `source` (a path, or - for standard input) with `mapping` into the shop's records."""
    reader = ExportReader(source, mapping)
    converter = RowConverter(mapping, key)
    report = IngestReport()
    now_us = to_us(utc_now())
    with translated(location), engine.begin() as connection:
        bind_key(connection, shop, key, key_path)
        before = _parcel_count(connection, shop)
        writer = batch_writer(connection)
        batch, written = _Batch(shop), 0

        def flush() -> None:
            nonlocal batch, written
            parcel_rows, return_rows = batch.rows(now_us)
            writer.write("shopterms_parcels", parcel_rows)
            writer.write("shopterms_returns", return_rows)
            written += len(parcel_rows)
            report.returns += len(return_rows)
            batch = _Batch(shop)

        pending = 0
        for line, raw in reader.rows():
            report.rows += 1
            if isinstance(raw, RowError):
                report.bad_rows += 1
                on_bad_row(line, str(raw))
                continue
            try:
                converted = converter.convert(raw)
            except RowError as error:
                report.bad_rows += 1
                on_bad_row(line, str(error))
                continue
            except UnicodeEncodeError:
                report.bad_rows += 1
                on_bad_row(line, f"the row holds bytes that are not {mapping.encoding} text")
                continue
            if converted is None:
                report.skipped += 1
                continue
            batch.add(converted.parcel, converted.returned)
            pending += 1
            if pending >= batch_rows:
                flush()
                pending = 0
        flush()
        after = _parcel_count(connection, shop)
    report.rows += reader.skipped
    report.skipped += reader.skipped
    report.new_parcels = after - before
    report.updated_parcels = written - report.new_parcels
    report.notices = reader.notices
    return report
