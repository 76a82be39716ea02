"""Writing rows in the canonical export format, as CSV or JSON Lines, streamed (a row at a time).

A file is written beside its target and renamed into place only when every row is written, so an
interrupted run never leaves half an export behind.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from shopterms.policy.evidence.fields import FIELDS


def _write(rows: Iterable[dict[str, str]], stream: IO[str], kind: str) -> int:
    count = 0
    if kind == "csv":
        writer = csv.DictWriter(stream, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
        return count
    for row in rows:
        stream.write(
            json.dumps({key: value for key, value in row.items() if value}, ensure_ascii=False) + "\n"
        )
        count += 1
    return count


def write_export(rows: Iterable[dict[str, str]], target: Path | None, kind: str) -> int:
    """Write the rows to `target` (None: standard output); returns how many were written."""
    if target is None:
        return _write(rows, sys.stdout, kind)
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(descriptor)
    try:
        if target.name.endswith(".gz"):
            with gzip.open(temporary, "wt", encoding="utf-8", newline="") as stream:
                count = _write(rows, stream, kind)
        else:
            with open(temporary, "w", encoding="utf-8", newline="") as stream:
                count = _write(rows, stream, kind)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
