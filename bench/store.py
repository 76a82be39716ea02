"""What the store costs: publishing a version against validating the same file, and answering from a
store against answering from the file held in memory — both measured in the same run.

1. publish vs validate, in-process, per version: each round takes a new variant of the policy (one
   price changed by a cent, so every publish writes a version) and times `validate` (load and rule
   packs) and `publish` (the same checks, rendering the documents, hashing and signing nothing, one
   SQLite transaction) on it, alternating. Target: publish <= 1.5 x validate (median).
2. answer latency, warm: two uvicorn processes, one serving the policy file (`serve POLICY`), one
   serving a store holding the same terms (`serve --store`, the change counter polled every second).
   One keep-alive client alternates batches of requests between them; p50 and p99 per target.
   Target: store <= 1.2 x in-memory at p50.

   For information, the same comparison as commands in fresh processes (imports included).

    python bench/store.py [--versions 40] [--requests 2000] [--cold 6] [--policy examples/nordlicht-mode.yaml]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGETS = [
    "/policy.jsonld",
    "/shipping?country=DE",
    "/returns?country=AT",
    "/return-deadline?country=AT&delivered_on=2027-04-05&ordered_on=2027-03-20",
    "/returns?country=AT&as_of=2027-06-01T12:00:00%2B02:00",
]
UVICORN = {"host": "127.0.0.1", "port": 0, "log_level": "info", "access_log": False, "server_header": False}


def _variants(text: str, count: int) -> list[str]:
    assert "rate: 4.95" in text, "the policy must contain 'rate: 4.95' to vary"
    return [text.replace("rate: 4.95", f"rate: {4.95 + (index + 1) / 100:.2f}", 1) for index in range(count)]


def publish_against_validate(policy: Path, versions: int) -> tuple[list[float], list[float]]:
    """Milliseconds per file: validate, and publish, of the same variants."""
    from shopterms.policy.loader import load_policy_text
    from shopterms.store.engine import open_writer
    from shopterms.store.location import sqlite_file
    from shopterms.store.publishing import Draft, publish
    from shopterms.validators.file_report import check_loaded

    def validate(text: str) -> None:
        report = check_loaded(load_policy_text(text, policy.name))
        assert not any(item.severity == "error" for item in report.diagnostics)

    def publish_one(text: str, engine: object, location: object) -> None:
        report = check_loaded(load_policy_text(text, policy.name))  # publish checks exactly as validate does
        assert report.result.policy is not None
        draft = Draft(policy.stem, report.result.policy, text, policy.name)
        assert publish(engine, location, draft).action == "published"  # type: ignore[arg-type]

    texts = _variants(policy.read_text(encoding="utf-8"), versions + 3)
    validated: list[float] = []
    published: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        location = sqlite_file(Path(scratch) / "store.db")
        engine = open_writer(location)
        for index, text in enumerate(texts):
            started = time.perf_counter()
            validate(text)
            middle = time.perf_counter()
            publish_one(text, engine, location)
            ended = time.perf_counter()
            if index >= 3:  # the first rounds warm caches (holiday calendars, templates)
                validated.append((middle - started) * 1000)
                published.append((ended - middle) * 1000)
        engine.dispose()
    return validated, published


def cold_commands(policy: Path, rounds: int) -> tuple[list[float], list[float]]:
    """Milliseconds per command run in a fresh process: `shopterms validate` and `shopterms publish` of the
    same variant, alternating (what a merchant waits for; imports included)."""
    shopterms = str(Path(sys.executable).with_name("shopterms"))
    validated: list[float] = []
    published: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        file = Path(scratch) / policy.name
        store = str(Path(scratch) / "store.db")
        for text in _variants(policy.read_text(encoding="utf-8"), rounds + 1):
            file.write_text(text, encoding="utf-8")
            for command, times in (("validate", validated), ("publish", published)):
                extra = ["--store", store] if command == "publish" else []
                started = time.perf_counter()
                subprocess.run([shopterms, command, str(file), *extra], check=True, capture_output=True)
                times.append((time.perf_counter() - started) * 1000)
    return validated[1:], published[1:]


def child(kind: str, policy: Path, store: str | None) -> None:
    """Run one server in this process: the policy file in memory, or the store."""
    import uvicorn

    from shopterms.server.http_app import create_app

    if kind == "memory":
        from shopterms.server.state import open_registry

        app = create_app(open_registry(policy), handle_sighup=False)
    else:
        from shopterms.server.store_source import StoreWatcher, open_store_registry
        from shopterms.store.location import parse_store

        assert store is not None
        registry, reader = open_store_registry(parse_store(store), shop=policy.stem)
        watcher = StoreWatcher(registry, reader, all_shops=False)
        app = create_app(registry, handle_sighup=False, watch=1.0, reloader=watcher)
    uvicorn.run(app, **UVICORN)  # type: ignore[arg-type]


@contextmanager
def server(kind: str, policy: Path, store: str | None = None) -> Iterator[tuple[str, int]]:
    command = [sys.executable, __file__, "--child", kind, "--policy", str(policy)]
    if store is not None:
        command += ["--store", store]
    process = subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    try:
        for line in process.stderr:
            found = re.search(r"running on http://(127\.0\.0\.1):(\d+)", line)
            if found:
                yield found.group(1), int(found.group(2))
                break
        else:
            raise RuntimeError(f"the {kind} server did not start")
    finally:
        process.terminate()
        process.communicate(timeout=30)


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> None:
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    match = re.search(rb"content-length: *(\d+)", head, re.IGNORECASE)
    if not match or not head.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(f"unexpected response: {head[:200]!r}")
    await reader.readexactly(int(match.group(1)))


async def _latencies(
    servers: dict[str, tuple[str, int]], path: str, requests: int, batch: int = 50
) -> dict[str, list[float]]:
    """Per server, the latency of each request; batches alternate between the servers."""
    connections = {kind: await asyncio.open_connection(host, port) for kind, (host, port) in servers.items()}
    found: dict[str, list[float]] = {kind: [] for kind in servers}
    try:
        for kind, (reader, writer) in connections.items():
            host, port = servers[kind]
            request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: */*\r\n\r\n".encode()
            for _ in range(50):  # warm: the answer is rendered and memoised, the version loaded
                await _exchange(reader, writer, request)
        for _ in range(0, requests, batch):
            for kind, (reader, writer) in connections.items():
                host, port = servers[kind]
                request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: */*\r\n\r\n".encode()
                for _ in range(batch):
                    started = time.perf_counter()
                    await _exchange(reader, writer, request)
                    found[kind].append((time.perf_counter() - started) * 1000)
    finally:
        for _, writer in connections.values():
            writer.close()
    return found


def _p(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=40)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--cold", type=int, default=6, help="command runs in fresh processes")
    parser.add_argument("--policy", type=Path, default=REPO / "examples" / "nordlicht-mode.yaml")
    parser.add_argument("--child", choices=["memory", "store"], help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.policy, args.store)
        return

    validated, published = publish_against_validate(args.policy, args.versions)
    validate_ms, publish_ms = statistics.median(validated), statistics.median(published)
    print(
        f"publish vs validate, {len(published)} versions of {args.policy.name}, in-process, median per file"
    )
    print(
        f"  validate {validate_ms:7.2f} ms   publish {publish_ms:7.2f} ms   "
        f"ratio {publish_ms / validate_ms:.2f}   (target <= 1.5)"
    )

    cold_validate, cold_publish = cold_commands(args.policy, args.cold)
    first, second = statistics.median(cold_validate), statistics.median(cold_publish)
    print(
        f"  as commands in fresh processes ({len(cold_publish)} runs each, imports included): validate "
        f"{first:.0f} ms, publish {second:.0f} ms, ratio {second / first:.2f}"
    )

    from shopterms.policy.loader import load_policy_text
    from shopterms.store.engine import open_writer
    from shopterms.store.location import sqlite_file
    from shopterms.store.publishing import Draft, publish

    with tempfile.TemporaryDirectory() as scratch:
        location = sqlite_file(Path(scratch) / "store.db")
        engine = open_writer(location)
        text = args.policy.read_text(encoding="utf-8")
        loaded = load_policy_text(text, args.policy.name).policy
        assert loaded is not None
        publish(engine, location, Draft(args.policy.stem, loaded, text, args.policy.name))
        engine.dispose()
        with server("memory", args.policy) as memory, server("store", args.policy, location.url) as stored:
            print(
                f"\nanswer latency, warm, {args.requests} requests per target and server, one keep-alive "
                "connection each, 127.0.0.1"
            )
            print(f"  {'target':74} {'p50 memory/store ms':>20} {'ratio':>6} {'p99 memory/store ms':>20}")
            ratios = []
            for target in TARGETS:
                seen = asyncio.run(_latencies({"memory": memory, "store": stored}, target, args.requests))
                mem, sto = statistics.median(seen["memory"]), statistics.median(seen["store"])
                ratios.append(sto / mem)
                print(
                    f"  {target:74} {mem:9.3f}/{sto:<9.3f} {sto / mem:6.2f} "
                    f"{_p(seen['memory'], 0.99):9.3f}/{_p(seen['store'], 0.99):<9.3f}"
                )
            geometric = statistics.geometric_mean(ratios)
            print(f"  geometric mean of the p50 ratios: {geometric:.2f}   (target <= 1.2)")


if __name__ == "__main__":
    main()
