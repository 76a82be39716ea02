"""Fixtures shared by every test package."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = REPO_ROOT / "examples"


def example_files() -> list[Path]:
    """Every valid example policy (the broken ones live in examples/invalid/)."""
    return sorted(EXAMPLES_DIR.glob("*.yaml"))


@pytest.fixture
def nordlicht_path() -> Path:
    return EXAMPLES_DIR / "nordlicht-mode.yaml"
