"""`shopterms export`: output, files, exit codes and messages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopterms.validators.cli import main
from tests.conftest import EXAMPLES_DIR

NORDLICHT = str(EXAMPLES_DIR / "nordlicht-mode.yaml")
KLEINKRAM = str(EXAMPLES_DIR / "kleinkram.yaml")


def _run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["export", *arguments])
    return result.exit_code, result.stdout, result.stderr


def test_a_lossy_export_without_allow_lossy_lists_the_facts_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "google.json"
    code, stdout, stderr = _run("--to", "google", NORDLICHT, "-o", str(out))
    assert code == 1 and stdout == "" and not out.exists()
    lines = stderr.splitlines()
    assert lines[0] == f"{NORDLICHT}: google cannot state 7 fact(s) of this policy:"
    assert "  - shipping.handling.holidays DE-HH: Merchant API v1 has no holiday calendar" in stderr
    assert lines[-1] == "Nothing was written. Re-run with --allow-lossy to export without these facts."


def test_allow_lossy_writes_the_export_and_warns_once_per_dropped_fact() -> None:
    code, stdout, stderr = _run("--to", "google", "--allow-lossy", NORDLICHT)
    assert code == 0
    assert [p["countries"] for p in json.loads(stdout)["onlineReturnPolicies"]][:2] == [["AT"], ["DE"]]
    warnings = stderr.splitlines()
    assert len(warnings) == 7
    assert warnings[0].startswith(
        f"{NORDLICHT}: warning: google leaves out shipping.handling.holidays DE-HH: "
    )


def test_output_file_is_written_whole_and_no_temporary_file_remains(tmp_path: Path) -> None:
    out = tmp_path / "ucp.json"
    out.write_text("old", encoding="utf-8")
    code, stdout, _ = _run("--to", "ucp", "--allow-lossy", NORDLICHT, "-o", str(out))
    assert code == 0 and stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["currency"] == "EUR"
    assert [p.name for p in tmp_path.iterdir()] == ["ucp.json"]


def test_the_output_suffix_chooses_tsv_for_the_feed(tmp_path: Path) -> None:
    out = tmp_path / "columns.tsv"
    code, _, _ = _run("--to", "openai-feed", "--allow-lossy", NORDLICHT, "-o", str(out))
    assert code == 0
    header, row = out.read_text(encoding="utf-8").splitlines()
    assert header.startswith("seller_name\tseller_url\t") and row.startswith("Nordlicht Mode\t")


def test_same_policy_gives_the_same_bytes() -> None:
    first = _run("--to", "openai-feed", "--format", "csv", "--allow-lossy", NORDLICHT)
    assert first == _run("--to", "openai-feed", "--format", "csv", "--allow-lossy", NORDLICHT)


def test_a_refused_export_exits_1_with_the_documented_message() -> None:
    code, stdout, stderr = _run("--to", "openai-feed", "--allow-lossy", KLEINKRAM)
    assert code == 1 and stdout == ""
    assert stderr == (
        f"{KLEINKRAM}: cannot export to openai-feed: the feed requires a return policy page "
        "(return_policy); set legal.returns_url or returns.portal\n"
    )


def test_google_without_a_return_page_exports_the_shipping_settings_only_when_allowed() -> None:
    code, stdout, stderr = _run("--to", "google", KLEINKRAM)
    assert code == 1 and stdout == ""
    assert "  - returns: the Merchant API requires a return policy page (returnPolicyUri)" in stderr
    code, stdout, stderr = _run("--to", "google", "--allow-lossy", KLEINKRAM)
    assert code == 0 and '"onlineReturnPolicies": []' in stdout and '"serviceName": "letter"' in stdout
    assert "warning: google leaves out returns: the Merchant API requires a return policy page" in stderr


def test_a_policy_with_errors_prints_its_diagnostics_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("shop: {name: X}\n", encoding="utf-8")
    code, stdout, stderr = _run("--to", "ucp", str(broken))
    assert code == 1 and stdout == ""
    assert "error[" in stderr
    assert stderr.splitlines()[-1] == "4 errors in 1 file; nothing was exported"


def test_bad_usage_exits_2() -> None:
    assert _run("--to", "amazon", NORDLICHT)[0] == 2
    assert _run(NORDLICHT)[0] == 2
    code, _, stderr = _run("--to", "google", "--format", "tsv", NORDLICHT)
    assert code == 2 and "google is written as json, not tsv" in stderr
    assert _run("--to", "ucp", str(EXAMPLES_DIR / "missing.yaml"))[0] == 2


def test_an_output_directory_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = _run("--to", "ucp", NORDLICHT, "-o", str(tmp_path / "no" / "such.json"))
    assert code == 2 and "does not exist" in stderr


def test_a_failed_write_is_reported_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(source: str, target: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    code, _, stderr = _run("--to", "ucp", "--allow-lossy", NORDLICHT, "-o", str(tmp_path / "ucp.json"))
    assert code == 1
    assert stderr.splitlines()[-1] == f"{tmp_path / 'ucp.json'}: cannot write the export: Permission denied"
    assert list(tmp_path.iterdir()) == []


def test_a_new_output_file_gets_the_mode_the_umask_allows(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        out = tmp_path / "ucp.json"
        assert _run("--to", "ucp", "--allow-lossy", NORDLICHT, "-o", str(out))[0] == 0
    finally:
        os.umask(previous)
    assert out.stat().st_mode & 0o777 == 0o644


def test_replacing_an_output_file_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "ucp.json"
    out.write_text("{}", encoding="utf-8")
    out.chmod(0o640)
    assert _run("--to", "ucp", "--allow-lossy", NORDLICHT, "-o", str(out))[0] == 0
    assert out.stat().st_mode & 0o777 == 0o640
