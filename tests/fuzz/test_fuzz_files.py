"""The loader stage of the fuzz suite: any file whatever is checked in words, without a fault.

2,000 generated files (mutated examples, edited text, hostile files; docs/reliability.md) are checked
as `shopterms validate` checks them; every file the clean ones feed the downstream stage
(test_fuzz_downstream.py). `.venv/bin/python bench/fuzz.py` runs 50,000 fresh ones.
"""

from __future__ import annotations

import pytest

from tests.fuzz.conftest import FILES
from tests.fuzz.file_checks import FuzzTally, check_file
from tests.fuzz.inputs import HOSTILE, ODD_BUT_VALID, FuzzInput


def test_generated_files_are_checked_in_words_without_a_fault(
    checked_files: tuple[FuzzTally, list[FuzzInput]],
) -> None:
    tally, _ = checked_files
    assert tally.inputs >= FILES
    assert tally.faults == []


@pytest.mark.parametrize(("name", "data"), HOSTILE, ids=[name for name, _ in HOSTILE])
def test_a_hostile_file_is_refused_in_words(name: str, data: bytes) -> None:
    outcome = check_file(FuzzInput(data, f"hostile: {name}"))
    assert outcome.faults == ()
    assert outcome.report is not None and outcome.report.diagnostics, "a hostile file must not pass"


@pytest.mark.parametrize(("name", "data"), ODD_BUT_VALID, ids=[name for name, _ in ODD_BUT_VALID])
def test_an_odd_but_valid_file_validates_clean(name: str, data: bytes) -> None:
    assert check_file(FuzzInput(data, name)).clean
