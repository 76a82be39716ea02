"""Exact Host and Origin checks in front of the MCP endpoint (protection against DNS rebinding).

The SDK's own check (`mcp.server.transport_security`) matches an allowed `host:*` by prefix, so
`Host: 127.0.0.1:8000@evil.example`, `Host: localhost:8000, evil.example` and `Host: 127.0.0.1:abc`
pass it, and so do `Origin: http://127.0.0.1:8000.evil.example` and `Origin: http://127.0.0.1:8000evil`.
This guard parses each header by its grammar (RFC 9110 section 7.2: uri-host [":" port]; RFC 6454
section 7: scheme "://" host [":" port]) and compares the parts exactly. A value that does not parse,
or a header sent twice, is refused like a foreign one: 421 for Host, 403 for Origin (the front of the
endpoint turns both into problem details). The SDK's check still runs behind this one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

ANY_PORT = "*"
_DEFAULT_PORTS = {"http": 80, "https": 443}
# A host name (letters, digits, dots, hyphens) or a bracketed IPv6 literal; nothing else is a host here.
_HOST = r"(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)"
_PORT = r"(?::(?P<port>[0-9]{0,5}|\*))?"
_HOST_HEADER = re.compile(rf"^{_HOST}{_PORT}$")
_ORIGIN_HEADER = re.compile(rf"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://{_HOST}{_PORT}$")


@dataclass(frozen=True)
class Authority:
    """A host and a port: a number, None (not written) or ANY_PORT (in an allow-list entry)."""

    host: str
    port: int | str | None

    def admits(self, other: Authority, default_port: int | None = None) -> bool:
        if self.host != other.host:
            return False
        if self.port == ANY_PORT:
            return True
        return (self.port or default_port) == (other.port or default_port)


def _authority(match: re.Match[str]) -> Authority | None:
    port_text = match.group("port")
    if port_text == ANY_PORT:
        return Authority(match.group("host").lower(), ANY_PORT)
    port = int(port_text) if port_text else None
    if port is not None and port > 65535:
        return None
    return Authority(match.group("host").lower(), port)


def parse_host(value: str) -> Authority | None:
    """`Host: name[:port]` as its parts, or None when it is not one."""
    match = _HOST_HEADER.match(value)
    return _authority(match) if match else None


def parse_origin(value: str) -> tuple[str, Authority] | None:
    """`Origin: scheme://host[:port]` as its parts, or None when it is not one (`null` included)."""
    match = _ORIGIN_HEADER.match(value)
    if not match:
        return None
    authority = _authority(match)
    return None if authority is None else (match.group("scheme").lower(), authority)


class HostOriginGuard:
    """Refuses requests whose Host or Origin is malformed, repeated or not in the allow-lists."""

    def __init__(self, app: ASGIApp, hosts: Sequence[str], origins: Sequence[str]) -> None:
        self.app = app
        self.hosts = [host for entry in hosts if (host := parse_host(entry)) is not None]
        self.origins = [origin for entry in origins if (origin := parse_origin(entry)) is not None]

    def host_allowed(self, value: str) -> bool:
        host = parse_host(value)
        return host is not None and host.port != ANY_PORT and any(entry.admits(host) for entry in self.hosts)

    def origin_allowed(self, value: str) -> bool:
        origin = parse_origin(value)
        if origin is None or origin[1].port == ANY_PORT:
            return False
        scheme, authority = origin
        default = _DEFAULT_PORTS.get(scheme)
        return any(
            allowed_scheme == scheme and entry.admits(authority, default)
            for allowed_scheme, entry in self.origins
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            hosts = _values(scope, b"host")
            origins = _values(scope, b"origin")
            if len(hosts) != 1 or not self.host_allowed(hosts[0]):
                await Response("Invalid Host header", status_code=421)(scope, receive, send)
                return
            if len(origins) > 1 or (origins and not self.origin_allowed(origins[0])):
                await Response("Invalid Origin header", status_code=403)(scope, receive, send)
                return
            # Host names are case-insensitive; the SDK's check behind this one compares strings.
            scope = {**scope, "headers": _lowered(scope, (b"host", b"origin"))}
        await self.app(scope, receive, send)


def _values(scope: Scope, name: bytes) -> list[str]:
    return [value.decode("latin-1") for key, value in scope.get("headers", []) if key.lower() == name]


def _lowered(scope: Scope, names: tuple[bytes, ...]) -> list[tuple[bytes, bytes]]:
    return [(key, value.lower() if key.lower() in names else value) for key, value in scope["headers"]]
