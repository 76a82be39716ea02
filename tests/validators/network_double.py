"""A double at the socket boundary: every connect() is recorded, and only loopback ever goes through.

Any other address (10.x, 169.254.169.254, a public address) fails with ConnectionRefusedError inside the
test process, so no packet leaves the machine; a test then asserts where connections were attempted.
A resolver double answers for made-up names, so no DNS query is sent either.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest


@dataclass
class Network:
    """What the code under test tried: connects (host, port) and name lookups, in order."""

    connects: list[tuple[str, int]] = field(default_factory=list)
    lookups: list[str] = field(default_factory=list)
    names: dict[str, list[list[str]]] = field(default_factory=dict)  # each lookup pops the next answer

    def answer(self, name: str, *answers: list[str]) -> None:
        """`name` resolves to answers[0] on the first lookup, answers[1] on the second, ..."""
        self.names[name] = list(answers)

    def off_loopback(self) -> list[tuple[str, int]]:
        return [address for address in self.connects if not ipaddress.ip_address(address[0]).is_loopback]


@pytest.fixture
def network(monkeypatch: pytest.MonkeyPatch) -> Iterator[Network]:
    seen = Network()
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> None:
        if not isinstance(address, tuple):  # unix sockets: not the network
            return real_connect(self, address)
        host, port = str(address[0]), int(address[1])
        seen.connects.append((host, port))
        if ipaddress.ip_address(host.split("%")[0]).is_loopback:
            return real_connect(self, address)
        raise ConnectionRefusedError(111, "refused by the test double: nothing leaves loopback")

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        seen.lookups.append(name)
        if name in seen.names:
            answers = seen.names[name]
            addresses = answers.pop(0) if len(answers) > 1 else answers[0]
            return [_info(address, int(port or 0)) for address in addresses]
        # Only literal addresses are passed to the real resolver, which then sends nothing.
        return real_getaddrinfo(host, port, *args, **{**kwargs, "flags": socket.AI_NUMERICHOST})

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield seen


def _info(address: str, port: int) -> tuple[Any, ...]:
    if ":" in address:
        return (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))
    return (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))
