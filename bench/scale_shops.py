"""Many shops for bench/scale.py: policy files varied from the examples, and publishing them.

`generate(n, out_dir, seed)` writes n policy files with bench/shop_generator.py: each one of the
examples with its own id, name and address, cutoffs, return windows, prices and countries varied.

`publish_all` publishes a directory of files into a store on a pool of processes, each reading YAML
either with today's reader or, for the "before" figure, with ruamel.yaml's scanner alone (the reader
before libyaml's C scanner was added): `libyaml_events.usable` answers False, so `read_document`
takes the path it took then. Nothing outside this benchmark process pool is patched.
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.shop_generator import generate_shops

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = ("nordlicht-mode", "voltwerk-electronics", "kleinkram")


def generate(n: int, out_dir: Path, seed: int) -> list[Path]:
    """n valid shops varied from the examples (bench/shop_generator.py, shared with the bulk tests)."""
    return [Path(path) for path in generate_shops(n, out_dir, seed)]


# --- publishing on a pool of processes -------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _start_worker(store: str, reader: str) -> None:
    if reader == "ruamel":
        from shopterms.policy import libyaml_events

        libyaml_events.usable = lambda text: False  # type: ignore[assignment]
    from shopterms.store.engine import open_writer
    from shopterms.store.location import parse_store

    location = parse_store(store)
    _WORKER.update(location=location, engine=open_writer(location))


def _publish_one(path: str) -> tuple[str, float]:
    """The action a publish of the file ended in, and the CPU seconds this process spent on it."""
    began = time.process_time()
    return _publish_file(path), time.process_time() - began


def _publish_file(path: str) -> str:
    from shopterms.policy.loader import load_policy_text
    from shopterms.store.publishing import Draft, publish
    from shopterms.validators.file_report import check_loaded

    file = Path(path)
    text = file.read_text(encoding="utf-8")
    report = check_loaded(load_policy_text(text, file.name))  # the checks `shopterms publish` runs
    if report.result.policy is None or any(item.severity == "error" for item in report.diagnostics):
        return "refused"
    draft = Draft(file.stem, report.result.policy, text, file.name)
    return publish(_WORKER["engine"], _WORKER["location"], draft).action


@dataclass
class Published:
    """What publishing a list of files took: wall-clock seconds (pool start excluded), the CPU seconds
    the publishing processes spent (a database server's own work not included), and the actions."""

    seconds: float
    cpu_seconds: float
    actions: dict[str, int]


def publish_all(files: list[Path], store: str, *, processes: int, reader: str = "libyaml") -> Published:
    from shopterms.store.engine import open_writer
    from shopterms.store.location import parse_store

    open_writer(parse_store(store)).dispose()  # the schema created once, before the workers open it
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: the reader patch stays in the pool
    actions: dict[str, int] = {}
    cpu = 0.0
    with context.Pool(processes, initializer=_start_worker, initargs=(store, reader)) as pool:
        pool.map(_noop, range(processes))  # every worker started and its imports done
        started = time.perf_counter()
        for action, spent in pool.imap_unordered(_publish_one, [str(path) for path in files], chunksize=8):
            actions[action] = actions.get(action, 0) + 1
            cpu += spent
        elapsed = time.perf_counter() - started
    return Published(elapsed, cpu, actions)


def _noop(_: int) -> None:
    """Imports done and the rule packs' tables and calendars loaded, as in a long-running publish."""
    from shopterms.policy.loader import load_policy_text
    from shopterms.store.publishing import publish  # noqa: F401
    from shopterms.validators.file_report import check_loaded

    for name in EXAMPLES:
        check_loaded(load_policy_text((REPO / "examples" / f"{name}.yaml").read_text(encoding="utf-8"), name))
