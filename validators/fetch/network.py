"""The socket layer under httpcore: connections only to checked addresses, every operation on a deadline.

httpcore asks its network backend to connect to a host name; this backend resolves the name once,
checks every address (addresses.py) and connects a socket to a checked address itself, so no other
lookup happens. Each read, write and TLS handshake gets the time left of the fetch's total deadline as
its timeout, so a server that sends one byte at a time cannot stretch the fetch past it.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore

from shopterms.validators.fetch.addresses import Address, Resolver, checked_addresses, system_resolver
from shopterms.validators.fetch.deadline import Deadline
from shopterms.validators.fetch.errors import FetchError
from shopterms.validators.fetch.limits import Limits


class DeadlineStream(httpcore.NetworkStream):
    """A connected socket whose reads, writes and TLS handshake all end by the fetch's deadline."""

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        self._sock = sock
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self._sock.settimeout(self._deadline.bound(timeout))
        try:
            return self._sock.recv(max_bytes)
        except TimeoutError:
            raise self._deadline.expired() from None
        except OSError as error:
            raise httpcore.ReadError(str(error)) from None

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        while buffer:
            self._sock.settimeout(self._deadline.bound(timeout))
            try:
                sent = self._sock.send(buffer)
            except TimeoutError:
                raise self._deadline.expired() from None
            except OSError as error:
                raise httpcore.WriteError(str(error)) from None
            buffer = buffer[sent:]

    def close(self) -> None:
        self._sock.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        self._sock.settimeout(self._deadline.bound(timeout))
        try:
            secured = ssl_context.wrap_socket(self._sock, server_hostname=server_hostname)
        except ssl.SSLCertVerificationError as error:
            self.close()
            raise FetchError(f"the certificate is not trusted ({error.verify_message})", "tls") from None
        except ssl.SSLError as error:
            self.close()
            raise FetchError(f"the secure connection failed ({error.reason or error})", "tls") from None
        except TimeoutError:
            self.close()
            raise self._deadline.expired() from None
        except OSError as error:
            self.close()
            raise FetchError(f"the secure connection failed ({error.strerror or error})", "tls") from None
        return DeadlineStream(secured, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        if info == "ssl_object" and isinstance(self._sock, ssl.SSLSocket):
            return self._sock._sslobj  # type: ignore[attr-defined]  # what httpcore reads for ALPN
        if info == "server_addr":
            return self._sock.getpeername()
        if info == "client_addr":
            return self._sock.getsockname()
        if info == "socket":
            return self._sock
        if info == "is_readable":
            return _is_readable(self._sock)
        return None


class GuardedBackend(httpcore.NetworkBackend):
    """Opens TCP connections for httpcore to checked addresses only, within the deadline."""

    def __init__(self, limits: Limits, deadline: Deadline, resolver: Resolver = system_resolver) -> None:
        self._limits = limits
        self._deadline = deadline
        self._resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = checked_addresses(host, port, self._limits, self._deadline.remaining(), self._resolver)
        failure: OSError | None = None
        for address in addresses:  # every one of them checked above, tried in the resolver's order
            try:
                sock = _connect(address, port, self._deadline.bound(timeout))
            except TimeoutError:
                raise self._deadline.expired() from None
            except OSError as error:
                failure = error
                continue
            return DeadlineStream(sock, self._deadline)
        raise _connect_failure(failure)

    def sleep(self, seconds: float) -> None:  # part of the interface; a fetch never waits on purpose
        self._deadline.bound(seconds)


def _connect(address: Address, port: int, timeout: float) -> socket.socket:
    """A TCP socket connected to exactly this address (no name lookup)."""
    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect((str(address), port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except BaseException:
        sock.close()
        raise
    return sock


def _connect_failure(error: OSError | None) -> FetchError:
    if isinstance(error, ConnectionRefusedError):
        return FetchError("the server refused the connection", "connect")
    reason = (error.strerror if error is not None else None) or str(error or "no address to connect to")
    return FetchError(f"cannot connect: {reason}", "connect")


def _is_readable(sock: socket.socket) -> bool:
    """Whether a kept-alive connection has data (or EOF) waiting: then it is not reused."""
    import select

    if sock.fileno() < 0:
        return True
    readable, _, _ = select.select([sock], [], [], 0)
    return bool(readable)
