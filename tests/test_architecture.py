"""Dependencies point one way: policy ← validators and policy ← server, with the CLI outermost. The pure
core stays free of web, CLI, RDF and database libraries, so it can run anywhere and `shopterms validate`
starts fast; the server renders through the core only, never through the CLI's package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

FORBIDDEN_BY_PACKAGE = {
    "policy": {
        "fastapi",
        "starlette",
        "uvicorn",
        "mcp",
        "extruct",
        "click",
        "rdflib",
        "pyshacl",
        "httpx",
        "server",
        "validators",
        "store",
        "sqlalchemy",
        "alembic",
        "psycopg",
    },
    "validators": {"server"},
    "server": {"validators"},
    # The store sits beside the server: the CLI and the server use it, it uses neither (nor the web).
    "store": {"server", "validators", "fastapi", "starlette", "uvicorn", "mcp", "click", "httpx"},
}
# The CLI is the outermost layer: it may start the servers, but only inside the commands that serve.
ALLOWED_EXCEPTIONS = {"validators/commands/serve.py", "validators/commands/mcp_stdio.py"}


def _layer(module: str) -> str:
    """The package a module belongs to: our own by its name under `shopterms.`, others by their top level."""
    parts = module.split(".")
    return parts[1] if parts[0] == "shopterms" and len(parts) > 1 else parts[0]


def _imported_top_levels(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(_layer(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(_layer(node.module))
            if node.module == "shopterms":
                names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN_BY_PACKAGE))
def test_package_imports_nothing_from_the_layers_above_it(package: str) -> None:
    offending = {}
    for path in sorted((REPO_ROOT / package).rglob("*.py")):
        relative = path.relative_to(REPO_ROOT).as_posix()
        if relative in ALLOWED_EXCEPTIONS:
            continue
        bad = _imported_top_levels(path) & FORBIDDEN_BY_PACKAGE[package]
        if bad:
            offending[relative] = sorted(bad)
    assert not offending, f"imports against the dependency direction: {offending}"
