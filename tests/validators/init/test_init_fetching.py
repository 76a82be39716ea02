"""`init --from ADDRESS` fetches through the guarded fetcher `check` uses: a non-public target is refused
before any connection, in check's own words; `--allow-private`, `--allow-network` and `--timeout` mean
what they mean for check. A double at the socket boundary records every connect() and lets nothing but
loopback through, so no test sends a packet anywhere else."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopterms.validators.cli import main
from tests.validators.hostile_http import Hostile, hostile_server
from tests.validators.loopback import ALLOW_LOOPBACK
from tests.validators.network_double import Network, network

__all__ = ["network"]  # the fixture, imported for the tests below

REFUSED = "cannot read the page: "


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    with hostile_server() as server:
        yield server


def _check_says(url: str, *options: str) -> str:
    """Why `shopterms check` cannot read the page (the words after `cannot read the page:`)."""
    result = CliRunner().invoke(main, ["check", url, "--format", "concise", *options])
    assert result.exit_code == 2
    return result.output.split(REFUSED, 1)[1].splitlines()[0]


def _init(tmp_path: Path, url: str, *options: str) -> tuple[int, str, Path]:
    out = tmp_path / "shop.yaml"
    result = CliRunner().invoke(main, ["init", "-o", str(out), "--from", url, *options])
    return result.exit_code, result.output, out


@pytest.mark.parametrize("host", ["10.0.0.1", "169.254.169.254", "[fd00::1]", "127.1", "[::1]"])
def test_a_non_public_address_is_refused_before_connecting_in_checks_words(
    network: Network, tmp_path: Path, host: str
) -> None:
    url = f"http://{host}/versand"
    reason = _check_says(url)
    code, output, out = _init(tmp_path, url)
    assert code == 2 and output == f"error: {url}: {REFUSED}{reason}\n"
    assert "which shopterms does not fetch" in reason
    assert network.connects == [] and not out.exists()


def test_a_name_that_resolves_to_a_private_address_is_refused_before_connecting(
    network: Network, tmp_path: Path
) -> None:
    network.answer("staging.laden.example", ["10.20.30.40"])
    code, output, _ = _init(tmp_path, "https://staging.laden.example/")
    assert code == 2 and "staging.laden.example (10.20.30.40) is a private-network address" in output
    assert network.connects == []


def test_allow_private_reaches_a_staging_server_but_never_link_local(
    network: Network, tmp_path: Path
) -> None:
    code, output, _ = _init(tmp_path, "http://10.0.0.1/", "--allow-private")
    assert code == 2 and f"{REFUSED}the server refused the connection" in output
    assert network.connects == [("10.0.0.1", 80)]  # attempted, and refused by the double
    code, output, _ = _init(tmp_path, "http://169.254.169.254/", "--allow-private")
    assert code == 2 and "link-local address" in output
    assert network.connects == [("10.0.0.1", 80)]


def test_an_allowed_test_server_is_fetched_and_drafted(hostile: Hostile, tmp_path: Path) -> None:
    code, output, out = _init(tmp_path, hostile.url("/page"), *ALLOW_LOOPBACK)
    assert code == 1, output  # drafted; the page names the shop only, so TODO lines remain
    assert "name: Nordlicht Mode  # from http://127.0.0.1:" in out.read_text(encoding="utf-8")


def test_timeout_bounds_the_whole_fetch_as_for_check(hostile: Hostile, tmp_path: Path) -> None:
    url = hostile.url("/slow-headers")
    reason = _check_says(url, "--timeout", "1", *ALLOW_LOOPBACK)
    code, output, out = _init(tmp_path, url, "--timeout", "1", *ALLOW_LOOPBACK)
    assert code == 2 and output == f"error: {url}: {REFUSED}{reason}\n"
    assert "no complete answer within 1 second" in reason and not out.exists()
