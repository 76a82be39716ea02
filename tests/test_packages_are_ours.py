"""The top-level names policy, server, validators and schemas also exist as unrelated PyPI
distributions; an environment that mixes them would import the wrong code silently."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT


@pytest.mark.parametrize("package", ["policy", "server", "validators", "schemas"])
def test_imported_package_is_the_one_in_this_repository(package: str) -> None:
    module = importlib.import_module(package)
    assert module.__file__ is not None
    assert REPO_ROOT in Path(module.__file__).resolve().parents
