"""A hostile HTTP server on 127.0.0.1 for the fetcher's tests and bench: each path is one way a server
can try to hang, exhaust or misdirect a client.

Every endless answer stops as soon as the client goes away or the server is shut down (`stop`), so the
server never outlives its test. Requests are recorded (path and headers) for assertions.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

DRIP_SECONDS = 0.1  # a slow server's pause between bytes
GIGABYTES = 2
GOOD_BLOCK = (
    '{"@context": "https://schema.org", "@type": "Organization", "name": "Nordlicht Mode", '
    '"url": "https://nordlicht-mode.example/"}'
)


def page_with(*blocks: str, head: str = "") -> bytes:
    scripts = "".join(f'<script type="application/ld+json">{block}</script>\n' for block in blocks)
    return f"<!doctype html>\n<html><head>{head}\n{scripts}</head><body><p>Grüße</p></body></html>\n".encode()


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


@dataclass
class Hostile:
    """The running server: its base address, what it was asked, and the switch that ends every answer."""

    base: str
    requests: list[Seen] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hostile: Hostile

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.hostile.requests.append(Seen(parts.path, {k.lower(): v for k, v in self.headers.items()}))
        answer = ROUTES.get(parts.path, _not_found)
        with suppress(BrokenPipeError, ConnectionResetError, TimeoutError):  # the client gave up, rightly
            answer(self, parse_qs(parts.query))

    def log_message(self, format: str, *args: Any) -> None:
        pass

    # -- helpers --
    def head(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def whole(self, body: bytes, kind: str = "text/html; charset=utf-8", **extra: str) -> None:
        self.head(200, {"Content-Type": kind, "Content-Length": str(len(body)), **extra})
        self.wfile.write(body)

    def endless(self, pieces: Iterator[bytes], headers: dict[str, str]) -> None:
        """A body without end (Connection: close, no length), piece by piece until told to stop."""
        self.head(200, {"Connection": "close", **headers})
        self.close_connection = True
        for piece in pieces:
            if self.hostile.stop.is_set():
                return
            self.wfile.write(piece)

    def drip(self, data: bytes) -> bool:
        """Send bytes one at a time, DRIP_SECONDS apart; False once the server is stopping."""
        for byte in data:
            if self.hostile.stop.wait(DRIP_SECONDS):
                return False
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
        return True


Route = Callable[[_Handler, dict[str, list[str]]], None]


def _not_found(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.head(404, {"Content-Type": "text/plain", "Content-Length": "9"})
    handler.wfile.write(b"not found")


def _page(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.whole(page_with(GOOD_BLOCK))


def _slow_body(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.head(200, {"Content-Type": "text/html", "Content-Length": "1000000"})
    while handler.drip(b"<p>slow</p>"):
        pass


def _slow_headers(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.close_connection = True
    if handler.drip(b"HTTP/1.1 200 OK\r\n"):
        while handler.drip(b"X-Slow: y\r\n"):
            pass


def _zeros() -> Iterator[bytes]:
    block = b"\0" * (1024 * 1024)
    for _ in range(GIGABYTES * 1024):
        yield block


def _compressed(pieces: Iterator[bytes]) -> Iterator[bytes]:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    for piece in pieces:  # flushed piece by piece, so that even a bomb inside a bomb starts at once
        yield packer.compress(piece) + packer.flush(zlib.Z_SYNC_FLUSH)
    yield packer.flush()


def _gzip_bomb(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.endless(_compressed(_zeros()), {"Content-Type": "text/html", "Content-Encoding": "gzip"})


def _stacked_bomb(handler: _Handler, query: dict[str, list[str]]) -> None:
    coding = {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"}
    handler.endless(_compressed(_compressed(_zeros())), coding)


def _triple_gzip(handler: _Handler, query: dict[str, list[str]]) -> None:
    body = zlib.compress(zlib.compress(zlib.compress(page_with(GOOD_BLOCK))))
    handler.whole(body, **{"Content-Encoding": "deflate, deflate, deflate"})


def _brotli(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.whole(b"\x8b\x02\x80hello\x03", **{"Content-Encoding": "br"})


def _endless(handler: _Handler, query: dict[str, list[str]]) -> None:
    chunk = b"<p>" + b"x" * 65536 + b"</p>"
    handler.endless(iter(lambda: chunk, None), {"Content-Type": "text/html"})


def _announced_huge(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.head(200, {"Content-Type": "text/html", "Content-Length": str(100 * 1024 * 1024)})
    chunk = b"x" * 65536
    for _ in range(1600):
        if handler.hostile.stop.is_set():
            return
        handler.wfile.write(chunk)


def _redirect(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.head(302, {"Location": query.get("to", ["/page"])[0], "Content-Length": "0"})


def _loop(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.head(302, {"Location": "/loop", "Content-Length": "0"})


def _many_blocks(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.whole(page_with(*["{}"] * 100_000))  # 4.7 MB: under the size limit


def _deep(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.whole(page_with(GOOD_BLOCK, "[" * 100_000 + "]" * 100_000))


def _deep_microdata(handler: _Handler, query: dict[str, list[str]]) -> None:
    nested = '<div itemscope itemtype="https://schema.org/Thing" itemprop="about">' * 5000
    body = f'<html><body><div itemscope itemtype="https://schema.org/Thing">{nested}</body></html>'
    handler.whole(body.encode())


def _deep_policy(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.whole(b'{"shop": ' + b"[" * 100_000 + b"]" * 100_000 + b', "version": 1}', "application/json")


def _rot13(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.whole(page_with(GOOD_BLOCK), "text/html; charset=rot13")


def _huge_headers(handler: _Handler, query: dict[str, list[str]]) -> None:
    handler.head(200, {f"X-Filler-{index}": "y" * 1000 for index in range(2000)})


def _slow_not_found(handler: _Handler, query: dict[str, list[str]]) -> None:
    """A 404 that takes 6.4 seconds to arrive, so that compare's second try (/policy) has little time left."""
    handler.close_connection = True
    handler.drip(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


ROUTES: dict[str, Route] = {
    "/slow-404": _slow_not_found,
    "/slow-404/policy": _slow_body,
    "/page": _page,
    "/slow-body": _slow_body,
    "/slow-headers": _slow_headers,
    "/gzip-bomb": _gzip_bomb,
    "/stacked-bomb": _stacked_bomb,
    "/triple-deflate": _triple_gzip,
    "/brotli": _brotli,
    "/endless": _endless,
    "/huge": _announced_huge,
    "/redirect": _redirect,
    "/loop": _loop,
    "/many-blocks": _many_blocks,
    "/deep": _deep,
    "/deep-microdata": _deep_microdata,
    "/policy": _deep_policy,
    "/rot13": _rot13,
    "/huge-headers": _huge_headers,
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client hanging up on an endless answer is the expected end, not an error to print


@contextmanager
def hostile_server() -> Iterator[Hostile]:
    """The hostile server on 127.0.0.1 (a free port) for the length of the block."""
    server = _Server(("127.0.0.1", 0), _Handler)
    hostile = Hostile(f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = type("Handler", (_Handler,), {"hostile": hostile})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hostile
    finally:
        hostile.stop.set()
        server.shutdown()
        server.server_close()
        thread.join()
