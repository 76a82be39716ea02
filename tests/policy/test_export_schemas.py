"""The published JSON Schemas of the export targets' field rules: up to date, and met by every export."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType

import jsonschema
import pytest

from shopterms.policy.export import EXPORTERS_BY_NAME, ExportError, export
from shopterms.policy.loader import read_policy
from tests.conftest import REPO_ROOT, example_files

EXPORTS_DIR = REPO_ROOT / "schemas" / "exports"


@cache
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_export_schemas", REPO_ROOT / "scripts" / "generate_export_schemas.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("target", sorted(EXPORTERS_BY_NAME))
def test_committed_schema_matches_the_rules_model(target: str) -> None:
    path = EXPORTS_DIR / f"{target}.schema.json"
    assert path.read_text(encoding="utf-8") == generator().render(target), (
        f"schemas/exports/{path.name} is out of date; run: python scripts/generate_export_schemas.py"
    )


@pytest.mark.parametrize("target", sorted(EXPORTERS_BY_NAME))
def test_schema_names_its_source_and_the_command_that_writes_it(target: str) -> None:
    schema = json.loads((EXPORTS_DIR / f"{target}.schema.json").read_text(encoding="utf-8"))
    assert "python scripts/generate_export_schemas.py" in schema["$comment"]
    assert "Source:" in schema["$comment"]
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", example_files(), ids=lambda p: Path(p).stem)
@pytest.mark.parametrize("target", sorted(EXPORTERS_BY_NAME))
def test_every_example_export_meets_the_published_schema(target: str, path: Path) -> None:
    schema = json.loads((EXPORTS_DIR / f"{target}.schema.json").read_text(encoding="utf-8"))
    try:
        result = export(read_policy(path), EXPORTERS_BY_NAME[target], allow_lossy=True)
    except ExportError:
        pytest.skip("this example cannot be exported to this target (checked in test_export_roundtrip)")
    jsonschema.Draft202012Validator(schema).validate(result.payload)
