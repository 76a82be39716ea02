"""The measurements of bench/scale.py that need more than one server, and the table of results."""

from __future__ import annotations

import json
import random
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from bench import scale_replica as rep
from bench import serve as serve_bench
from bench.scale_stores import publish_text

# Option names a cap on the shops a replica keeps loaded may have; the first one `serve --help` lists
# is used.
CAP_OPTIONS = ("--cache-shops", "--max-shops", "--lru-shops", "--lru-size", "--cache-size", "--lru")
STARTUP_TARGET = 1.2
MEMORY_TARGET = 1.2  # RSS after touching N shops against after N/10: bounded by the cap, not by N
ESTIMATE_TARGET = 0.8
PROPAGATION_TARGET_MS = 1000.0
BATCHES = 4  # of the estimate measurement, alternating between our server and the bare one


@dataclass
class Row:
    measure: str
    result: str
    target: str
    mark: str

    @classmethod
    def publish(cls, rates: dict[str, tuple[float, float]], sample: int, processes: int) -> Row:
        (before, before_cpu), (after, after_cpu) = rates["ruamel"], rates["libyaml"]
        return cls(
            f"publish, {sample} shops x 2 on {processes} processes, before -> after the libyaml reader",
            f"{before:.1f} -> {after:.1f} shops/s per core; {before_cpu:.1f} -> {after_cpu:.1f} shops per "
            f"CPU-second ({after_cpu / before_cpu:.2f}x)",
            "after > before",
            "ok" if after_cpu > before_cpu else "MISSED",
        )

    @classmethod
    def startup(cls, everything: float, one: float, shops: int, pending: str) -> Row:
        ratio = everything / one
        mark = "ok" if ratio <= STARTUP_TARGET else "MISSED"
        return cls(
            f"start-up, {shops} shops vs 1 shop (first answer after spawn)",
            f"{everything:.2f} s vs {one:.2f} s = {ratio:.2f}x",
            f"<= {STARTUP_TARGET}x",
            f"{mark} {pending}".strip(),
        )

    @classmethod
    def latency(cls, what: str, values: list[float], *, cold: bool) -> Row:
        p50, p99 = statistics.median(values), rep.percentile(values, 0.99)
        kind = "shops, one request each" if cold else "requests"
        return cls(f"{what}, p50 / p99", f"{p50:.2f} / {p99:.2f} ms ({len(values)} {kind})", "-", "")

    @classmethod
    def memory(
        cls, start: float, tenth_rss: float, all_rss: float, tenth: int, shops: int, cap: int, pending: str
    ) -> Row:
        ratio = all_rss / tenth_rss
        mark = "ok" if ratio <= MEMORY_TARGET else "MISSED"
        return cls(
            f"replica RSS, {tenth} then all {shops} shops touched (cap {cap} shops)",
            f"{tenth_rss:.0f} MB -> {all_rss:.0f} MB = {ratio:.2f}x (after start-up {start:.0f} MB)",
            f"<= {MEMORY_TARGET}x",
            f"{mark} {pending}".strip(),
        )

    @staticmethod
    def print_table(rows: list[Row]) -> None:
        widths = [max(len(getattr(row, name)) for row in rows) for name in ("measure", "result", "target")]
        print(f"\n{'measure':{widths[0]}}  {'result':{widths[1]}}  {'target':{widths[2]}}  verdict")
        for row in rows:
            print(
                f"{row.measure:{widths[0]}}  {row.result:{widths[1]}}  {row.target:{widths[2]}}  {row.mark}"
            )


def replica_options(cap: int) -> tuple[list[str], str]:
    """The serve options of a replica with its cache capped, and a note when this shopterms has none."""
    helptext = rep.serve_options()
    if "--replica" not in helptext:
        return [], "(pending: no serve --replica yet; measured today's serve --store)"
    options = ["--replica"]
    found = next((name for name in CAP_OPTIONS if re.search(rf"{name}\b", helptext)), None)
    if found is None:
        return options, "(pending: serve has no option capping the cached shops)"
    return [*options, found, str(cap)], ""


def estimate_ratio(replica: rep.Replica, shop: str, requests: int, work: Path) -> list[Row]:
    """/delivery-estimate (and /policy.jsonld) on a loaded shop against a bare route with the same bytes."""
    targets = [f"/shops/{shop}/delivery-estimate?country=DE", f"/shops/{shop}/policy.jsonld"]
    bodies = work / "bare-bodies.json"
    recorded = {}
    import httpx

    with httpx.Client(
        base_url=f"http://127.0.0.1:{replica.port}", headers={"Accept-Encoding": "identity"}
    ) as c:
        for target in targets:
            response = c.get(target)
            response.raise_for_status()
            recorded[target.partition("?")[0]] = (response.text, response.headers["content-type"])
    bodies.write_text(json.dumps(recorded), encoding="utf-8")
    ours: dict[str, list[float]] = {target: [] for target in targets}
    bare: dict[str, list[float]] = {target: [] for target in targets}
    with serve_bench.server("bare", work, bodies) as (host, port):
        # Alternating batches, so that a change in the machine's load weighs on both servers alike.
        for _ in range(BATCHES):
            for target in targets:
                ours[target].append(
                    serve_bench.measure(*replica.base, target, requests // BATCHES, 16)["rps"]
                )
                bare[target].append(serve_bench.measure(host, port, target, requests // BATCHES, 16)["rps"])
    rows = []
    for target, what in zip(targets, ("/delivery-estimate?country=DE (now)", "/policy.jsonld"), strict=True):
        mine, theirs = statistics.fmean(ours[target]), statistics.fmean(bare[target])
        rows.append(
            Row(
                f"{what} vs a bare route, req/s, 16 connections",
                f"{mine:.0f} vs {theirs:.0f} = {mine / theirs:.2f}",
                f">= {ESTIMATE_TARGET}",
                "ok" if mine / theirs >= ESTIMATE_TARGET else "MISSED",
            )
        )
    return rows


def propagation(store: str, file: Path, options: list[str], rounds: int, pending: str) -> Row:
    """Milliseconds from a publish's commit until each of two replicas serves the new version."""
    shop, text = file.stem, file.read_text(encoding="utf-8")
    path = f"/shops/{shop}/policy"
    rng = random.Random()
    seen: list[float] = []
    with rep.Replica(store, options) as first, rep.Replica(store, options) as second:
        replicas = [first, second]
        for replica in replicas:
            rep.get(replica, path)  # loaded, so the replica has to learn of the new version
        for _ in range(rounds):
            rate = f"{rng.randint(1, 19)}.{rng.choice([c for c in range(11, 100) if c % 10])}"
            changed = re.sub(r"(?<![_a-z])rate: \d+\.\d\d", f"rate: {rate}", text, count=1)
            assert publish_text(store, shop, changed, file.name) == "published"
            committed = time.perf_counter()
            waiting = set(range(len(replicas)))
            while waiting and time.perf_counter() - committed < 10:
                for index in sorted(waiting):
                    if rate.encode() in rep.get(replicas[index], path):
                        seen.append((time.perf_counter() - committed) * 1000)
                        waiting.discard(index)
                time.sleep(0.005)
            seen.extend(float("inf") for _ in waiting)
    worst = max(seen)
    mark = "ok" if worst <= PROPAGATION_TARGET_MS else "MISSED"
    return Row(
        f"publish reaching 2 replicas, {rounds} publishes",
        f"median {statistics.median(seen):.0f} ms, worst {worst:.0f} ms",
        f"<= {PROPAGATION_TARGET_MS:.0f} ms",
        f"{mark} {pending}".strip(),
    )
