"""Ingest streams: an export ten times as long needs no more memory, in SQLite and PostgreSQL alike.

Each ingest runs in a fresh process, which reports how far its peak resident memory rose while the
rows went in (everything the process holds: Python objects, the driver, SQLite's page cache). Rows are
read one at a time and written in batches, so 10,000 rows (five batches) and 100,000 rows (fifty) must
need about the same; memory that grew with the rows would need ten times as much. (Batches of 2,000
rows rather than the command's 10,000 keep the test quick; bench/evidence.py reports the peak of a
1,000,000-row ingest with the command's batches.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from shopterms.policy.evidence.fields import FIELDS

PROBE = Path(__file__).with_name("memory_probe.py")
BATCH = 2_000
SMALL, LARGE = 5 * BATCH, 50 * BATCH
MIB = 1 << 20
REGIONS = ("DE-BY", "DE-HH", "DE-NW", "DE-BE", "AT-9", "AT-3")


def _export(path: Path, rows: int) -> Path:
    """`rows` parcels of distinct orders over two months, every seventh with a return."""
    with path.open("w", encoding="utf-8") as stream:
        stream.write(",".join(FIELDS) + "\n")
        for number in range(rows):
            month, day = 9 + number % 2, 1 + number % 28
            region = REGIONS[number % len(REGIONS)]
            back = f"2026-{month + 2:02d}-{day:02d}"
            returned = f"{back},,{back},{back}" if number % 7 == 0 else ",,,"
            ordered = f"2026-{month:02d}-{day:02d}T{number % 24:02d}:{number % 60:02d}:00+02:00"
            stream.write(
                f"#{100_000 + number},1,{ordered},"
                f"standard,{region[:2]},{region},{80_000 + number % 9_000},dhl-germany,delivered,"
                f"2026-{month:02d}-{day:02d},2026-{month + 1:02d}-{day:02d},{returned}\n"
            )
    return path


def _grown(url: str, shop: str, export: Path, keys: Path) -> dict[str, int]:
    run = subprocess.run(
        [sys.executable, str(PROBE), url, shop, str(export), str(keys), str(BATCH)],
        capture_output=True,
        text=True,
        timeout=600,  # only stops a hung probe; nothing waits on time
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("exports")
    return _export(folder / "small.csv", SMALL), _export(folder / "large.csv", LARGE)


def test_ten_times_the_rows_need_no_more_memory(
    store_url: str, exports: tuple[Path, Path], tmp_path: Path
) -> None:
    small_export, large_export = exports
    small = _grown(store_url, "small", small_export, tmp_path)
    large = _grown(store_url, "large", large_export, tmp_path)
    assert (small["rows"], small["new"]) == (SMALL, SMALL)
    assert (large["rows"], large["new"], large["returns"]) == (LARGE, LARGE, -(-LARGE // 7))
    # Growing with the rows would take about ten times the small ingest's memory; a few MiB either
    # way is the allocator's noise.
    assert large["grown"] <= small["grown"] * 1.5 + 4 * MIB, (small["grown"] // MIB, large["grown"] // MIB)
