"""The server.json that `shopterms build` writes is valid under the MCP Registry's own JSON Schema.

The schema is the official file of 2025-12-11 (tests/external/schemas/README.md says where it comes
from); its formats (`uri`) are checked too, as the registry's validator does. The file is not part of
the repository and cannot be fetched where only package registries are reachable (CI), so this check
runs where a developer has put it in place and is skipped elsewhere, even where the other external
checks are required; tests/policy/test_server_card.py holds the constraints it shares with our cards
in every run.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from shopterms.policy.documents.mcp_files import REGISTRY_FILE
from shopterms.policy.documents.server_card import REGISTRY_SCHEMA
from tests.conftest import example_files
from tests.external.toolchain import EXTERNAL_DIR, SHOPTERMS

SCHEMA_PATH = EXTERNAL_DIR / "schemas" / "server.schema.json"


@pytest.fixture(scope="module")
def registry_validator() -> jsonschema.Draft7Validator:
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"{SCHEMA_PATH} (the MCP Registry's server.json schema) is not present: see its README")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$id"] == REGISTRY_SCHEMA, "the schema file is not the version server.json names"
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.stem)
def test_the_built_server_json_of_every_example_is_valid_for_the_registry(
    path: Path, tmp_path: Path, registry_validator: jsonschema.Draft7Validator
) -> None:
    out = tmp_path / "site"
    subprocess.run(
        [SHOPTERMS, "build", str(path), "-o", str(out)], check=True, capture_output=True, timeout=300
    )
    entry = json.loads((out / REGISTRY_FILE).read_text(encoding="utf-8"))
    problems = [
        f"{'/'.join(map(str, error.path)) or '(root)'}: {error.message}"
        for error in registry_validator.iter_errors(entry)
    ]
    assert problems == []
    assert entry["$schema"] == REGISTRY_SCHEMA


def test_the_registry_schema_refuses_what_the_registry_refuses(
    registry_validator: jsonschema.Draft7Validator,
) -> None:
    """The check has teeth: a name without its namespace and an over-long description are refused."""
    good = {
        "$schema": REGISTRY_SCHEMA,
        "name": "example.shop/terms",
        "description": "Terms.",
        "version": "1.0.0",
    }
    assert registry_validator.is_valid(good)
    assert not registry_validator.is_valid({**good, "name": "terms"})
    assert not registry_validator.is_valid({**good, "description": "x" * 101})
    assert not registry_validator.is_valid({**good, "remotes": [{"type": "streamable-http"}]})
