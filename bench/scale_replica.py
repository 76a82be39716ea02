"""A real `shopterms serve --store URL` process for bench/scale.py, and the clients that measure it.

The server runs as the command a platform would run (the console script, a port of its own on
127.0.0.1, logging at warning so that no access log is written per request). It counts as started
when it answers any HTTP request; an unknown path is used, so that readiness reads no shop.
Requests go over keep-alive connections with a minimal client (bench/serve.py's), so the time
measured is the server's.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SHOPTERMS = str(Path(sys.executable).with_name("shopterms"))
READY_PATH = "/scale-bench-ready"  # any answer (a 404) means the app is up


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_options() -> str:
    """The help text of `shopterms serve`, to see which scale options this shopterms has."""
    return subprocess.run([SHOPTERMS, "serve", "--help"], capture_output=True, text=True, check=True).stdout


@dataclass
class Replica:
    """One server process; `started_in` is the seconds from spawning it to its first answer."""

    store: str
    options: Sequence[str] = ()
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    started_in: float = 0.0

    def start(self, timeout: float = 900.0) -> Replica:
        command = [SHOPTERMS, "serve", "--store", self.store, "--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--log-level", "warning", *self.options]
        began = time.perf_counter()
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while time.perf_counter() - began < timeout:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                raise RuntimeError(f"the server exited ({self.process.returncode}): {error[-2000:]}")
            if _answers(self.port):
                self.started_in = time.perf_counter() - began
                return self
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"the server did not answer within {timeout:.0f} s")

    @property
    def base(self) -> tuple[str, int]:
        return "127.0.0.1", self.port

    def rss_mb(self) -> float:
        """Resident memory of the server process (VmRSS), in MB."""
        assert self.process is not None
        status = Path(f"/proc/{self.process.pid}/status").read_text(encoding="utf-8")
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        return int(found.group(1)) / 1024 if found else float("nan")

    def stop(self) -> str:
        """Stops the server; returns what it wrote to stderr (its warnings and errors)."""
        if self.process is None:
            return ""
        self.process.terminate()
        try:
            _, error = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, error = self.process.communicate()
        self.process = None
        return error.decode(errors="replace") if error else ""

    def __enter__(self) -> Replica:
        return self.start() if self.process is None else self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
            connection.sendall(f"GET {READY_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            return connection.recv(12).startswith(b"HTTP/1.1")
    except OSError:
        return False


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> bytes:
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    match = re.search(rb"content-length: *(\d+)", head, re.IGNORECASE)
    if not match or not head.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(f"unexpected response: {head[:300]!r}")
    return await reader.readexactly(int(match.group(1)))


async def _timed(host: str, port: int, paths: Sequence[str], concurrency: int) -> list[float]:
    """Milliseconds per request, the paths shared out over `concurrency` keep-alive connections."""
    queue = list(reversed(paths))
    found: list[float] = []

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while queue:
                path = queue.pop()
                request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: */*\r\n\r\n".encode()
                started = time.perf_counter()
                await _exchange(reader, writer, request)
                found.append((time.perf_counter() - started) * 1000)
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(max(1, min(concurrency, len(paths))))))
    return found


def timed(replica: Replica, paths: Sequence[str], concurrency: int = 1) -> list[float]:
    return asyncio.run(_timed(*replica.base, paths, concurrency))


def get(replica: Replica, path: str) -> bytes:
    async def once() -> bytes:
        reader, writer = await asyncio.open_connection(*replica.base)
        try:
            request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n".encode()
            return await _exchange(reader, writer, request)
        finally:
            writer.close()

    return asyncio.run(once())


def percentile(values: Iterable[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else float("nan")


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"
