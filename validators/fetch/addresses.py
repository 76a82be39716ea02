"""Which addresses a fetch may connect to: resolve a host once, check every address, connect to those.

A page's address is chosen by whoever wrote it, and every redirect by the server, so a fetch could be
pointed at the machine itself, the local network or a cloud metadata service. The host is resolved
once and every address checked with `ipaddress` (IPv6 forms that carry an IPv4 address are checked by
that address too); the connection then goes to a checked address, never through a second lookup that
a rebinding DNS server could answer differently.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable

from shopterms.validators.fetch.errors import FetchError, FetchTimeout, ForbiddenTarget
from shopterms.validators.fetch.limits import Limits

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

# Categories that --allow-private (or --allow-network) opens; every other non-public one stays closed.
OPENABLE = {"loopback", "private"}
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: inside a provider, not public
_WORDS = {
    "loopback": "a loopback address (this machine)",
    "private": "a private-network address",
    "link-local": "a link-local address (where cloud metadata services answer)",
    "unspecified": "the unspecified address",
    "multicast": "a multicast address",
    "reserved": "a reserved address",
}


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address that an IPv6 address stands for or reaches: mapped, compatible, 6to4, NAT64,
    Teredo."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if any(address in network for network in _NAT64) or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def category(address: Address) -> str | None:
    """Why an address is not public (loopback, private, link-local, ...), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = embedded_ipv4(address)
        if inner is not None:  # the connection ends at the IPv4 address, so that address decides
            return category(inner)
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if address.is_reserved or str(address) == "255.255.255.255":
        return "reserved"
    if address.is_private or address in _SHARED or getattr(address, "is_site_local", False):
        return "private"
    if not address.is_global:
        return "reserved"
    return None


def check_address(address: Address, limits: Limits, host: str) -> None:
    """Raise ForbiddenTarget unless `limits` let a fetch connect to `address`."""
    kind = category(address)
    if kind is None:
        return
    if kind in OPENABLE and (limits.allow_private or any(address in net for net in limits.allowed_networks)):
        return
    named = host if literal_address(host) == address else f"{host} ({address})"
    hint = " unless --allow-private is given" if kind in OPENABLE else ""
    raise ForbiddenTarget(f"{named} is {_WORDS[kind]}, which shopterms does not fetch from{hint}")


def legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a host written the old way stands for: 127.1, 2130706433, 0x7f000001, 0177.0.0.1.

    These spellings are what inet_aton (and so the system resolver) and URL parsers accept; reading them
    here means the check never depends on how a resolver treats them."""
    parts = host.rstrip(".").split(".")
    if not parts or len(parts) > 4:
        return None
    numbers = []
    for part in parts:
        lowered = part.lower()
        try:
            if lowered.startswith("0x"):
                numbers.append(int(lowered[2:] or "0", 16))
            elif len(lowered) > 1 and lowered.startswith("0"):
                numbers.append(int(lowered[1:], 8))
            else:
                numbers.append(int(lowered, 10))
        except ValueError:
            return None
    *head, last = numbers
    if any(number > 255 for number in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for index, number in enumerate(head):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def literal_address(host: str) -> Address | None:
    """The address a host names directly (an IP literal in any spelling), or None for a name."""
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        return ipaddress.ip_address(bare.split("%", 1)[0])
    except ValueError:
        return legacy_ipv4(bare)


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host`, in its order of preference."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in found]


def resolve(host: str, port: int, seconds: float, resolver: Resolver = system_resolver) -> list[Address]:
    """The addresses of `host`, looked up once within `seconds` (the lookup itself has no timeout, so it
    runs on a helper thread that is abandoned if the time runs out)."""
    literal = literal_address(host)
    if literal is not None:
        return [literal]
    outcome: list[list[str] | BaseException] = []

    def lookup() -> None:
        try:
            outcome.append(resolver(host, port))
        except BaseException as error:  # handed to the waiting thread
            outcome.append(error)

    worker = threading.Thread(target=lookup, name="shopterms-dns", daemon=True)
    worker.start()
    worker.join(max(seconds, 0))
    if not outcome:
        raise FetchTimeout(f"the name {host} did not resolve in time")
    result = outcome[0]
    if isinstance(result, socket.gaierror) or (isinstance(result, list) and not result):
        raise FetchError("the host name does not resolve (DNS)", "dns")
    if isinstance(result, BaseException):
        raise FetchError(f"the host name could not be looked up ({result})", "dns")
    return [ipaddress.ip_address(text.split("%", 1)[0]) for text in result]


def checked_addresses(
    host: str, port: int, limits: Limits, seconds: float, resolver: Resolver = system_resolver
) -> list[Address]:
    """The addresses to connect to: all of them allowed, or ForbiddenTarget naming the first that is not."""
    addresses = resolve(host, port, seconds, resolver)
    for address in addresses:
        check_address(address, limits, host)
    return addresses
