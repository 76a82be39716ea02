"""What a replica (`shopterms serve --store URL --replica`) costs and how fast it learns, in one run:

1. start-up: seconds from launching the process to its first /healthz answer, over a store of one
   shop and over a store of N shops, for a replica and (for contrast) for `serve --store`, which
   reads every shop's versions at start. Target: replica with N shops <= 1.2 x with one shop.
2. propagation: two replicas over the N-shop store each hold one shop; a new version of it is
   published and both are polled (every 5 ms) until they serve it. Seconds from the publish's commit
   to the later of the two, over several publications. Target: <= 1 s. PostgreSQL learns of it by
   LISTEN/NOTIFY; SQLite by polling the change counter once a second (so ~0.5 s on average).
3. first answers: /policy of each of M shops asked for the first time (read from the store) and
   right after (held), p50 and p99.
4. memory: the replica's resident memory (RSS) after asking for M shops with --cache-shops C, and the
   cache's own estimate from /healthz.

    python bench/replica.py [--shops 2000] [--store postgresql://… | sqlite (default)] [--rounds 5]
                            [--touch 1000] [--cache-shops 200]

The N shops are copies of examples/nordlicht-mode.yaml with their own ids, published once per store
and reused by later runs (a PostgreSQL database should be one of its own: the bench adds shops to it).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "nordlicht-mode.yaml"


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def publish_one(url: str, text: str, shop: str) -> str:
    """Publish `text` as a new version of `shop`; its hash."""
    from shopterms.policy.loader import load_policy_text
    from shopterms.store.engine import open_writer
    from shopterms.store.location import parse_store
    from shopterms.store.publishing import Draft, publish

    location = parse_store(url)
    result = load_policy_text(text, f"{shop}.yaml")
    assert result.policy is not None
    engine = open_writer(location)
    try:
        outcome = publish(engine, location, Draft(shop, result.policy, text, f"{shop}.yaml"))
    finally:
        engine.dispose()
    return outcome.version.hash


def publish_shops(url: str, count: int, prefix: str = "bench-shop") -> list[str]:
    """Publish `count` shops (skipping those already there); their ids."""
    from shopterms.policy.loader import load_policy_text
    from shopterms.store.engine import open_writer
    from shopterms.store.location import parse_store
    from shopterms.store.publishing import Draft, publish
    from shopterms.store.reading import StoreReader

    location = parse_store(url)
    shops = [f"{prefix}-{number:06d}" for number in range(count)]
    engine = open_writer(location)
    with StoreReader(engine, location) as reader:
        present = set(reader.shops())
    engine = open_writer(location)
    text = EXAMPLE.read_text(encoding="utf-8")
    result = load_policy_text(text, EXAMPLE.name)
    assert result.policy is not None
    started = time.monotonic()
    try:
        for index, shop in enumerate(shop for shop in shops if shop not in present):
            publish(engine, location, Draft(shop, result.policy, text, f"{shop}.yaml"))
            if index and index % 500 == 0:
                print(f"  published {index} shops ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    finally:
        engine.dispose()
    return shops


@contextmanager
def server(store: str, *extra: str) -> Iterator[tuple[httpx.Client, float, subprocess.Popen[bytes]]]:
    """A `shopterms serve --store` process; a client, and the seconds until it first answered."""
    port = free_port()
    command = [sys.executable, "-c", "from shopterms.validators.cli import main; main()"]
    args = ["serve", "--store", store, "--port", str(port), "--no-mcp", "--log-level", "warning", *extra]
    started = time.monotonic()
    process = subprocess.Popen([*command, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
    try:
        while True:
            if process.poll() is not None:
                raise SystemExit(f"the server exited with {process.returncode}: {' '.join(args)}")
            try:
                if client.get("/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.01)
        yield client, time.monotonic() - started, process
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=60)


def start_up(one: str, many: str, replica: bool, runs: int = 5) -> tuple[float, float]:
    """Median start-up seconds over a one-shop and a many-shop store."""
    extra = ("--replica",) if replica else ()
    times: dict[str, list[float]] = {one: [], many: []}
    for _ in range(runs):
        for store in (one, many):  # alternated, so a busy moment hits both
            with server(store, *extra) as (_, seconds, _process):
                times[store].append(seconds)
    return statistics.median(times[one]), statistics.median(times[many])


def propagation(store: str, shop: str, rounds: int) -> list[float]:
    """Seconds from a publish's commit to both replicas serving the new version."""
    base = EXAMPLE.read_text(encoding="utf-8")
    took = []
    with server(store, "--replica") as (a, _, _pa), server(store, "--replica") as (b, _, _pb):
        for client in (a, b):
            assert client.get(f"/shops/{shop}/policy").status_code == 200  # held
        for index in range(rounds):
            cents = (int(time.time() * 100) + index) % 900  # new content each time, run after run
            text = base.replace("rate: 4.95", f"rate: {5 + cents / 100:.2f}", 1)
            wanted = f'"{publish_one(store, text, shop)}"'
            committed = time.monotonic()
            pending = {"a": a, "b": b}
            while pending:
                for name, client in list(pending.items()):
                    tag = client.get(f"/shops/{shop}/policy", headers={"Accept-Encoding": "identity"})
                    if tag.headers["ETag"] == wanted:
                        del pending[name]
                if pending:
                    time.sleep(0.005)
            took.append(time.monotonic() - committed)
            time.sleep(0.3)
    return took


