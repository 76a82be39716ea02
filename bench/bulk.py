"""Publishing and building many shops: the directory commands on 1 and 2 processes against the loop
a platform runs today (one `shopterms publish FILE` per file), all measured in the same run.

1. generate N shops from the examples (bench/shop_generator.py);
2. the old per-file loop: `shopterms publish FILE` for each of the first --loop-sample files, in fresh
   processes (what `for f in shops/*.yaml; do shopterms publish "$f"; done` costs), into its own store;
3. `shopterms publish DIR --jobs 1` and `--jobs 2`, each into a new store, then DIR again unchanged;
4. `shopterms build DIR -o OUT --jobs 1` and `--jobs 2`.

Prints shops/s of wall-clock time, shops per CPU-second (what one core does, whatever else the
machine runs: the CPU time of the command and its worker processes), and the ratios. Commands run as
subprocesses with the venv's `shopterms`; times include start-up (imports, the pool), as a merchant
would wait for them. On a machine busy with other work the wall-clock gain of --jobs 2 is bounded
by the cores left free; the per-CPU-second figure is not.

    .venv/bin/python bench/bulk.py [--shops 500] [--loop-sample 40] [--seed 1] [--store postgresql://…]

--store runs the publish steps against that PostgreSQL database instead of new SQLite files (each
step in a schema of its own, dropped afterwards).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from shop_generator import generate_shops

SHOPTERMS = str(Path(sys.executable).with_name("shopterms"))


def _cpu() -> float:
    # The command's and its workers' CPU time: both are waited for, so both count as children.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], expect: int = 0) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds of one command."""
    started, cpu = time.perf_counter(), _cpu()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != expect:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return seconds, _cpu() - cpu


def _sum(times: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(wall for wall, _ in times), sum(cpu for _, cpu in times)


@contextmanager
def _store(postgres: str | None, directory: Path, name: str) -> Iterator[str]:
    """A new, empty store: a SQLite file, or a schema of its own in the PostgreSQL database."""
    if postgres is None:
        yield f"sqlite:///{directory / f'{name}.db'}"
        return
    import psycopg

    schema = f"bench_{name}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        separator = "&" if "?" in postgres else "?"
        yield f"{postgres}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(postgres, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _row(label: str, shops: int, times: tuple[float, float]) -> float:
    seconds, cpu = times
    rate = shops / seconds
    print(f"{label:<44} {shops:>6} {seconds:>8.1f} {rate:>8.1f} {cpu:>8.1f} {shops / cpu:>10.1f}")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shops", type=int, default=500)
    parser.add_argument("--loop-sample", type=int, default=40, help="files published one command each")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", help="a PostgreSQL database to publish into instead of SQLite files")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="shopterms-bulk-") as temporary:
        work = Path(temporary)
        paths = generate_shops(arguments.shops, work / "shops", arguments.seed)
        shops = str(work / "shops")
        print(f"{arguments.shops} shops generated from the examples; store: {arguments.store or 'SQLite'}\n")
        sample = paths[: arguments.loop_sample]
        with _store(arguments.store, work, "loop") as store:
            loop = _sum([_timed([SHOPTERMS, "publish", str(path), "--store", store]) for path in sample])
        print(f"{'':<44} {'shops':>6} {'wall s':>8} {'shops/s':>8} {'CPU s':>8} {'per CPU s':>10}")
        loop_rate = _row("publish FILE, one command per file (old loop)", len(sample), loop)
        rates = {}
        for jobs in (1, 2):
            with _store(arguments.store, work, f"jobs{jobs}") as store:
                times = _timed([SHOPTERMS, "publish", shops, "--store", store, "--jobs", str(jobs)])
                rates[jobs] = _row(f"publish DIR --jobs {jobs}", arguments.shops, times)
                if jobs == 2:
                    again = _timed([SHOPTERMS, "publish", shops, "--store", store, "--jobs", "2"])
                    _row("publish DIR --jobs 2 again, unchanged", arguments.shops, again)
        builds = {}
        for jobs in (1, 2):
            times = _timed([SHOPTERMS, "build", shops, "-o", str(work / f"site{jobs}"), "--jobs", str(jobs)])
            builds[jobs] = _row(f"build DIR -o OUT --jobs {jobs}", arguments.shops, times)
        print()
        print(f"publish DIR --jobs 1 / old loop:   {rates[1] / loop_rate:5.1f} x  (shops/s)")
        print(
            f"publish DIR --jobs 2 / --jobs 1:   {rates[2] / rates[1]:5.2f} x  (ideal: 2.0 on 2 idle cores)"
        )
        print(f"build DIR --jobs 2 / --jobs 1:     {builds[2] / builds[1]:5.2f} x")


if __name__ == "__main__":
    main()
