"""Reading files: missing, unreadable, oversized and misencoded files give diagnostics, not exceptions."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from shopterms.policy.loader import PolicyError, load_policy, load_policy_bytes, load_policy_text, read_policy
from shopterms.policy.source import MAX_BYTES

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "nordlicht-mode.yaml"


def test_missing_file_is_unreadable_and_not_checked(tmp_path: Path) -> None:
    result = load_policy(tmp_path / "polcy.yaml")
    assert [item.code for item in result.diagnostics] == ["YAML015"]
    assert result.diagnostics[0].message == "the file does not exist"
    assert result.source is None
    assert not result.checked


def test_file_name_with_a_nul_character_is_unreadable_not_an_exception() -> None:
    assert [item.code for item in load_policy("policy\x00.yaml").diagnostics] == ["YAML015"]


def test_directory_is_unreadable(tmp_path: Path) -> None:
    result = load_policy(tmp_path)
    assert [item.code for item in result.diagnostics] == ["YAML015"]
    assert "directory" in result.diagnostics[0].message


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files regardless of mode"
)
def test_file_without_read_permission_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("shop: {}\n", encoding="utf-8")
    path.chmod(0)
    assert [item.code for item in load_policy(path).diagnostics] == ["YAML015"]


def test_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# padding\n" * (MAX_BYTES // 10 + 1))
    result = load_policy(path)
    assert [item.code for item in result.diagnostics] == ["YAML013"]
    assert result.checked  # a finding about the file (exit 1), not a failure to read it (exit 2)


def test_file_exactly_at_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    path.write_bytes(text.encode("utf-8") + b"#" * (MAX_BYTES - len(text.encode("utf-8"))))
    assert load_policy(path).policy is not None


def test_text_over_the_size_limit_is_refused() -> None:
    assert [item.code for item in load_policy_text("#" * (MAX_BYTES + 1)).diagnostics] == ["YAML013"]


def test_latin1_byte_is_located_at_its_line_and_character_column() -> None:
    data = "shop:\n  name: Größe ß\n".encode().replace("ß".encode(), b"\xdf", 1)
    result = load_policy_bytes(data, "latin.yaml")
    [found] = result.diagnostics
    assert found.code == "YAML007"
    assert found.message == "byte 0xDF is not valid UTF-8"
    assert found.location is not None and (found.location.line, found.location.column) == (2, 12)
    # The source is kept for display, with the bad byte shown as a replacement character.
    assert result.source is not None and "\ufffd" in result.source


@pytest.mark.parametrize(
    ("bom", "encoding"), [(codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF32_BE, "UTF-32")]
)
def test_utf16_and_utf32_files_are_named(bom: bytes, encoding: str) -> None:
    [found] = load_policy_bytes(bom + "shop: x\n".encode("utf-16-le")).diagnostics
    assert found.code == "YAML007"
    assert encoding in found.message


def test_utf8_byte_order_mark_is_accepted() -> None:
    result = load_policy_bytes(codecs.BOM_UTF8 + EXAMPLE.read_bytes())
    assert result.policy is not None


def test_read_policy_returns_the_policy_of_a_valid_file() -> None:
    assert read_policy(EXAMPLE).shop.name == "Nordlicht Mode"


def test_read_policy_raises_policy_error_with_the_diagnostics(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(PolicyError) as raised:
        read_policy(path)
    assert [item.code for item in raised.value.result.diagnostics] == ["YAML009"]
    assert str(raised.value).startswith(f"{path}: the file holds no policy")
