"""What ingesting an export costs against the database's own fastest way in, and how long the figures take.

    python bench/evidence.py [--rows 1000000] [--postgres URL] [--keep DIR]

1. A realistic export of `--rows` parcels of the example shop is simulated once (`evidence simulate`,
   CSV, about one in eight with a return) — not timed.
2. For each database (SQLite, and PostgreSQL when `--postgres` or $SHOPTERMS_TEST_POSTGRES names one; a
   schema of its own is made there and dropped afterwards):
   - **ingest**: `shopterms evidence ingest` as the command runs it (read the CSV, check every row,
     hash the order ids, merge and upsert in batches, one transaction), rows/s and the growth of the
     process's peak memory (resident set) while it ran;
   - **bare**: the very records ingest stored, written into a table of the same shape (same primary key
     and index) in the same database: `executemany` of a plain INSERT through the sqlite3 driver, or
     psycopg's COPY for PostgreSQL, in batches of the same size, one transaction. Only the writes are
     timed; preparing the records for it is not. Target: ingest >= 0.5 x bare (rows/s).
   - **figures**: judging every parcel against its promise and adding up every cell, as
     `evidence report` does before it saves the run (`compute`), parcels/s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
POLICY = REPO / "examples" / "nordlicht-mode.yaml"
SHOP = "nordlicht-mode"
UNTIL = dt.date(2026, 12, 20)
TARGET = 0.5


def simulate(path: Path, rows: int) -> float:
    from shopterms.policy.evidence.export import write_export
    from shopterms.policy.evidence.simulate import Simulator
    from shopterms.policy.loader import load_policy

    policy = load_policy(POLICY).policy
    assert policy is not None
    started = time.perf_counter()
    write_export(Simulator(policy, until=UNTIL).rows(rows), path, "csv")
    return time.perf_counter() - started


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def ingest_rows(url: str, export: Path, key: bytes, scratch: Path) -> tuple[float, float, float, int]:
    """Seconds, this process's CPU seconds, peak-memory growth (MiB) and rows of one ingest into a new
    store at `url`."""
    from shopterms.policy.evidence.mapping import load_mapping
    from shopterms.store.engine import open_writer
    from shopterms.store.evidence.ingest import ingest
    from shopterms.store.location import parse_store

    location = parse_store(url)
    engine = open_writer(location)
    try:

        def bad(line: int, message: str) -> None:
            raise SystemExit(f"{export}:{line}: {message}")

        before = peak_rss_mib()
        started, cpu = time.perf_counter(), time.process_time()
        report = ingest(engine, location, SHOP, str(export), load_mapping("shopterms"), key, scratch, bad)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        return seconds, cpu, peak_rss_mib() - before, report.rows
    finally:
        engine.dispose()


def bare_writes(url: str, export: Path, key: bytes, batch: int) -> tuple[float, float]:
    """Seconds (and this process's CPU seconds) spent writing the same records into tables of the same
    shape with the driver's bare way."""
    from shopterms.policy.evidence.mapping import load_mapping
    from shopterms.policy.evidence.reading import ExportReader
    from shopterms.policy.evidence.rows import RowConverter
    from shopterms.store.engine import open_writer
    from shopterms.store.evidence.ingest import _Batch
    from shopterms.store.location import parse_store

    location = parse_store(url)
    engine = open_writer(location)
    mapping = load_mapping("shopterms")
    converter = RowConverter(mapping, key)
    now_us = time.time_ns() // 1000
    spent = cpu = 0.0
    try:
        with engine.begin() as connection:
            driver: Any = connection.connection.driver_connection
            write = _bare_writer(driver, connection.dialect.name)
            pending, records = 0, _Batch(SHOP)

            def flush() -> tuple[float, float]:
                parcel_rows, return_rows = records.rows(now_us)
                started, used = time.perf_counter(), time.process_time()
                write("parcels", parcel_rows)
                write("returns", return_rows)
                return time.perf_counter() - started, time.process_time() - used

            for _, raw in ExportReader(str(export), mapping).rows():
                converted = converter.convert(raw)  # type: ignore[arg-type]
                assert converted is not None
                records.add(converted.parcel, converted.returned)
                pending += 1
                if pending == batch:
                    seconds, used = flush()
                    spent, cpu = spent + seconds, cpu + used
                    pending, records = 0, _Batch(SHOP)
            seconds, used = flush()
            spent, cpu = spent + seconds, cpu + used
            started, used = time.perf_counter(), time.process_time()
        spent += time.perf_counter() - started  # the commit
        cpu += time.process_time() - used
    finally:
        engine.dispose()
    return spent, cpu


def _bare_writer(driver: Any, dialect: str) -> Any:
    from shopterms.store.evidence.writing import TABLE_COLUMNS

    cursor = driver.cursor()
    columns = {"parcels": TABLE_COLUMNS["shopterms_parcels"], "returns": TABLE_COLUMNS["shopterms_returns"]}
    if dialect == "sqlite":
        for name in columns:
            (ddl,) = cursor.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", (f"shopterms_{name}",)
            ).fetchone()
            cursor.execute(ddl.replace(f"shopterms_{name}", f"bare_{name}", 1))
        cursor.execute("CREATE INDEX bare_parcels_by_order_moment ON bare_parcels (shop_id, ordered_us)")

        def sqlite_write(name: str, rows: list[tuple[object, ...]]) -> None:
            marks = ", ".join("?" for _ in columns[name])
            cursor.executemany(f"INSERT INTO bare_{name} ({', '.join(columns[name])}) VALUES ({marks})", rows)

        return sqlite_write
    for name in columns:
        cursor.execute(f"CREATE TABLE bare_{name} (LIKE shopterms_{name} INCLUDING ALL)")

    def copy_write(name: str, rows: list[tuple[object, ...]]) -> None:
        with cursor.copy(f"COPY bare_{name} ({', '.join(columns[name])}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    return copy_write


def figures_seconds(url: str) -> tuple[float, float, int]:
    """Seconds to judge and add up every parcel of the window (as `evidence report`), and parcels judged."""
    from shopterms.policy.loader import load_policy
    from shopterms.store.engine import open_reader
    from shopterms.store.evidence.computing import compute, file_terms
    from shopterms.store.location import parse_store

    policy = load_policy(POLICY).policy
    assert policy is not None
    location = parse_store(url)
    engine = open_reader(location)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        computation = compute(engine, location, SHOP, file_terms(policy, POLICY.name), until=UNTIL)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        engine.dispose()
    overall = computation.performance.overall
    return seconds, cpu, 0 if overall is None else overall.parcels


def postgres_schema(url: str) -> tuple[str, Any]:
    """A new schema in the database at `url`: the store address inside it, and a function dropping it."""
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    schema = f"bench_evidence_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')

    def drop() -> None:
        with psycopg.connect(plain, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')

    separator = "&" if "?" in plain else "?"
    return f"{plain}{separator}options=-csearch_path%3D{schema}", drop


def measure(name: str, url: str, export: Path, rows: int, scratch: Path) -> bool:
    from shopterms.store.evidence.ingest import BATCH_ROWS

    key = os.urandom(32)
    ingest_s, ingest_cpu, grown_mib, read = ingest_rows(url, export, key, scratch)
    assert read == rows, (read, rows)
    bare_s, bare_cpu = bare_writes(url, export, key, BATCH_ROWS)
    judge_s, judge_cpu, judged = figures_seconds(url)
    ratio = bare_s / ingest_s
    print(f"{name}:")
    print(
        f"  ingest  {rows / ingest_s:>10,.0f} rows/s  ({ingest_s:.1f} s, {ingest_cpu:.1f} s CPU here, "
        f"peak memory +{grown_mib:.0f} MiB)"
    )
    bare = "executemany" if name == "sqlite" else "COPY"
    print(
        f"  bare    {rows / bare_s:>10,.0f} rows/s  ({bare_s:.1f} s, {bare_cpu:.1f} s CPU here, "
        f"{bare} of the same records)"
    )
    verdict = "✔" if ratio >= TARGET else "✘"
    print(f"  ratio   {ratio:.2f} x bare (target >= {TARGET}) {verdict}")
    print(
        f"  figures {judge_s:.1f} s ({judge_cpu:.1f} s CPU) to judge and add up {judged:,} parcels "
        f"({judged / judge_s:,.0f}/s)"
    )
    return ratio >= TARGET


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--postgres", default=os.environ.get("SHOPTERMS_TEST_POSTGRES"))
    parser.add_argument("--keep", type=Path, help="keep the simulated export in this directory")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        scratch = Path(directory)
        export = (arguments.keep or scratch) / f"export-{arguments.rows}.csv"
        if export.exists():
            print(f"export: {export} (kept from an earlier run)")
        else:
            seconds = simulate(export, arguments.rows)
            size = export.stat().st_size
            print(f"export: {arguments.rows:,} simulated parcels ({seconds:.0f} s), {size:,} bytes")
        met = [measure("sqlite", f"sqlite:///{scratch / 'store.db'}", export, arguments.rows, scratch)]
        if arguments.postgres:
            url, drop = postgres_schema(arguments.postgres)
            try:
                met.append(measure("postgresql", url, export, arguments.rows, scratch))
            finally:
                drop()
        else:
            print("postgresql: skipped (give --postgres URL or set SHOPTERMS_TEST_POSTGRES)")
    sys.exit(0 if all(met) else 1)


if __name__ == "__main__":
    main()
