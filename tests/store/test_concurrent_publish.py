"""Two `shopterms publish` processes at once: one wins, the other reports it and writes nothing.

The test holds the store's write lock itself, starts both processes, waits until each says it is waiting
for the lock (so both read the same latest version), then releases it: the order is then decided by
the database, and exactly one of the two can commit on top of version 1.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from shopterms.store.location import parse_store
from shopterms.store.reading import StoreReader
from tests.store.store_harness import EXPRESS_CUTOFF, SHOP, SHORT_WINDOW_AT, publish_text, variant

SHOPTERMS = Path(sys.executable).with_name("shopterms")
WAITING = "waiting for another publish to finish"


@contextmanager
def store_locked(url: str) -> Iterator[None]:
    """Hold the lock every publish takes before it writes, until the block ends."""
    location = parse_store(url)
    if location.path is not None:
        connection = sqlite3.connect(location.path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            connection.execute("ROLLBACK")
            connection.close()
        return
    with psycopg.connect(url) as held:
        held.execute("SELECT counter FROM shopterms_changes WHERE id = 1 FOR UPDATE")
        try:
            yield
        finally:
            held.rollback()


def _file(directory: Path, text: str) -> Path:
    directory.mkdir()
    path = directory / f"{SHOP}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _publish_both(url: str, files: list[Path]) -> list[tuple[int, str, str]]:
    processes: list[subprocess.Popen[str]] = []
    try:
        with store_locked(url):
            for path in files:
                command = [str(SHOPTERMS), "publish", str(path), "--store", url]
                processes.append(
                    subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                )
            for process in processes:
                assert process.stderr is not None
                line = process.stderr.readline()  # blocks until the process reaches the lock
                assert WAITING in line, line
        results = []
        for process in processes:
            out, err = process.communicate(timeout=120)
            results.append((process.returncode, out, err))
        return results
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def _numbers(url: str) -> list[int | None]:
    with StoreReader.open(parse_store(url)) as store:
        return [version.number for version in store.versions(SHOP)]


def test_two_publishes_at_once_one_wins_and_the_other_reports_it(store_url: str, tmp_path: Path) -> None:
    publish_text(store_url)
    files = [_file(tmp_path / "a", variant(EXPRESS_CUTOFF)), _file(tmp_path / "b", variant(SHORT_WINDOW_AT))]
    results = _publish_both(store_url, files)
    assert sorted(code for code, _, _ in results) == [0, 1]
    winner = next(result for result in results if result[0] == 0)
    loser = next(result for result in results if result[0] == 1)
    assert winner[1].startswith(f"published {SHOP} version 2 (")
    assert (
        f"another publish of {SHOP} committed version 2 while this one ran; nothing was written" in loser[2]
    )
    assert loser[1] == ""
    assert _numbers(store_url) == [1, 2]


def test_two_publishes_of_the_same_content_at_once_publish_it_once(store_url: str, tmp_path: Path) -> None:
    publish_text(store_url)
    text = variant(EXPRESS_CUTOFF)
    results = _publish_both(store_url, [_file(tmp_path / "a", text), _file(tmp_path / "b", text)])
    assert [code for code, _, _ in results] == [0, 0]
    outputs = sorted(out.split(" ")[0] for _, out, _ in results)
    assert outputs == ["published", "unchanged:"]
    assert any("another publish committed the same content as version 2" in err for _, _, err in results)
    assert _numbers(store_url) == [1, 2]
