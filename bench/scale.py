"""Serving many shops from one store: N generated shops published, then real replicas measured.

    .venv/bin/python bench/scale.py                       # 10,000 shops, a SQLite store in a scratch folder
    .venv/bin/python bench/scale.py --shops 2000          # a quicker run
    .venv/bin/python bench/scale.py --store postgresql://postgres@127.0.0.1:5432/scale
    .venv/bin/python bench/scale.py --shops 100000 --store postgresql://… --work /var/tmp/scale

One run prints, against targets:

1. publish throughput, shops/s per core, of a sample published on a pool of processes with the YAML
   reader before the parser change (ruamel.yaml alone) and after it (libyaml's scanner first), each
   into a fresh store of the same kind; then every one of the N shops published into the store;
2. start-up: seconds from spawning `shopterms serve --store URL` to its first answer, with N shops
   against a store holding one shop (median of --rounds);
3. on one replica with its cache of shops capped (--cap, default N/20): p50/p99 of a shop's first
   answer (cold) and of answers once loaded (warm), and its resident memory after N/10 shops touched and
   after all N touched;
4. /delivery-estimate without ordered_at on a loaded shop against a bare Starlette route returning the
   same bytes under the same uvicorn settings (bench/serve.py's), req/s ratio; /policy.jsonld for
   comparison;
5. propagation: two replicas on the store, a new version published, milliseconds until each serves it.

Generated files and stores stay in --work when given (a second run publishes nothing new and goes
straight to the measurements), else in a scratch folder removed at the end. PostgreSQL: the sample
and one-shop stores are databases created beside the named one (NAME_before, NAME_after, NAME_one).
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__" and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(Path(__file__).resolve().parent.parent)  # import bench.* as the package it is

import argparse
import os
import random
import statistics
import tempfile
from contextlib import ExitStack

from bench import scale_replica as rep
from bench.scale_checks import Row, estimate_ratio, propagation, replica_options
from bench.scale_shops import generate, publish_all
from bench.scale_stores import fresh_store, publish_one_shop, shop_count

QUESTION = "summary"  # a question every shop answers, whatever it sells and where


def _publish_rates(files: list[Path], args: argparse.Namespace, work: Path) -> dict[str, tuple[float, float]]:
    """Per reader: shops/s per core (wall clock) and shops per CPU-second; two rounds in turn, so that
    load changes weigh on both."""
    sample = files[: min(len(files), args.sample)]
    totals = {"ruamel": [0.0, 0.0], "libyaml": [0.0, 0.0]}
    for _ in range(2):
        for reader, total in totals.items():
            store = fresh_store(args.store, f"{reader}_sample", work)
            done = publish_all(sample, store, processes=args.processes, reader=reader)
            total[0] += done.seconds
            total[1] += done.cpu_seconds
    count = 2 * len(sample)
    return {reader: (count / wall / args.processes, count / cpu) for reader, (wall, cpu) in totals.items()}


def record(rows: list[Row], row: Row) -> None:
    rows.append(row)
    print(f"  {row.measure}: {row.result}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shops", type=int, default=10_000, help="N, the shops generated and published")
    parser.add_argument("--store", default=None, help="postgresql://… (default: a SQLite file in --work)")
    parser.add_argument("--work", type=Path, help="keep generated files and stores here between runs")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="publishing pool size")
    parser.add_argument("--sample", type=int, default=200, help="shops published twice per reader")
    parser.add_argument("--cap", type=int, help="shops the replica keeps loaded (default N/20)")
    parser.add_argument("--cold", type=int, default=200, help="shops whose first answer is timed")
    parser.add_argument("--requests", type=int, default=3000, help="warm answers and estimate requests")
    parser.add_argument("--rounds", type=int, default=3, help="start-ups and publications timed")
    parser.add_argument("--touch-concurrency", type=int, default=4)
    parser.add_argument("--prepare", action="store_true", help="only generate and publish (with --work)")
    args = parser.parse_args()
    cap = args.cap or max(1, args.shops // 20)

    with ExitStack() as stack:
        work = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="shopterms-scale-")))
        work.mkdir(parents=True, exist_ok=True)
        args.store = args.store or f"sqlite:///{work / 'store.db'}"
        print(
            f"{args.shops} shops, store {args.store.split('@')[-1]}, {os.cpu_count()} cores, "
            f"load {rep.load_average()} (1/5/15 min) at start"
        )
        files = generate(args.shops, work / "shops", args.seed)
        print(f"generated {len(files)} policy files (bench/shop_generator.py)", flush=True)
        rows: list[Row] = []

        held = shop_count(args.store)
        if held >= args.shops:
            print(f"the store already holds {held} shops; nothing published")
        else:
            done = publish_all(files, args.store, processes=args.processes)
            published = done.actions.get("published", 0)
            print(
                f"all {args.shops} shops published into the store in {done.seconds:.0f} s: {done.actions}, "
                f"{published / done.seconds / args.processes:.1f} shops/s per core, "
                f"{published / done.cpu_seconds:.1f} shops per CPU-second"
            )
        if args.prepare:
            return
        if args.sample:  # --sample 0 leaves the reader comparison out
            record(rows, Row.publish(_publish_rates(files, args, work), args.sample, args.processes))
        one = publish_one_shop(args.store, files[0], work)

        options, pending = replica_options(cap)
        started: dict[str, list[float]] = {"one": [], "all": []}
        for _ in range(args.rounds):
            for name, store in (("one", one), ("all", args.store)):
                replica = rep.Replica(store, options).start()
                started[name].append(replica.started_in)
                replica.stop()
        record(
            rows,
            Row.startup(
                statistics.median(started["all"]), statistics.median(started["one"]), args.shops, pending
            ),
        )

        ids = [path.stem for path in files]
        rng = random.Random(args.seed)
        cold = rng.sample(ids, min(args.cold, len(ids)))
        with rep.Replica(args.store, options) as replica:
            first = rep.timed(replica, [f"/shops/{shop}/{QUESTION}" for shop in cold])
            loaded = cold[-cap:]  # the shops loaded last, all still in the cache
            warm_paths = [f"/shops/{loaded[i % len(loaded)]}/{QUESTION}" for i in range(args.requests)]
            warm = rep.timed(replica, warm_paths)
            record(rows, Row.latency("a shop's first answer (cold)", first, cold=True))
            record(rows, Row.latency("an answer once loaded (warm)", warm, cold=False))
            for row in estimate_ratio(replica, files[0].stem, args.requests, work):
                record(rows, row)
            baseline = replica.rss_mb()
            tenth = max(1, len(ids) // 10)
            rep.timed(replica, [f"/shops/{shop}/{QUESTION}" for shop in ids[:tenth]], args.touch_concurrency)
            at_tenth = replica.rss_mb()
            rep.timed(replica, [f"/shops/{shop}/{QUESTION}" for shop in ids[tenth:]], args.touch_concurrency)
            record(rows, Row.memory(baseline, at_tenth, replica.rss_mb(), tenth, len(ids), cap, pending))
            warnings = replica.stop()
        record(rows, propagation(args.store, files[1], options, args.rounds, pending))
        if warnings.strip():
            print("the replica wrote:\n" + "\n".join(warnings.strip().splitlines()[-5:]))
        print(
            f"\nload {rep.load_average()} (1/5/15 min) at the end; cache cap {cap} shops; "
            f"server options: {' '.join(options) or '(none)'}"
        )
        Row.print_table(rows)


if __name__ == "__main__":
    main()
