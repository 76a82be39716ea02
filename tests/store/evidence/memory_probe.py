"""Run in a process of its own by test_ingest_memory: ingest one export into a store and print, as JSON,
how far the process's peak resident memory rose during the ingest (bytes) and what the ingest counted.

    python memory_probe.py STORE_URL SHOP EXPORT KEY_DIRECTORY BATCH_ROWS

Everything the ingest needs is imported and warmed up (a one-row ingest into a scratch shop) first; then
the kernel's peak mark is reset (/proc/self/clear_refs), so the growth measured is the ingest's own: its
peak resident set (VmHWM) less the resident set it started from (VmRSS).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from shopterms.policy.evidence.mapping import load_mapping
from shopterms.store.engine import open_writer
from shopterms.store.evidence.ingest import ingest
from shopterms.store.location import parse_store

KEY = b"k" * 32


def _status(name: str) -> int:
    """A memory figure of this process from /proc/self/status, in bytes."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith(f"{name}:"))
    return int(line.split()[1]) * 1024  # reported in kB


def _refuse(line: int, message: str) -> None:
    raise SystemExit(f"line {line}: {message}")


def main(url: str, shop: str, export: Path, keys: Path, batch: int) -> None:
    location = parse_store(url)
    engine = open_writer(location)
    mapping = load_mapping("shopterms")
    try:
        warm_up = keys / "warm-up.csv"
        with export.open(encoding="utf-8") as source:
            warm_up.write_text(source.readline() + source.readline(), encoding="utf-8")
        ingest(engine, location, f"{shop}-warm-up", str(warm_up), mapping, KEY, keys, _refuse, batch)
        with open("/proc/self/clear_refs", "w", encoding="ascii") as marks:
            marks.write("5")  # resets the peak resident set to the current one
        before = _status("VmRSS")
        report = ingest(engine, location, shop, str(export), mapping, KEY, keys, _refuse, batch)
        grown = _status("VmHWM") - before
    finally:
        engine.dispose()
    print(
        json.dumps(
            {"grown": grown, "rows": report.rows, "new": report.new_parcels, "returns": report.returns}
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5]))
