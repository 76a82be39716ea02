"""The downstream stage: every file that validates clean works everywhere.

The clean files of the loader stage (at least 300) run through the CLI's commands, every endpoint of
the HTTP API (read from its OpenAPI document, per shop in directory mode and at the root for a single
file) and every MCP tool and resource: no traceback, no 5xx, no tool fault. docs/reliability.md says
which costly commands take turns in a test run; `.venv/bin/python bench/fuzz.py` runs 10,000 clean
files through everything.
"""

from __future__ import annotations

from shopterms.validators.cli import COMMAND_PATHS_BY_NAME
from tests.fuzz.cli_stage import COMMAND_RECIPES, NOT_ABOUT_ONE_FILE
from tests.fuzz.driver import downstream
from tests.fuzz.file_checks import FuzzTally
from tests.fuzz.inputs import FuzzInput

CLEAN = 300


def test_every_clean_file_works_through_every_command_endpoint_and_tool(
    checked_files: tuple[FuzzTally, list[FuzzInput]],
) -> None:
    _, clean = checked_files
    assert len(clean) >= CLEAN
    tally = FuzzTally()
    downstream(clean[:CLEAN], tally, everything=False)
    assert tally.calls > 30 * CLEAN
    assert tally.faults == []


def test_every_command_is_asked_about_the_files_or_says_why_not() -> None:
    assert set(COMMAND_RECIPES) | set(NOT_ABOUT_ONE_FILE) == set(COMMAND_PATHS_BY_NAME)
    assert not set(COMMAND_RECIPES) & set(NOT_ABOUT_ONE_FILE)
