"""The store's schema revisions: which one a store has, and bringing it to the newest.

Reading a store never migrates it: a reader checks the revision recorded in the store against
REVISIONS and refuses a store that is missing, older or newer with a message that says what to do.
Only `shopterms store upgrade` runs the Alembic migrations (and `publish`, when it creates a new,
empty store). The check reads one row and needs no Alembic, so serving and reading stay light; a
test keeps REVISIONS equal to the Alembic history.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from shopterms.store.errors import SchemaMismatchError
from shopterms.store.location import StoreLocation

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

VERSION_TABLE = "shopterms_schema"
# Every revision, oldest first; the last is the one this version of shopterms reads and writes.
REVISIONS: tuple[str, ...] = ("0001", "0002")
HEAD = REVISIONS[-1]
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def table_names(connection: Connection) -> list[str]:
    """The tables of the store's database (PostgreSQL: of the current schema)."""
    if connection.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    else:
        query = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
    return sorted(row[0] for row in connection.exec_driver_sql(query))


def recorded_revision(connection: Connection) -> str | None:
    """The revision the store records, or None when it has no shopterms schema at all."""
    if VERSION_TABLE not in table_names(connection):
        return None
    row = connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").first()
    return None if row is None else str(row[0])


def check_schema(connection: Connection, location: StoreLocation) -> str:
    """The store's revision when it is the one this shopterms reads; SchemaMismatchError otherwise."""
    revision = recorded_revision(connection)
    if revision is None:
        tables = table_names(connection)
        if location.kind == "sqlite" and tables:
            raise SchemaMismatchError(
                f"{location.display} is a SQLite database but not a shopterms store "
                f"(it holds the tables {', '.join(tables[:8])})",
                "name another file with --store",
            )
        raise SchemaMismatchError(
            f"{location.display} holds no shopterms store yet",
            f"publish a policy, or create it with shopterms store upgrade --store {location.display}",
        )
    if revision not in REVISIONS:
        raise SchemaMismatchError(
            f"the store at {location.display} has schema revision {revision}, which this version of "
            f"shopterms does not know (it reads revision {HEAD})",
            "a newer shopterms wrote it; upgrade shopterms to read it",
        )
    if revision != HEAD:
        raise SchemaMismatchError(
            f"the store at {location.display} has schema revision {revision}, older than revision {HEAD} "
            "this version of shopterms reads",
            f"migrate it with shopterms store upgrade --store {location.display}",
        )
    return revision


def upgrade(connection: Connection) -> tuple[str | None, str]:
    """Run every migration the store lacks, on `connection`; returns the revisions before and after."""
    before = recorded_revision(connection)
    if before is not None and before not in REVISIONS:
        raise SchemaMismatchError(
            f"the store has schema revision {before}, which this version of shopterms does not know",
            "a newer shopterms wrote it; upgrade shopterms instead",
        )
    if before == HEAD:
        return before, HEAD
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    return before, HEAD
