"""Fixtures and options shared by every test package.

Golden files (expected outputs) are rewritten deliberately, never silently:

    pytest --update-goldens          (or SHOPTERMS_UPDATE_GOLDENS=1 pytest)

then review the diff. The option sets the environment variable, so helpers that are not fixtures see it too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = REPO_ROOT / "examples"
UPDATE_GOLDENS_VARIABLE = "SHOPTERMS_UPDATE_GOLDENS"


def example_files() -> list[Path]:
    """Every valid example policy (the broken ones live in examples/invalid/)."""
    return sorted(EXAMPLES_DIR.glob("*.yaml"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the expected output files instead of comparing against them",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--update-goldens"):
        os.environ[UPDATE_GOLDENS_VARIABLE] = "1"


def updating_goldens() -> bool:
    return os.environ.get(UPDATE_GOLDENS_VARIABLE) == "1"


@pytest.fixture
def update_goldens() -> bool:
    return updating_goldens()


@pytest.fixture
def nordlicht_path() -> Path:
    return EXAMPLES_DIR / "nordlicht-mode.yaml"
