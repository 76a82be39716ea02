"""The fetcher's parts on their own: the documented limits and their options, decompression under the
cap, encodings chosen as browsers choose them, and addresses shown without their password."""

from __future__ import annotations

import gzip
import zlib

import pytest
from click.testing import CliRunner

from shopterms.validators.bounded_json import TooDeep, load_json
from shopterms.validators.cli import main
from shopterms.validators.fetch import Limits, TooLarge, UnreadableResponse, redact
from shopterms.validators.fetch.charset import decode_page
from shopterms.validators.fetch.decoding import codings_of, decoded_body
from shopterms.validators.fetch.limits import describe_size
from tests.conftest import REPO_ROOT

RELIABILITY = (REPO_ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")


def _default_shown(name: str, value: object) -> str:
    if isinstance(value, bool):
        return "off"
    if isinstance(value, tuple):
        return "none"
    if "bytes" in name:
        return describe_size(int(value))  # type: ignore[call-overload]
    if name == "total_seconds":
        return f"{value:g} seconds"  # type: ignore[str-format]
    return f"{value:,}"


@pytest.mark.parametrize(("name", "field"), Limits.model_fields.items())
def test_every_limit_is_documented_with_its_default(name: str, field: object) -> None:
    row = next((line for line in RELIABILITY.splitlines() if line.startswith(f"| `{name}` |")), None)
    assert row is not None, f"docs/reliability.md has no row for {name}"
    assert row.split("|")[2].strip() == _default_shown(name, Limits.model_fields[name].default)


@pytest.mark.parametrize("command", ["check", "compare"])
def test_the_timeout_option_is_described_as_the_total_time(command: str) -> None:
    help_text = CliRunner().invoke(main, [command, "--help"]).stdout
    assert "Total seconds for fetching one address" in " ".join(help_text.split())
    assert "--allow-private" in help_text and "--limit NAME=VALUE" in help_text


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("max_redirect=3", "give NAME=VALUE with NAME one of total_seconds, max_wire_bytes"),
        ("max_redirects=lots", "max_redirects: 'lots' is not a number"),
        ("max_redirects=2MB", "max_redirects is a count; give it without a unit"),
        ("max_wire_bytes=0", "max_wire_bytes: input should be greater than 0"),
    ],
)
def test_a_bad_limit_is_a_usage_error_naming_the_option(option: str, message: str) -> None:
    result = CliRunner().invoke(main, ["check", "page.html", "--limit", option])
    assert result.exit_code == 2
    assert "'--limit'" in result.stderr and message in " ".join(result.stderr.split())


def test_sizes_take_units() -> None:
    result = CliRunner().invoke(main, ["check", "missing.html", "--limit", "max_decoded_bytes=512KB"])
    assert result.exit_code == 2 and "there is no file missing.html" in result.stdout


def _pieces(data: bytes, size: int = 1000) -> list[bytes]:
    return [data[index : index + size] for index in range(0, len(data), size)]


def test_a_gzip_bomb_stops_at_the_decoded_limit() -> None:
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))
    limits = Limits(max_decoded_bytes=1024 * 1024)
    with pytest.raises(TooLarge, match="larger than 1 MB once decompressed"):
        decoded_body(_pieces(bomb), ["gzip"], limits)


def test_stacked_codings_are_undone_layer_by_layer_under_the_same_limit() -> None:
    page = b"<html>" + b"x" * 5000 + b"</html>"
    twice = gzip.compress(zlib.compress(page))
    assert decoded_body(_pieces(twice, 7), ["deflate", "gzip"], Limits()) == page
    bomb = gzip.compress(gzip.compress(b"\0" * (20 * 1024 * 1024)))
    with pytest.raises(TooLarge):
        decoded_body(_pieces(bomb), ["gzip", "gzip"], Limits(max_decoded_bytes=1024 * 1024))


def test_raw_deflate_and_concatenated_gzip_members_are_read() -> None:
    packer = zlib.compressobj(wbits=-15)
    raw = packer.compress(b"<p>raw</p>") + packer.flush()
    assert decoded_body([raw], ["deflate"], Limits()) == b"<p>raw</p>"
    members = gzip.compress(b"<p>one</p>") + gzip.compress(b"<p>two</p>")
    assert decoded_body(_pieces(members, 5), ["gzip"], Limits()) == b"<p>one</p><p>two</p>"


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("br", "compressed as 'br', which shopterms does not read"),
        ("gzip, compress", "compressed as 'compress'"),
        ("gzip, gzip, gzip", "compressed 3 times over (gzip, gzip, gzip); shopterms undoes at most 2"),
    ],
)
def test_codings_that_cannot_be_undone_are_refused(header: str, message: str) -> None:
    with pytest.raises(UnreadableResponse, match=message.replace("(", r"\(").replace(")", r"\)")):
        codings_of(header, Limits())


def test_corrupt_gzip_is_named() -> None:
    with pytest.raises(UnreadableResponse, match="the gzip data of the answer is corrupt"):
        decoded_body([b"this is not gzip at all"], ["gzip"], Limits())


@pytest.mark.parametrize(
    ("body", "declared", "encoding", "warning"),
    [
        ("café".encode(), "utf-8", "utf-8", None),
        ("café".encode("cp1252"), "latin1", "windows-1252", None),  # WHATWG: latin1 is windows-1252
        ("café".encode(), "rot13", "utf-8", "the server declares the character encoding 'rot13'"),
        ("café".encode("cp1252"), "rot13", "windows-1252", "the page was read as windows-1252"),
        (b'<meta charset="iso-8859-2">' + "ł".encode("iso-8859-2"), None, "iso-8859-2", None),
        (b'<meta charset="bogus">caf\xc3\xa9', None, "utf-8", "the page's <meta> tag declares"),
        (b"\xef\xbb\xbfcaf\xc3\xa9", "windows-1252", "utf-8", None),  # a byte order mark wins
        ("café".encode(), "iso-2022-kr", "utf-8", "which browsers do not know"),  # the replacement label
    ],
)
def test_the_encoding_is_chosen_as_browsers_choose_it(
    body: bytes, declared: str | None, encoding: str, warning: str | None
) -> None:
    decoded = decode_page(body, declared)
    assert decoded.encoding == encoding
    assert ("café" in decoded.text or "ł" in decoded.text) and "\ufffd" not in decoded.text
    assert (warning is None and decoded.warning is None) or (warning and warning in (decoded.warning or ""))


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://shop:SECRET@host.example/returns", "https://shop:***@host.example/returns"),
        ("https://TOKEN@host.example/", "https://***@host.example/"),
        ("http://a:b:c@host.example:8080/x?y=1", "http://a:***@host.example:8080/x?y=1"),
        ("https://host.example/path@here", "https://host.example/path@here"),
        ("page.html", "page.html"),
    ],
)
def test_passwords_are_redacted_wherever_an_address_is_shown(url: str, shown: str) -> None:
    assert redact(url) == shown


def test_json_nesting_is_measured_without_recursion() -> None:
    with pytest.raises(TooDeep) as deep:
        load_json('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", 64)
    assert deep.value.pos == 6 + 63
    assert load_json('{"a": "[[[[[[[[[[[[[[[[[[[", "b": [[1]]}', 3) == {"a": "[" * 19, "b": [[1]]}
