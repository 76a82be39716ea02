"""Throughput and latency of the HTTP API against a bare Starlette route serving the same bytes.

Both servers run in their own process under identical uvicorn settings; one client process drives a
fixed number of keep-alive requests at a fixed concurrency against each, on 127.0.0.1 only, and prints
requests/s, p50 and p99 latency and the ratio ours / bare. Targets: /policy.jsonld (a document
rendered at load), /shipping?country=DE (a memoised answer) and /delivery-estimate (computed per
request). The bare route returns the bytes our server sent, so only the framework work differs.

    python bench/serve.py [--requests 4000] [--concurrency 16] [--policy examples/nordlicht-mode.yaml]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGETS = ["/policy.jsonld", "/shipping?country=DE", "/delivery-estimate?country=DE"]
UVICORN = {"host": "127.0.0.1", "port": 0, "log_level": "info", "access_log": False, "server_header": False}


def child(kind: str, policy: Path, bodies_file: Path | None) -> None:
    """Run one server in this process: ours, or the bare Starlette app with recorded bodies."""
    import json

    import uvicorn
    from starlette.types import ASGIApp

    app: ASGIApp
    if kind == "ours":
        from shopterms.server.http_app import create_app
        from shopterms.server.state import open_registry

        app = create_app(open_registry(policy), handle_sighup=False)
    else:
        from starlette.applications import Starlette
        from starlette.responses import Response
        from starlette.routing import Route

        assert bodies_file is not None
        recorded = json.loads(bodies_file.read_text(encoding="utf-8"))

        def route(path: str, body: str, media_type: str) -> Route:
            data = body.encode("utf-8")

            async def endpoint(request: object) -> Response:
                return Response(data, media_type=media_type)

            return Route(path, endpoint)

        app = Starlette(routes=[route(path, body, media) for path, (body, media) in recorded.items()])
    uvicorn.run(app, **UVICORN)  # type: ignore[arg-type]


@contextmanager
def server(kind: str, policy: Path, bodies_file: Path | None = None) -> Iterator[tuple[str, int]]:
    command = [sys.executable, __file__, "--child", kind, "--policy", str(policy)]
    if bodies_file is not None:
        command += ["--bodies", str(bodies_file)]
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
        process.wait(timeout=30)


async def _request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> bytes:
    """One keep-alive HTTP/1.1 exchange; a minimal client keeps the measurement on the server."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    match = re.search(rb"content-length: *(\d+)", head, re.IGNORECASE)
    if not match or not head.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(f"unexpected response: {head[:200]!r}")
    return await reader.readexactly(int(match.group(1)))


async def _load(
    host: str, port: int, path: str, requests: int, concurrency: int
) -> tuple[float, list[float]]:
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: */*\r\n\r\n".encode()
    latencies: list[float] = []
    remaining = requests

    async def worker() -> None:
        nonlocal remaining
        reader, writer = await asyncio.open_connection(host, port)
        try:
            for _ in range(20):  # warm-up on every connection
                await _request(reader, writer, request)
            while remaining > 0:
                remaining -= 1
                started = time.perf_counter()
                await _request(reader, writer, request)
                latencies.append(time.perf_counter() - started)
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - began, latencies


def measure(host: str, port: int, path: str, requests: int, concurrency: int) -> dict[str, float]:
    elapsed, latencies = asyncio.run(_load(host, port, path, requests, concurrency))
    ordered = sorted(latencies)
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(ordered) * 1000,
        "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
    }


def record_bodies(host: str, port: int, destination: Path) -> None:
    """The exact bytes and media type our server sends for each target, for the bare app to return."""
    import json

    import httpx

    recorded = {}
    with httpx.Client(base_url=f"http://{host}:{port}", headers={"Accept-Encoding": "identity"}) as client:
        for target in TARGETS:
            response = client.get(target)
            response.raise_for_status()
            recorded[target.partition("?")[0]] = (response.text, response.headers["content-type"])
    destination.write_text(json.dumps(recorded), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--policy", type=Path, default=REPO / "examples" / "nordlicht-mode.yaml")
    parser.add_argument("--child", choices=["ours", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--bodies", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.policy, args.bodies)
        return

    import tempfile

    results: dict[str, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        bodies = Path(scratch) / "bodies.json"
        with server("ours", args.policy) as (host, port):
            record_bodies(host, port, bodies)
            results["ours"] = {t: measure(host, port, t, args.requests, args.concurrency) for t in TARGETS}
        with server("bare", args.policy, bodies) as (host, port):
            results["bare"] = {t: measure(host, port, t, args.requests, args.concurrency) for t in TARGETS}

    print(f"{args.requests} requests per target, {args.concurrency} keep-alive connections, 127.0.0.1")
    header = f"{'target':34} {'ours req/s':>11} {'bare req/s':>11} {'ratio':>6}"
    print(f"{header}  {'p50 ours/bare ms':>17}  {'p99 ours/bare ms':>17}")
    for target in TARGETS:
        ours, bare = results["ours"][target], results["bare"][target]
        print(
            f"{target:34} {ours['rps']:11.0f} {bare['rps']:11.0f} {ours['rps'] / bare['rps']:6.2f}  "
            f"{ours['p50']:8.2f}/{bare['p50']:<8.2f}  {ours['p99']:8.2f}/{bare['p99']:<8.2f}"
        )


if __name__ == "__main__":
    main()
