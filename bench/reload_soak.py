"""Requests under steady load while the policy file is rewritten: none may fail, new terms must arrive.

    python bench/reload_soak.py [--rewrites 50] [--interval 0.4] [--workers 6] [--idlers 40]
                                [--keep-alive SECONDS]   # passed to serve; 5 is uvicorn's own default

Starts `shopterms serve FILE --watch` on 127.0.0.1 (a child process, the real command) and keeps
`--workers` clients busy on keep-alive connections: documents (/policy, /policy.jsonld, the terms page,
/llms.txt), computed answers (/shipping, /delivery-estimate, /return-deadline, /support) and MCP tool
calls in both protocol eras; and `--idlers` clients pause about 5 s between requests, as long as httpx
keeps an idle connection for reuse. Meanwhile the file is rewritten `--rewrites` times, in turn: a new valid
version (saved in place, as most editors do, or by rename), an invalid one, one cut off half-way,
the file deleted and then re-created. After each valid version the bench measures the time until the
server serves it (the shop name carries a revision number).

It prints the requests made, the failed ones (an exception or any status other than 200, each
listed), and the time until new terms are served (median and worst). A failed request is a bug: the
old terms must keep serving through every bad, partial or missing file.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = REPO_ROOT / "examples" / "nordlicht-mode.yaml"
NAME_LINE = "  name: Nordlicht Mode\n"
GETS = [
    "/policy",
    "/policy.jsonld",
    "/",
    "/llms.txt",
    "/shipping?country=DE",
    "/delivery-estimate?country=DE&region=DE-BY&ordered_at=2026-12-23T15:00:00%2B01:00",
    "/delivery-estimate?country=AT",
    "/return-deadline?country=DE&delivered_on=2026-12-11",
    "/support",
]
TOOL_CALLS = [
    ("get_policy_summary", {}),
    ("estimate_delivery", {"country": "DE", "region": "DE-BY"}),
    ("compute_return_deadline", {"country": "DE", "delivered_on": "2026-12-11"}),
]


@dataclass
class Tally:
    requests: int = 0
    failures: list[str] = field(default_factory=list)
    by_kind: Counter[str] = field(default_factory=Counter)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _mcp_request(name: str, arguments: dict[str, Any], version: str) -> tuple[dict[str, str], dict[str, Any]]:
    headers = {"Accept": "application/json, text/event-stream", "Mcp-Protocol-Version": version}
    params: dict[str, Any] = {"name": name, "arguments": arguments}
    if version == "2026-07-28":
        headers |= {"Mcp-Method": "tools/call", "Mcp-Name": name}
        params["_meta"] = {
            "io.modelcontextprotocol/protocolVersion": version,
            "io.modelcontextprotocol/clientInfo": {"name": "soak", "version": "1"},
            "io.modelcontextprotocol/clientCapabilities": {},
        }
    return headers, {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": params}


async def _worker(base: str, index: int, stop: asyncio.Event, tally: Tally) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        step = index
        while not stop.is_set():
            step += 1
            kind = "mcp" if step % 4 == 0 else "http"
            try:
                if kind == "mcp":
                    name, arguments = TOOL_CALLS[step % len(TOOL_CALLS)]
                    version = "2026-07-28" if step % 8 == 0 else "2025-11-25"
                    headers, body = _mcp_request(name, arguments, version)
                    response = await client.post("/mcp/", json=body, headers=headers)
                    what = f"MCP {name} ({version})"
                    ok = response.status_code == 200 and not response.json().get("result", {}).get("isError")
                else:
                    path = GETS[step % len(GETS)]
                    response = await client.get(path)
                    what = f"GET {path}"
                    ok = response.status_code == 200
                if not ok:
                    tally.failures.append(f"{what}: HTTP {response.status_code} {response.text[:120]}")
            except httpx.HTTPError as error:
                tally.failures.append(f"{kind} request: {type(error).__name__}: {error}")
            tally.requests += 1
            tally.by_kind[kind] += 1


def _write_in_place(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as stream:  # truncate, then write: the file is briefly empty
        stream.write(text)


def _write_by_rename(path: Path, text: str) -> None:
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _served_revision(base: str, revision: int, deadline: float) -> float | None:
    """Seconds until /policy names `revision`, or None when it never does before the deadline."""
    start = time.perf_counter()
    marker = f"Nordlicht Mode r{revision}"
    with httpx.Client(base_url=base, timeout=10) as client:
        while time.perf_counter() < deadline:
            if marker in client.get("/policy").text:
                return time.perf_counter() - start
            time.sleep(0.01)
    return None


def _rewrite(
    base: str, path: Path, rewrites: int, interval: float, latencies: list[float], late: list[int]
) -> None:
    example = EXAMPLE.read_text(encoding="utf-8")
    revision = 0
    for step in range(rewrites):
        shape = ("valid", "invalid", "valid-rename", "truncated", "deleted", "valid")[step % 6]
        if shape.startswith("valid"):
            revision += 1
            text = example.replace(NAME_LINE, f"  name: Nordlicht Mode r{revision}\n")
            (_write_by_rename if shape == "valid-rename" else _write_in_place)(path, text)
            waited = _served_revision(base, revision, time.perf_counter() + 15)
            latencies.append(waited) if waited is not None else late.append(revision)
        elif shape == "invalid":
            _write_in_place(path, example.replace("transit: 1-2", "transit: 3-1"))
        elif shape == "truncated":
            _write_in_place(path, example[: len(example) // 2])
        else:
            path.unlink()
        time.sleep(interval)


async def _idler(base: str, index: int, stop: asyncio.Event, tally: Tally) -> None:
    """A client that pauses about as long as idle connections are kept (httpx keeps them 5 s): its next
    request meets a connection the server may be closing at that very moment."""
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        step = index
        while not stop.is_set():
            step += 1
            path = GETS[step % len(GETS)]
            try:
                response = await client.get(path)
                if response.status_code != 200:
                    tally.failures.append(f"GET {path} after a pause: HTTP {response.status_code}")
            except httpx.HTTPError as error:
                tally.failures.append(f"GET {path} after a pause: {type(error).__name__}: {error}")
            tally.requests += 1
            tally.by_kind["after a pause"] += 1
            await asyncio.sleep(4.9 + (step * 7919 % 200) / 1000)  # 4.9 to 5.1 s, spread over the idlers


async def _load(base: str, workers: int, idlers: int, stop: asyncio.Event, tally: Tally) -> None:
    await asyncio.gather(
        *(_worker(base, index, stop, tally) for index in range(workers)),
        *(_idler(base, index, stop, tally) for index in range(idlers)),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rewrites", type=int, default=50)
    parser.add_argument("--interval", type=float, default=0.4, help="seconds between rewrites")
    parser.add_argument("--workers", type=int, default=6, help="concurrent keep-alive clients")
    parser.add_argument("--idlers", type=int, default=40, help="clients pausing about 5 s between requests")
    parser.add_argument("--keep-alive", type=int, help="serve's --keep-alive (default: its own)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nordlicht-mode.yaml"
        path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        cli = "from shopterms.validators.cli import main; main()"
        command = [sys.executable, "-c", cli, "serve", str(path), "--watch", "--port", str(port),
                   "--log-level", "critical"]  # fmt: skip
        if options.keep_alive is not None:
            command += ["--keep-alive", str(options.keep_alive)]
        child = subprocess.Popen(command, cwd=folder)
        try:
            _wait_until_up(base, child)
            tally, latencies, late = Tally(), [], []
            stop = asyncio.Event()
            started = time.perf_counter()

            def rewrite_then_stop(loop: asyncio.AbstractEventLoop) -> None:
                try:
                    _rewrite(base, path, options.rewrites, options.interval, latencies, late)
                finally:
                    loop.call_soon_threadsafe(stop.set)

            async def run() -> None:
                loop = asyncio.get_running_loop()
                threading.Thread(target=rewrite_then_stop, args=(loop,), daemon=True).start()
                await _load(base, options.workers, options.idlers, stop, tally)

            asyncio.run(run())
            elapsed = time.perf_counter() - started
        finally:
            child.terminate()
            child.wait(timeout=30)
    _report(options, tally, latencies, late, elapsed)


def _wait_until_up(base: str, child: subprocess.Popen[bytes]) -> None:
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        if child.poll() is not None:
            raise SystemExit(f"reload_soak: the server ended with exit code {child.returncode}")
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("reload_soak: the server did not start within 60 s")


def _report(
    options: argparse.Namespace, tally: Tally, latencies: list[float], late: list[int], elapsed: float
) -> None:
    keep_alive = "serve's default" if options.keep_alive is None else f"{options.keep_alive} s"
    print(f"reload soak: {options.rewrites} rewrites every {options.interval} s, {options.workers} busy "
          f"clients, {options.idlers} pausing ones, keep-alive {keep_alive}")  # fmt: skip
    print(f"  requests        {tally.requests} in {elapsed:.1f} s ({tally.requests / elapsed:.0f}/s); "
          f"HTTP {tally.by_kind['http']}, MCP {tally.by_kind['mcp']}, "
          f"after a pause of ~5 s {tally.by_kind['after a pause']}")  # fmt: skip
    print(f"  failed          {len(tally.failures)}")
    for failure in tally.failures[:20]:
        print(f"                  {failure}")
    if latencies:
        print(f"  new terms after median {statistics.median(latencies) * 1e3:.0f} ms, "
              f"worst {max(latencies) * 1e3:.0f} ms ({len(latencies)} valid versions)")  # fmt: skip
    if late:
        print(f"  never served    revisions {late}")
    if tally.failures or late:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
