"""Helpers for the replica tests: `shopterms serve --store URL --replica` as real processes on free ports,
and a TCP proxy in front of PostgreSQL that a test cuts to take the database away from a replica."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

# Bounds on waiting for something that should happen well within them; never a measure of speed
# (bench/replica.py measures how fast).
START_SECONDS = 60
SETTLE_SECONDS = 10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(check: Callable[[], bool], seconds: float = SETTLE_SECONDS, what: str = "") -> float:
    """Poll `check` until it holds; the seconds it took. Fails the test past the bound."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > seconds:
            raise AssertionError(f"not within {seconds} s: {what}")
        time.sleep(0.02)
    return time.monotonic() - start


@contextmanager
def replica(store_url: str, log: Path, *extra: str) -> Iterator[httpx.Client]:
    """A replica process serving the store; a client on it. Its log is written to `log`."""
    port = free_port()
    command = [sys.executable, "-c", "from shopterms.validators.cli import main; main()"]
    args = ["serve", "--store", store_url, "--replica", "--port", str(port), *extra]
    with log.open("w") as output:
        process = subprocess.Popen([*command, *args], stdout=output, stderr=subprocess.STDOUT)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:

            def up() -> bool:
                assert process.poll() is None, log.read_text()
                try:
                    return client.get("/healthz").status_code == 200
                except httpx.TransportError:
                    return False

            wait_until(up, START_SECONDS, "the replica started")
            yield client
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class TcpProxy:
    """Forwards connections on a local port to `target`. `cut()` drops every connection and refuses new
    ones, as a database server that went away; `restore()` accepts again."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self.restore()

    def url_for(self, url: str) -> str:
        """A PostgreSQL address with the proxy's port in place of the server's."""
        parts = urlsplit(url)
        host = parts.netloc.rpartition("@")
        netloc = f"{host[0]}{host[1]}127.0.0.1:{self.port}"
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))

    def restore(self) -> None:
        listener = None
        for _ in range(100):  # the port is free again once the cut listener's thread let go of it
            try:
                listener = socket.create_server(("127.0.0.1", self.port))
                break
            except OSError:
                time.sleep(0.05)
        assert listener is not None, f"port {self.port} stayed in use"
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
            doomed = list(self._sockets)
            self._sockets.clear()
        if listener is not None:
            # A thread blocked in accept() keeps a closed socket listening; shutdown wakes it and stops
            # the listening, so new connections are refused from here on.
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        for sock in doomed:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    close = cut

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            try:
                upstream = socket.create_connection(self.target, timeout=10)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                if self._listener is not listener:  # cut meanwhile
                    client.close()
                    upstream.close()
                    return
                self._sockets.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pump, args=(source, sink), daemon=True).start()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    with contextlib.suppress(OSError):
        sink.shutdown(socket.SHUT_WR)
