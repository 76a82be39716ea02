"""Options for the validator tests: `--update-goldens` rewrites expected outputs deliberately.

    pytest tests/validators --update-goldens     (or SHOPTERMS_UPDATE_GOLDENS=1 pytest)

pytest reads options only from conftest files of the folders named on the command line, so the option
works when tests/validators is named; the environment variable works from anywhere.
"""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the expected output files (examples/invalid/*.expected) instead of comparing",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return (
        bool(request.config.getoption("--update-goldens"))
        or os.environ.get("SHOPTERMS_UPDATE_GOLDENS") == "1"
    )
