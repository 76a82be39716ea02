"""Ingest streams: the memory it needs depends on the batch, not on the length of the export."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from shopterms.policy.evidence.fields import FIELDS
from shopterms.policy.evidence.mapping import load_mapping
from shopterms.store.engine import open_writer
from shopterms.store.evidence.ingest import ingest
from shopterms.store.location import parse_store

BATCH = 200


def _export(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        stream.write(",".join(FIELDS) + "\n")
        for number in range(rows):
            day = 1 + number % 28
            stream.write(
                f"M-{number},1,2026-06-{day:02d}T10:00:00+02:00,standard,DE,DE-BY,80331,dhl-germany,delivered,"
                f"2026-06-{day:02d},2026-07-{day:02d},,,,\n"
            )
    return path


def _peak_bytes(tmp_path: Path, rows: int) -> int:
    location = parse_store(f"sqlite:///{tmp_path / f'store-{rows}.db'}")
    engine = open_writer(location)
    export = _export(tmp_path / f"export-{rows}.csv", rows)
    tracemalloc.start()
    try:
        report = ingest(
            engine,
            location,
            "shop",
            str(export),
            load_mapping("shopterms"),
            b"k" * 32,
            tmp_path,
            _no_bad_rows,
            BATCH,
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        engine.dispose()
    assert report.new_parcels == rows
    return peak


def _no_bad_rows(line: int, message: str) -> None:
    raise AssertionError(f"line {line}: {message}")


def test_ten_times_the_rows_need_no_more_memory_than_a_batch(tmp_path: Path) -> None:
    small = _peak_bytes(tmp_path, 4 * BATCH)
    large = _peak_bytes(tmp_path, 40 * BATCH)
    assert large < small * 1.5
