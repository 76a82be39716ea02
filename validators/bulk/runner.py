"""Running one task per policy file of a directory on a pool of worker processes.

Workers do everything a shop needs (read, check, render, write), so the parent only hands out file
names and collects small results. With `jobs` 1 the files are handled in this process, as a loop.
A worker ignores Ctrl-C: the parent stops the pool, and every shop finished so far stays finished.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.util
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from shopterms.validators.bulk.progress import Progress
from shopterms.validators.bulk.results import ShopResult


class PoolError(Exception):
    """A worker process died (killed, out of memory); the shops it held are not reported."""


def policy_files(directory: Path) -> list[Path]:
    """The policy files of a directory: *.yaml and *.yml, sorted (as `serve DIR` reads them)."""
    return sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])


def duplicate_shops(files: Sequence[Path]) -> dict[str, list[Path]]:
    """Shop ids claimed by more than one file (shop.yaml beside shop.yml)."""
    by_shop: dict[str, list[Path]] = {}
    for path in files:
        by_shop.setdefault(path.stem, []).append(path)
    return {shop: paths for shop, paths in by_shop.items() if len(paths) > 1}


def _chunk(total: int, jobs: int) -> int:
    # Several files per message to a worker, yet small enough that the progress moves and the work
    # stays shared out evenly at the end.
    return max(1, min(16, total // (jobs * 20)))


def _start_worker(setup: Callable[..., Callable[[], None]], arguments: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    close = setup(*arguments)
    # Runs when the pool ends the worker (connections closed politely, not dropped by the exit).
    multiprocessing.util.Finalize(None, close, exitpriority=10)


def run(
    files: Sequence[Path],
    task: Callable[[str], ShopResult],
    setup: Callable[..., Callable[[], None]],
    arguments: tuple[Any, ...],
    jobs: int,
    progress: Progress,
) -> list[ShopResult]:
    """`task(file)` for every file, after `setup(*arguments)` in each worker; results in file order."""
    names = [str(path) for path in files]
    results: list[ShopResult] = []
    for result in _results(names, task, setup, arguments, jobs):
        results.append(result)
        progress.advance(result.failed)
    return results


def _results(
    names: list[str],
    task: Callable[[str], ShopResult],
    setup: Callable[..., Callable[[], None]],
    arguments: tuple[Any, ...],
    jobs: int,
) -> Iterator[ShopResult]:
    if jobs == 1 or len(names) == 1:
        close = setup(*arguments)
        try:
            yield from map(task, names)
        finally:
            close()
        return
    context = multiprocessing.get_context()
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(names)),
        mp_context=context,
        initializer=_start_worker,
        initargs=(setup, arguments),
    ) as pool:
        try:
            yield from pool.map(task, names, chunksize=_chunk(len(names), jobs))
        except BrokenProcessPool:
            raise PoolError("a worker process stopped unexpectedly (killed, or out of memory)") from None
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
