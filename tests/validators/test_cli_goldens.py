"""One broken file per loader and draft code in examples/invalid/, and the exact `shopterms validate`
output for it.

Two codes cannot be a committed file: YAML013 needs a file over 1 MiB (written here at test time) and
YAML015 is the absence of a file. SCHEMA010 marks a fault in shopterms itself, so no input should
produce it. Rewrite the expected files with `pytest --update-goldens` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from shopterms.policy.codes import NOT_CHECKED_CODES
from shopterms.policy.loader import load_policy
from shopterms.policy.source import MAX_BYTES
from shopterms.validators.catalogue import family, load_catalogue
from shopterms.validators.cli import main
from shopterms.validators.file_report import check_loaded

REPO_ROOT = Path(__file__).resolve().parents[2]
INVALID_DIR = REPO_ROOT / "examples" / "invalid"
FIXTURE_FAMILIES = ("YAML", "SCHEMA", "DRAFT")
NO_FIXTURE = {"SCHEMA010": "only a fault in shopterms produces it"}
GENERATED = {"YAML013": b"# padding a policy file beyond the size limit\n" * (MAX_BYTES // 40)}
ABSENT = {"YAML015"}
# Codes that only come after other findings: SCHEMA011 sums up the problems past the first 100.
ALONGSIDE = {"SCHEMA011": {"SCHEMA001"}}


def expected_files() -> list[Path]:
    return sorted(INVALID_DIR.glob("*.expected"))


def code_of(path: Path) -> str:
    return path.name.split("-", 1)[0]


def test_every_loader_code_has_a_fixture_and_an_expected_output() -> None:
    catalogue = load_catalogue()
    for info in catalogue.values():
        if family(info.code) not in FIXTURE_FAMILIES or info.code in NO_FIXTURE:
            continue
        stem = f"{info.code}-{info.name}"
        assert (INVALID_DIR / f"{stem}.expected").is_file(), f"{stem}.expected is missing"
        if info.code not in GENERATED and info.code not in ABSENT:
            assert (INVALID_DIR / f"{stem}.yaml").is_file(), f"{stem}.yaml is missing"


def test_every_fixture_is_named_after_a_catalogued_code() -> None:
    catalogue = load_catalogue()
    for path in [*INVALID_DIR.glob("*.yaml"), *expected_files()]:
        code = code_of(path)
        assert code in catalogue, path.name
        assert path.stem == f"{code}-{catalogue[code].name}", path.name


@pytest.mark.parametrize("expected", expected_files(), ids=lambda path: path.stem)
def test_fixture_produces_exactly_its_expected_output(
    expected: Path, update_goldens: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = code_of(expected)
    relative = f"examples/invalid/{expected.stem}.yaml"
    if code in GENERATED:
        (tmp_path / "examples" / "invalid").mkdir(parents=True)
        (tmp_path / relative).write_bytes(GENERATED[code])
        monkeypatch.chdir(tmp_path)
    else:
        monkeypatch.chdir(REPO_ROOT)
    # DRAFT002 is a warning about a valid file: the rules give it, and validate exits 0.
    found = {item.code for item in check_loaded(load_policy(relative)).diagnostics}
    assert found == {code, *ALONGSIDE.get(code, set())}
    result = CliRunner().invoke(main, ["validate", relative])
    severity = load_catalogue()[code].severity
    assert result.exit_code == (2 if code in NOT_CHECKED_CODES else 1 if severity == "error" else 0)
    if update_goldens:
        expected.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected.read_text(encoding="utf-8")
