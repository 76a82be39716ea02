"""`check` and `compare` against a hostile server on 127.0.0.1: each way a server can hang, flood or
trick a client ends within the total deadline, with exit 1 or 2 (0 where the page is still readable),
one clear message, no traceback, and under 200 MB of peak memory (measured with tracemalloc).

The time bound is the point of the deadline, so it is asserted, generously, where the deadline is what
ends the fetch: a dripping server is cut off at --timeout. The other cases end on a limit of size or
count; their times (about a second each) are measured by bench/hostile_fetch.py, not asserted, since a
loaded machine stretches the CPU work on a 5 MB page."""

from __future__ import annotations

import base64
import logging
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from shopterms.validators.cli import main
from tests.validators.hostile_http import Hostile, hostile_server
from tests.validators.loopback import ALLOW_LOOPBACK

PEAK_LIMIT = 200 * 1024 * 1024
TIMEOUT = 1.5  # seconds given as --timeout to every run here
SLACK = 5.0  # a loaded machine's margin on top of a deadline


@dataclass(frozen=True)
class Run:
    status: int
    output: str
    seconds: float
    peak: int


def run(command: str, url: str, *options: str) -> Run:
    args = [command, url, "--format", "concise"] if command == "check" else [command, url, "--to", "DE"]
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = CliRunner().invoke(main, [*args, "--timeout", str(TIMEOUT), *ALLOW_LOOPBACK, *options])
        seconds = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return Run(result.exit_code, result.stdout + result.stderr, seconds, peak)


@pytest.fixture(scope="module")
def hostile() -> Iterator[Hostile]:
    with hostile_server() as server:
        # Both commands import their packages here, so that no measured run pays for them.
        CliRunner().invoke(main, ["check", server.url("/page"), *ALLOW_LOOPBACK])
        CliRunner().invoke(main, ["compare", server.url("/page"), "--to", "DE", *ALLOW_LOOPBACK])
        yield server


# path: (check's exit, its message; compare's exit, its message; bounded by --timeout rather than work)
CASES = {
    "/slow-body": (
        2,
        "no complete answer within 1.5 seconds",
        2,
        "no complete answer within 1.5 seconds",
        True,
    ),
    "/slow-headers": (2, "no complete answer within 1.5 seconds", 2, "no complete answer", True),
    "/gzip-bomb": (2, "larger than 5 MB once decompressed", 2, "larger than 5 MB once decompressed", False),
    "/stacked-bomb": (
        2,
        "larger than 5 MB once decompressed",
        2,
        "larger than 5 MB once decompressed",
        False,
    ),
    "/triple-deflate": (2, "compressed 3 times over", 2, "compressed 3 times over", False),
    "/brotli": (2, "compressed as 'br', which shopterms does not read", 2, "compressed as 'br'", False),
    "/endless": (2, "the answer is larger than 5 MB", 2, "the answer is larger than 5 MB", False),
    "/huge": (2, "the answer is larger than 5 MB", 2, "the answer is larger than 5 MB", False),
    "/loop": (2, "more than 5 redirects", 2, "more than 5 redirects", False),
    "/huge-headers": (2, "malformed HTTP answer", 2, "malformed HTTP answer", False),
    "/many-blocks": (1, "more than 100 JSON-LD scripts", 2, "more than 100 JSON-LD scripts", False),
    "/deep": (1, "nested more than 64 levels deep", 0, "Nordlicht Mode", False),
    "/deep-microdata": (0, "PAGE003", 2, "no schema.org markup", False),
    "/policy": (2, "returns application/json, not an HTML page", 2, "without a shopterms policy", False),
    "/rot13": (0, "'rot13', which browsers do not know", 0, "Nordlicht Mode", False),
}


