"""Fixtures and options shared by every test package.

Golden files (expected outputs) are rewritten deliberately, never silently:

    pytest --update-goldens          (or SHOPTERMS_UPDATE_GOLDENS=1 pytest)

then review the diff. The option sets the environment variable, so helpers that are not fixtures see it too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
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


# --- Stores: SQLite always, PostgreSQL whenever SHOPTERMS_TEST_POSTGRES names a server -----------------
# Other test sessions use the same PostgreSQL server at the same time, so this session creates a database
# of its own (dropped at the end) and each test works in a schema of its own inside it.
POSTGRES_VARIABLE = "SHOPTERMS_TEST_POSTGRES"
REQUIRE_POSTGRES_VARIABLE = "SHOPTERMS_REQUIRE_POSTGRES"


def _postgres_unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE_POSTGRES_VARIABLE) == "1":
        pytest.fail(f"{REQUIRE_POSTGRES_VARIABLE}=1, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """The address of a PostgreSQL database created for this test session (dropped afterwards)."""
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    url = os.environ.get(POSTGRES_VARIABLE)
    if not url:
        _postgres_unavailable(f"{POSTGRES_VARIABLE} is not set")
    assert url is not None
    import psycopg

    admin_url = url.replace("postgresql+psycopg://", "postgresql://", 1)
    name = f"shopterms_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as error:
        _postgres_unavailable(f"PostgreSQL at {POSTGRES_VARIABLE} cannot be used: {error}")
    parts = urlsplit(admin_url)
    try:
        yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))
    finally:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_url(postgres_database: str) -> str:
    """A store address in a schema of its own, inside this session's database."""
    import uuid

    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_database, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    return f"{postgres_database}?options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store address, once for a SQLite file and once for PostgreSQL (when a server is given)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return str(request.getfixturevalue("postgres_url"))
