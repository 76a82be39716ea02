"""The loader stage runs once for the package: its clean files feed the downstream stage."""

from __future__ import annotations

import pytest

from tests.fuzz.driver import check_files
from tests.fuzz.file_checks import FuzzTally
from tests.fuzz.inputs import FuzzInput, fuzz_inputs

# Files the loader stage checks in a test run (bench/fuzz.py checks 50,000).
FILES = 2000


@pytest.fixture(scope="package")
def checked_files() -> tuple[FuzzTally, list[FuzzInput]]:
    """The tally of checking FILES generated files, and the ones that validate clean."""
    tally = FuzzTally()
    clean = check_files(fuzz_inputs(), FILES, fixed=True, tally=tally)
    return tally, clean
