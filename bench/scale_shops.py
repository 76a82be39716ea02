"""Many shops for bench/scale.py: policy files varied from the examples, and publishing them.

`generate(n, out_dir, seed)` writes n policy files. When bench/shop_generator.py is present (the
generator the bulk commands are tested with), its `generate_shops` is used; otherwise each file is
one of the examples with its name, address and numbers varied: handling and transit days, cutoffs,
rates, free-shipping thresholds and return windows, so that no two shops render the same documents.

`publish_all` publishes a directory of files into a store on a pool of processes, each reading YAML
either with today's reader or, for the "before" figure, with ruamel.yaml's scanner alone (the reader
before libyaml's C scanner was added): `libyaml_events.usable` answers False, so `read_document`
takes the path it took then. Nothing outside this benchmark process pool is patched.
"""

from __future__ import annotations

import importlib
import multiprocessing
import random
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = ("nordlicht-mode", "voltwerk-electronics", "kleinkram")


def _vary(text: str, index: int, rng: random.Random) -> str:
    """One example with the numbers a merchant would change, each within what the rules accept."""
    slug = f"shop-{index:06d}"
    text = re.sub(r"https://([a-z-]+)\.example", rf"https://{slug}.example", text)
    text = re.sub(r"@([a-z-]+)\.example", rf"@{slug}.example", text)
    text = re.sub(r"(?m)^(  name: )([^#\n]*?)( *#.*)?$", rf"\g<1>\g<2> {index}\g<3>", text, count=1)
    text = re.sub(
        r"(?<![_a-z])rate: (\d+)\.(\d\d)",
        lambda m: f"rate: {rng.randint(1, 19)}.{rng.randint(0, 99):02d}",
        text,
    )
    text = re.sub(
        r"free_from: (\d+)\.00", lambda m: f"free_from: {rng.choice((25, 40, 50, 75, 100))}.00", text
    )
    text = re.sub(r"transit: (\d)-(\d)", lambda m: f"transit: {_range(rng, 1, 5)}", text)
    text = re.sub(r"days: (\d)-(\d)", lambda m: f"days: {_range(rng, 0, 3)}", text)
    text = re.sub(
        r'cutoff: "1\d:00"', lambda m: f'cutoff: "{rng.randint(11, 17)}:{rng.choice(("00", "30"))}"', text
    )
    return re.sub(
        r"window: (\d+) days after delivery",
        lambda m: f"window: {rng.choice((14, 21, 30, 60, 100))} days after delivery",
        text,
    )


def _range(rng: random.Random, low: int, high: int) -> str:
    first = rng.randint(low, high - 1)
    return f"{first}-{rng.randint(first + 1, high)}"


def vary_examples(n: int, out_dir: Path, seed: int) -> list[Path]:
    rng = random.Random(seed)
    texts = [(REPO / "examples" / f"{name}.yaml").read_text(encoding="utf-8") for name in EXAMPLES]
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(n):
        path = out_dir / f"shop-{index:06d}.yaml"
        path.write_text(_vary(texts[index % len(texts)], index, rng), encoding="utf-8")
        written.append(path)
    return written


def generator() -> tuple[str, Callable[[int, Path, int], Any]]:
    """The shared generator when the repository has one, else this module's."""
    try:
        shared = importlib.import_module("bench.shop_generator")
    except ImportError:
        return "bench/scale_shops.py (examples varied)", vary_examples
    return "bench/shop_generator.py", shared.generate_shops


def generate(n: int, out_dir: Path, seed: int) -> tuple[str, list[Path]]:
    name, make = generator()
    return name, [Path(path) for path in make(n, out_dir, seed)]


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


def _publish_one(path: str) -> tuple[str, str]:
    from shopterms.policy.loader import load_policy_text
    from shopterms.store.publishing import Draft, publish
    from shopterms.validators.file_report import check_loaded

    file = Path(path)
    text = file.read_text(encoding="utf-8")
    report = check_loaded(load_policy_text(text, file.name))  # the checks `shopterms publish` runs
    if report.result.policy is None or any(item.severity == "error" for item in report.diagnostics):
        return file.stem, "refused"
    draft = Draft(file.stem, report.result.policy, text, file.name)
    return file.stem, publish(_WORKER["engine"], _WORKER["location"], draft).action


def publish_all(
    files: list[Path], store: str, *, processes: int, reader: str = "libyaml"
) -> tuple[float, dict[str, int]]:
    """Seconds to publish every file (pool start excluded), and how many ended in each action."""
    from shopterms.store.engine import open_writer
    from shopterms.store.location import parse_store

    open_writer(parse_store(store)).dispose()  # the schema created once, before the workers open it
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: the reader patch stays in the pool
    actions: dict[str, int] = {}
    with context.Pool(processes, initializer=_start_worker, initargs=(store, reader)) as pool:
        pool.map(_noop, range(processes))  # every worker started and its imports done
        started = time.perf_counter()
        for _, action in pool.imap_unordered(_publish_one, [str(path) for path in files], chunksize=8):
            actions[action] = actions.get(action, 0) + 1
        elapsed = time.perf_counter() - started
    return elapsed, actions


def _noop(_: int) -> None:
    """Imports done and the rule packs' tables and calendars loaded, as in a long-running publish."""
    from shopterms.policy.loader import load_policy_text
    from shopterms.store.publishing import publish  # noqa: F401
    from shopterms.validators.file_report import check_loaded

    for name in EXAMPLES:
        check_loaded(load_policy_text((REPO / "examples" / f"{name}.yaml").read_text(encoding="utf-8"), name))
