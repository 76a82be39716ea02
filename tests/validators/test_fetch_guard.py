"""The fetcher connects only to public addresses unless told otherwise, and proves it at the socket: a
double records every connect() and lets nothing but loopback through, so no test sends a packet
anywhere else. Each refusal must come before any connection attempt, on the first hop and on every
redirect, for `check` and `compare` alike."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopterms.validators.cli import main
from shopterms.validators.fetch import ForbiddenTarget, Limits, fetch
from shopterms.validators.fetch.addresses import category, legacy_ipv4
from tests.validators.hostile_http import Hostile, hostile_server
from tests.validators.loopback import ALLOW_LOOPBACK
from tests.validators.network_double import Network, network

__all__ = ["network"]  # the fixture, imported for the tests below

COMMANDS = ("check", "compare")
# Hosts that name a non-public address directly, in the spellings URL parsers and resolvers accept.
FORBIDDEN_HOSTS = {
    "169.254.169.254": "link-local",
    "10.0.0.1": "private-network",
    "192.168.1.1": "private-network",
    "100.64.0.1": "private-network",
    "[fd00::1]": "private-network",
    "[::ffff:10.0.0.1]": "private-network",
    "[::ffff:169.254.169.254]": "link-local",
    "[64:ff9b::a00:1]": "private-network",
    "[2002:a00:1::]": "private-network",
    "[::1]": "loopback",
    "127.0.0.1": "loopback",
    "0.0.0.0": "unspecified",
    "127.1": "loopback",
    "2130706433": "loopback",
    "0x7f000001": "loopback",
    "0177.0.0.1": "loopback",
    "[fe80::1]": "link-local",
    "224.0.0.1": "multicast",
    "240.0.0.1": "reserved",
}

# The same after a redirect from the test server, whose own address (127.0.0.1) alone is allowed: the
# rest of loopback stays refused, in every spelling.
REDIRECT_HOSTS = {
    **{host: kind for host, kind in FORBIDDEN_HOSTS.items() if kind != "loopback"},
    "127.0.0.2": "loopback",
    "127.2": "loopback",
    "2130706434": "loopback",
    "0x7f000002": "loopback",
    "[::1]": "loopback",
    "[::ffff:127.0.0.2]": "loopback",
}


def run(command: str, url: str, *options: str) -> tuple[int, str]:
    args = [command, url, "--format", "concise"] if command == "check" else [command, url, "--to", "DE"]
    result = CliRunner().invoke(main, [*args, *options])
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    with hostile_server() as server:
        yield server


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("host", "kind"), FORBIDDEN_HOSTS.items())
def test_a_non_public_address_is_refused_before_any_connection(
    network: Network, command: str, host: str, kind: str
) -> None:
    status, out = run(command, f"http://{host}/returns")
    assert status == 2
    assert f"is a {kind} address" in out or f"is the {kind} address" in out or f"is an {kind}" in out
    assert network.connects == []


@pytest.mark.parametrize("command", COMMANDS)
def test_a_name_that_resolves_to_a_private_address_is_refused_before_connecting(
    network: Network, command: str
) -> None:
    network.answer("metadata.shop.example", ["169.254.169.254"])
    network.answer("mixed.shop.example", ["93.184.215.14", "10.0.0.7"])
    for name, shown in (("metadata", "169.254.169.254"), ("mixed", "10.0.0.7")):
        status, out = run(command, f"https://{name}.shop.example/")
        assert status == 2 and f"{name}.shop.example ({shown}) is a" in out
    assert network.connects == []


@pytest.mark.parametrize("command", COMMANDS)
def test_the_connection_goes_to_the_checked_address_without_a_second_lookup(
    network: Network, command: str
) -> None:
    # A rebinding DNS server: public on the first answer, loopback on every later one.
    network.answer("rebind.shop.example", ["93.184.215.14"], ["127.0.0.1"])
    status, out = run(command, "http://rebind.shop.example/")
    assert status == 2 and "the server refused the connection" in out
    assert network.lookups == ["rebind.shop.example"]
    assert network.connects == [("93.184.215.14", 80)]  # refused by the double: nothing was sent


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("host", "kind"), REDIRECT_HOSTS.items())
def test_a_redirect_to_a_non_public_address_is_refused_before_connecting(
    network: Network, hostile: Hostile, command: str, host: str, kind: str
) -> None:
    status, out = run(command, hostile.url(f"/redirect?to=http://{host}/latest/"), *ALLOW_LOOPBACK)
    assert status == 2
    assert f"the server redirected to http://{host}/latest/" in out and f" {kind} address" in out
    assert network.off_loopback() == []


@pytest.mark.parametrize("command", COMMANDS)
def test_a_redirect_to_a_name_is_resolved_and_checked_like_the_first_hop(
    network: Network, hostile: Hostile, command: str
) -> None:
    network.answer("internal.shop.example", ["10.1.2.3"])
    status, out = run(command, hostile.url("/redirect?to=http://internal.shop.example/"), *ALLOW_LOOPBACK)
    assert status == 2 and "internal.shop.example (10.1.2.3) is a private-network address" in out
    assert network.off_loopback() == []


@pytest.mark.parametrize("command", COMMANDS)
def test_a_redirect_to_a_file_is_refused_and_the_file_never_read(
    network: Network, hostile: Hostile, command: str, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text("<html><title>TOP-SECRET</title></html>", encoding="utf-8")
    status, out = run(command, hostile.url(f"/redirect?to={secret.as_uri()}"), *ALLOW_LOOPBACK)
    assert status == 2 and "only http and https addresses are fetched, not file:" in out
    assert "TOP-SECRET" not in out


@pytest.mark.parametrize("command", COMMANDS)
def test_allow_private_opens_private_networks_but_never_link_local(network: Network, command: str) -> None:
    status, out = run(command, "http://10.0.0.1/", "--allow-private")
    assert status == 2 and "the server refused the connection" in out
    assert network.connects == [("10.0.0.1", 80)]  # attempted, and refused by the double
    status, out = run(command, "http://169.254.169.254/", "--allow-private")
    assert status == 2 and "link-local address" in out
    assert network.connects == [("10.0.0.1", 80)]


@pytest.mark.parametrize("command", COMMANDS)
def test_allow_network_opens_exactly_that_network(network: Network, hostile: Hostile, command: str) -> None:
    status, _ = run(command, hostile.url("/page"), "--allow-network", "127.0.0.1/32")
    assert status == 0
    status, out = run(command, "http://10.9.9.9/", "--allow-network", "127.0.0.1/32")
    assert status == 2 and "private-network address" in out
    assert network.off_loopback() == []


@pytest.mark.parametrize("command", COMMANDS)
def test_only_http_and_https_are_fetched(network: Network, command: str) -> None:
    status, out = run(command, "gopher://shop.example/")
    assert status == 2 and ("only http and https" in out)
    assert network.connects == [] and network.lookups == []


def test_check_reads_a_file_address_as_the_local_file_it_names(tmp_path: Path) -> None:
    page = tmp_path / "saved page.html"
    page.write_text("<html><body><p>no data</p></body></html>", encoding="utf-8")
    status, out = run("check", page.as_uri())
    assert status == 0 and "PAGE003" in out and page.as_uri() in out


def test_a_file_address_on_another_host_is_refused(network: Network) -> None:
    status, out = run("check", "file://fileserver.shop.example/pages/returns.html")
    assert status == 2 and "names a file on this machine, not on fileserver.shop.example" in out
    assert network.connects == [] and network.lookups == []


@pytest.mark.parametrize(
    ("spelling", "address"),
    [
        ("127.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0177.0.0.01", "127.0.0.1"),
        ("10.1", "10.0.0.1"),
        ("169.254.43518", "169.254.169.254"),
        ("shop.example", None),
        ("1.2.3.4.5", None),
        ("256.1.1.1", None),
    ],
)
def test_legacy_ipv4_spellings_are_read_as_the_resolver_reads_them(
    spelling: str, address: str | None
) -> None:
    found = legacy_ipv4(spelling)
    assert (str(found) if found else None) == address


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
        ("::ffff:93.184.215.14", None),
        ("64:ff9b::5db8:d70e", None),  # NAT64 of a public address
        ("::ffff:127.0.0.1", "loopback"),
        ("::127.0.0.1", "loopback"),  # IPv4-compatible
        ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "private"),  # Teredo to 10.0.0.1
        ("fec0::1", "private"),  # site-local
        ("198.18.0.1", "private"),
        ("255.255.255.255", "reserved"),
        ("192.0.2.1", "private"),
    ],
)
def test_each_address_is_classified_with_its_embedded_ipv4(address: str, expected: str | None) -> None:
    assert category(ipaddress.ip_address(address)) == expected


def test_the_library_refuses_loopback_by_default(network: Network, hostile: Hostile) -> None:
    with pytest.raises(ForbiddenTarget, match="loopback address"):
        fetch(hostile.url("/page"))
    assert network.connects == []
    assert fetch(hostile.url("/page"), Limits(allow_private=True)).status == 200