def memory(store: str, shops: list[str], cache_shops: int) -> list[tuple[int, int, int]]:
    """(shops asked for so far, RSS in bytes, the cache's estimate) at start and after every
    `cache_shops` shops asked for: with the cache full, RSS should stop growing."""
    with server(store, "--replica", "--cache-shops", str(cache_shops)) as (client, _, process):
        points = [(0, _rss(process.pid), 0)]
        for index, shop in enumerate(shops, 1):
            assert client.get(f"/shops/{shop}/policy").status_code == 200
            if index % cache_shops == 0 or index == len(shops):
                estimate = int(client.get("/healthz").json()["cache"]["estimated_bytes"])
                points.append((index, _rss(process.pid), estimate))
    return points


def first_answers(store: str, shops: list[str]) -> tuple[list[float], list[float]]:
    """Seconds of each shop's first /policy (read from the store) and of a second one (held)."""
    cold, warm = [], []
    with server(store, "--replica", "--cache-shops", str(len(shops))) as (client, _, _process):
        for shop in shops:
            for times in (cold, warm):
                started = time.perf_counter()
                assert client.get(f"/shops/{shop}/policy").status_code == 200
                times.append(time.perf_counter() - started)
    return cold, warm


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _schema_beside(url: str, schema: str) -> str:
    """A store of one shop in a schema of its own in the same PostgreSQL database."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shops", type=int, default=2000)
    parser.add_argument("--store", default=None, help="postgresql://… (default: SQLite files in a temp dir)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--touch", type=int, default=1000, help="shops asked for in the memory measure")
    parser.add_argument("--cache-shops", type=int, default=200)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temp:
        if args.store is None:
            many, one = f"sqlite:///{temp}/many.db", f"sqlite:///{temp}/one.db"
        else:
            many, one = args.store, _schema_beside(args.store, "shopterms_bench_one")
        print(f"publishing {args.shops} shops to {many} …", file=sys.stderr)
        shops = publish_shops(many, args.shops)
        publish_shops(one, 1)

        one_s, many_s = start_up(one, many, replica=True)
        print(
            f"start-up, replica:        1 shop {one_s:.2f} s, {args.shops} shops {many_s:.2f} s "
            f"= {many_s / one_s:.2f} x (target <= 1.2)"
        )
        one_s, many_s = start_up(one, many, replica=False, runs=1)
        print(
            f"start-up, serve --store:  1 shop {one_s:.2f} s, {args.shops} shops {many_s:.2f} s "
            f"= {many_s / one_s:.2f} x (reads every shop at start)"
        )

        took = propagation(many, shops[0], args.rounds)
        print(
            f"propagation to two replicas ({many.split(':')[0]}): median {statistics.median(took):.3f} s, "
            f"max {max(took):.3f} s over {len(took)} publications (target <= 1 s)"
        )

        cold, warm = first_answers(many, shops[: args.touch])
        print(
            f"/policy of a shop not held (read from the store): p50 {_percentile(cold, 0.5) * 1000:.1f} ms, "
            f"p99 {_percentile(cold, 0.99) * 1000:.1f} ms; held: p50 {_percentile(warm, 0.5) * 1000:.1f} ms, "
            f"p99 {_percentile(warm, 0.99) * 1000:.1f} ms ({len(cold)} shops, one client)"
        )

        points = memory(many, shops[: args.touch], args.cache_shops)
        print(f"memory, --cache-shops {args.cache_shops} (shops asked for: RSS MiB / cache estimate MiB):")
        print("  " + ", ".join(f"{n}: {rss / 2**20:.0f} / {est / 2**20:.1f}" for n, rss, est in points))


if __name__ == "__main__":
    main()
