"""`shopterms check`: saved pages of several kinds, the project's own built page fetched over loopback,
and every way a fetch can fail, each a located PAGE001 with exit 2."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from shopterms.validators.cli import main
from tests.conftest import EXAMPLES_DIR
from tests.validators.loopback import ALLOW_LOOPBACK

PAGES = Path(__file__).parent / "pages"
NORDLICHT = str(EXAMPLES_DIR / "nordlicht-mode.yaml")


def check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args, *ALLOW_LOOPBACK])
    return result.exit_code, result.stdout + result.stderr


def findings(page: str, *options: str) -> list[tuple[str, int, str]]:
    """(code, line, message) of each finding on a saved page, checked against Nordlicht's policy."""
    status, out = check(str(PAGES / page), "--policy", NORDLICHT, "--format", "json", *options)
    assert status in (0, 1), out
    return [(item["code"], item["start"]["line"], item["message"]) for item in json.loads(out)]


def codes(page: str) -> list[str]:
    return [code for code, _, _ in findings(page)]


def test_a_product_page_that_states_the_policy_has_only_notes_on_countries_it_leaves_out() -> None:
    assert codes("product-good.html") == ["PAGE013", "PAGE013"]
    assert check(str(PAGES / "product-good.html"), "--policy", NORDLICHT)[0] == 0


def test_every_disagreement_is_reported_at_the_value_on_the_page_with_both_values() -> None:
    found = findings("product-wrong-terms.html")
    by_code = {code: (line, message) for code, line, message in found}
    assert by_code["PAGE004"] == (29, "return window for DE: page 14 days; policy 30 days")
    assert by_code["PAGE005"] == (
        30,
        "return costs for DE: page ReturnFeesCustomerResponsibility; policy FreeReturn",
    )
    assert by_code["PAGE006"][0] == 31
    assert by_code["PAGE008"] == (18, "shipping to DE: page 5.95; policy 9.95 (express); 4.95 (standard)")
    assert check(str(PAGES / "product-wrong-terms.html"), "--policy", NORDLICHT)[0] == 1


def test_the_hint_names_the_place_in_the_policy_file() -> None:
    _, out = check(str(PAGES / "product-wrong-terms.html"), "--policy", NORDLICHT)
    assert f"(policy: {NORDLICHT}:52:11)" in out


def test_microdata_is_read_into_the_same_facts() -> None:
    assert ("PAGE004", 12, "return window for DE: page 21 days; policy 30 days") in findings(
        "organization-microdata.html"
    )


def test_rdfa_contact_points_are_compared_with_the_support_channels() -> None:
    assert codes("contact-rdfa.html") == ["PAGE012"]


def test_each_json_ld_block_is_checked_and_located_on_its_own() -> None:
    found = findings("several-blocks.html")
    assert ("PAGE002", 24) in [(code, line) for code, line, _ in found]
    assert {line for code, line, _ in found if code == "LD004"} == {6}
    assert ("PAGE012", 18) in [(code, line) for code, line, _ in found]


def test_a_link_to_the_odr_platform_on_the_page_is_an_error() -> None:
    found = findings("footer-odr-link.html")
    assert [(code, line) for code, line, _ in found] == [("EU008", 16), ("EU008", 16)]


def test_a_page_without_post_purchase_data_gets_a_warning_and_exit_0_unless_strict() -> None:
    assert codes("no-structured-data.html") == ["PAGE003"]
    page = str(PAGES / "no-structured-data.html")
    assert check(page)[0] == 0 and check("--strict", page)[0] == 1


def test_without_a_policy_only_the_structured_data_is_checked() -> None:
    status, out = check(str(PAGES / "product-wrong-terms.html"), "--format", "concise")
    assert status == 0 and out == "no findings\n"


def test_sarif_and_github_formats_work_for_pages() -> None:
    status, out = check(str(PAGES / "product-wrong-terms.html"), "--policy", NORDLICHT, "--format", "github")
    assert status == 1 and "::error file=" in out and "title=PAGE004 return-window-differs::" in out
    log = json.loads(
        check(str(PAGES / "product-wrong-terms.html"), "--policy", NORDLICHT, "--format", "sarif")[1]
    )
    assert "PAGE004" in [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]