@pytest.mark.parametrize("command", ["check", "compare"])
@pytest.mark.parametrize("path", CASES)
def test_a_hostile_server_ends_the_command_cleanly_in_time_and_memory(
    hostile: Hostile, command: str, path: str
) -> None:
    check_status, check_says, compare_status, compare_says, dripping = CASES[path]
    expected, says = (check_status, check_says) if command == "check" else (compare_status, compare_says)
    done = run(command, hostile.url(path))
    assert (done.status, says in done.output) == (expected, True), done.output
    assert "Traceback" not in done.output and "fault in shopterms" not in done.output
    if dripping:  # the deadline is what ends these; how fast the others end is bench/hostile_fetch.py's
        assert done.seconds < TIMEOUT + SLACK
    assert done.peak < PEAK_LIMIT
    if expected == 2:  # one message (compare adds its one-line total)
        assert len(done.output.strip().splitlines()) == 2


def test_the_charset_warning_names_the_label_and_the_fallback(hostile: Hostile) -> None:
    done = run("check", hostile.url("/rot13"))
    assert (
        "warning[PAGE015] the server declares the character encoding 'rot13', which browsers do not know; "
        "the page was read as UTF-8"
    ) in done.output


def test_compare_s_second_try_at_an_api_shares_the_source_s_total_time(hostile: Hostile) -> None:
    # The page takes 6.4 s to answer 404; /policy is then tried with what is left of --timeout 8.
    started = time.monotonic()
    result = CliRunner().invoke(
        main, ["compare", hostile.url("/slow-404"), "--to", "DE", "--timeout", "8", *ALLOW_LOOPBACK]
    )
    assert result.exit_code == 2 and "no complete answer within" in result.stderr
    assert time.monotonic() - started < 8 + 3  # not 6.4 + 8


# --- credentials ---------------------------------------------------------------------------------

SECRET = "s3cr3t-Passw0rd"
TOKEN = base64.b64encode(f"shop:{SECRET}".encode()).decode()


def _with_password(url: str) -> str:
    return url.replace("http://", f"http://shop:{SECRET}@", 1)


@pytest.mark.parametrize("output_format", ["full", "concise", "json", "github", "sarif"])
def test_check_never_prints_the_password_in_any_format(hostile: Hostile, output_format: str) -> None:
    for path in ("/rot13", "/loop"):  # a page with a finding, and a page that cannot be read
        result = CliRunner().invoke(
            main, ["check", _with_password(hostile.url(path)), "--format", output_format, *ALLOW_LOOPBACK]
        )
        output = result.stdout + result.stderr
        assert SECRET not in output and TOKEN not in output
        assert "shop:***@127.0.0.1" in output.replace("%3A", ":")


@pytest.mark.parametrize("output_format", ["table", "json", "markdown", "html"])
def test_compare_never_prints_the_password_in_any_format(hostile: Hostile, output_format: str) -> None:
    for path in ("/page", "/loop"):
        result = CliRunner().invoke(
            main,
            [
                "compare",
                _with_password(hostile.url(path)),
                "--to",
                "DE",
                "--format",
                output_format,
                *ALLOW_LOOPBACK,
            ],
        )
        output = result.stdout + result.stderr
        assert result.exit_code in (0, 2) and SECRET not in output and TOKEN not in output
    assert "shop:***@127.0.0.1" in output  # the failing source is named, redacted


def test_credentials_go_to_their_own_origin_only_and_never_into_logs(
    hostile: Hostile, caplog: pytest.LogCaptureFixture
) -> None:
    with hostile_server() as elsewhere, caplog.at_level(logging.DEBUG):
        start = _with_password(hostile.url(f"/redirect?to={elsewhere.url('/page')}"))
        result = CliRunner().invoke(main, ["check", start, *ALLOW_LOOPBACK])
        assert result.exit_code == 0, result.output
        assert elsewhere.requests[-1].path == "/page"
        assert "authorization" not in elsewhere.requests[-1].headers
    sent = [seen for seen in hostile.requests if seen.path == "/redirect"][-1]
    assert sent.headers["authorization"] == f"Basic {TOKEN}"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert SECRET not in logged and TOKEN not in logged