def test_an_invalid_policy_is_reported_before_any_fetch(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("shop: {name: x}\n", encoding="utf-8")
    status, out = check("https://unreachable.invalid/", "--policy", str(bad), "--format", "concise")
    assert status == 1 and "SCHEMA002" in out


def test_json_ld_nested_too_deep_is_located_and_the_rest_still_checked() -> None:
    status, out = check(str(PAGES / "deeply-nested-jsonld.html"), "--format", "json")
    [finding] = json.loads(out)
    assert status == 1 and (finding["code"], finding["start"]["line"]) == ("PAGE014", 11)
    assert finding["message"] == (
        "this JSON-LD script is nested more than 64 levels deep (the max_json_depth limit)"
    )


def test_an_unknown_charset_is_a_warning_and_the_page_is_read_as_utf8() -> None:
    status, out = check(str(PAGES / "unknown-charset.html"), "--format", "concise", "--strict")
    assert status == 1
    assert out.splitlines()[0].endswith(
        "warning[PAGE015] the page's <meta> tag declares the character encoding 'rot13', which browsers "
        "do not know; the page was read as UTF-8"
    )
    assert check(str(PAGES / "unknown-charset.html"))[0] == 0


def test_a_missing_file_is_page001_with_exit_2(tmp_path: Path) -> None:
    status, out = check(str(tmp_path / "none.html"), "--format", "concise")
    assert status == 2
    assert out.startswith(f"{tmp_path / 'none.html'}: error[PAGE001] cannot read the page: there is no file")


# --- over loopback -------------------------------------------------------------------------------


@pytest.fixture
def built_site(tmp_path: Path) -> Path:
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", NORDLICHT, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _serve(handler: Any) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def site_url(built_site: Path) -> Iterator[str]:
    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(built_site), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    yield from _serve(Quiet)


class _Odd(BaseHTTPRequestHandler):
    """/loop redirects to itself, /json is not HTML, /big is over the limit, anything else is 404."""

    def do_GET(self) -> None:
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path in ("/json", "/big"):
            body = b"{}" if self.path == "/json" else b"<html>" + b"x" * (6 * 1024 * 1024)
            self.send_response(200)
            self.send_header("Content-Type", "application/json" if self.path == "/json" else "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def odd_url() -> Iterator[str]:
    yield from _serve(_Odd)


def test_the_built_page_fetched_over_http_agrees_with_its_policy(site_url: str) -> None:
    status, out = check(f"{site_url}/index.html", "--policy", NORDLICHT)
    assert (status, out) == (0, "no findings\n")


def test_a_built_page_fetched_over_http_reports_a_changed_policy(site_url: str, tmp_path: Path) -> None:
    changed = tmp_path / "changed.yaml"
    changed.write_text(
        Path(NORDLICHT).read_text(encoding="utf-8").replace("rate: 4.95", "rate: 3.95"), encoding="utf-8"
    )
    status, out = check(f"{site_url}/index.html", "--policy", str(changed), "--format", "concise")
    assert status == 1
    assert (
        f"{site_url}/index.html:" in out
        and "error[PAGE008] shipping to DE (standard): page 4.95; policy 3.95" in out
    )


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "the server answered 404 Not Found"),
        ("/loop", "more than 5 redirects (the max_redirects limit)"),
        ("/json", "the address returns application/json, not an HTML page"),
        ("/big", "the answer is larger than 5 MB (the max_wire_bytes limit)"),
    ],
)
def test_http_failures_are_page001_with_exit_2(odd_url: str, path: str, reason: str) -> None:
    status, out = check(f"{odd_url}{path}", "--format", "concise")
    assert status == 2
    assert out.splitlines()[0] == f"{odd_url}{path}: error[PAGE001] cannot read the page: {reason}"


def test_a_refused_connection_is_page001(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    status, out = check(f"http://127.0.0.1:{port}/", "--format", "concise")
    assert status == 2 and "cannot read the page: the server refused the connection" in out


def test_a_server_that_never_answers_times_out() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        status, out = check(f"http://127.0.0.1:{port}/", "--timeout", "0.2", "--format", "concise")
    assert status == 2 and "cannot read the page: no complete answer within 0.2 seconds (the total" in out


def test_tls_to_a_plain_http_server_is_a_tls_error(odd_url: str) -> None:
    status, out = check(odd_url.replace("http://", "https://") + "/", "--format", "concise")
    assert status == 2 and "cannot read the page: the secure connection failed" in out


def test_a_name_that_does_not_resolve_is_named_as_a_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_name(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    status, out = check("https://no-such-shop.example/", "--format", "concise")
    assert status == 2
    assert "cannot read the page: the host name does not resolve (DNS)" in out


def test_a_delivery_time_is_reported_at_the_service_that_states_it() -> None:
    # The express row (9.95) states transit 2-3 days; the standard row above it states its own 1-2.
    found = {code: (line, message) for code, line, message in findings("product-two-services.html")}
    assert found["PAGE009"] == (33, "transit time of shipping to DE (express): page 2-3 days; policy 1 days")
