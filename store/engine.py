"""Opening a store: the SQLAlchemy engine, its SQLite settings, and every connection failure in our words.

Readers open SQLite files read-only (a mistyped path never creates an empty store) and check the
schema revision before anything else; writers create a new store where there is none yet but never
migrate an existing one (that is `shopterms store upgrade`'s job).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from shopterms.store.errors import StoreError
from shopterms.store.location import StoreLocation
from shopterms.store.revisions import check_schema, recorded_revision, table_names, upgrade

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

# How long a connection attempt to PostgreSQL may take before the store counts as unreachable.
CONNECT_TIMEOUT_SECONDS = 10


def create_engine_for(location: StoreLocation, *, read_only: bool) -> Engine:
    """An engine for the store; connects lazily (failures surface inside `translated`)."""
    from sqlalchemy import create_engine, event

    if location.kind == "sqlite":
        engine = create_engine(location.sqlite_url(read_only=read_only), connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _settings(dbapi_connection: Any, record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                cursor.execute("PRAGMA synchronous = NORMAL")  # durable at each checkpoint in WAL mode
            cursor.close()

        return engine
    return create_engine(
        location.url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS, "application_name": "shopterms"},
    )


@contextmanager
def translated(location: StoreLocation) -> Iterator[None]:
    """Turn driver and database failures inside the block into StoreError with a readable message."""
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    try:
        yield
    except StoreError:
        raise
    except DBAPIError as error:
        raise _explain(location, error.orig) from None
    except SQLAlchemyError as error:
        raise StoreError(f"the store at {location.display} failed: {error}") from None
    except (sqlite3.Error, OSError) as error:
        raise _explain(location, error) from None


def _explain(location: StoreLocation, error: BaseException | None) -> StoreError:
    text = " ".join(str(error).split()) if error is not None else "unknown error"
    lowered = text.lower()
    if location.kind == "sqlite":
        if "not a database" in lowered or "malformed" in lowered:
            return StoreError(f"{location.display} is not a SQLite database, or it is damaged", text)
        if "locked" in lowered or "busy" in lowered:
            return StoreError(f"{location.display} is locked by another process", "try again when it is done")
        if "readonly" in lowered or "read-only" in lowered:
            return StoreError(f"{location.display} cannot be written", text)
        return StoreError(f"cannot open the store {location.display}", text)
    if "does not exist" in lowered and "database" in lowered:
        return StoreError(
            f"the PostgreSQL database of {location.display} does not exist",
            "create it (createdb), then run shopterms store upgrade",
        )
    if "authentication" in lowered or "password" in lowered or "role" in lowered:
        return StoreError(f"PostgreSQL refused the login for {location.display}", text)
    if any(
        word in lowered
        for word in (
            "connection refused",
            "could not connect",
            "timeout",
            "timed out",
            "no route",
            "name or service",
            "could not translate",
        )
    ):
        return StoreError(f"cannot reach PostgreSQL at {location.display}", text)
    return StoreError(f"the store at {location.display} failed", text)


def open_reader(location: StoreLocation) -> Engine:
    """An engine on an existing store of the current schema; StoreError otherwise. Never writes."""
    if location.path is not None and not location.path.is_file():
        raise StoreError(
            f"there is no store at {location.display}",
            "publish a policy first (shopterms publish POLICY), or name the store with --store",
        )
    engine = create_engine_for(location, read_only=True)
    try:
        with translated(location), engine.connect() as connection:
            check_schema(connection, location)
    except StoreError:
        engine.dispose()
        raise
    return engine


def open_writer(location: StoreLocation) -> Engine:
    """An engine on a store to publish to; a new store (no file, or an empty database) is created with
    the current schema, an existing one must already have it."""
    if location.path is not None:
        try:
            location.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the directory of {location.display}", str(error)) from None
    engine = create_engine_for(location, read_only=False)
    try:
        with translated(location), engine.connect() as connection:
            empty = recorded_revision(connection) is None and not _ours_or_any(connection, location)
            if not empty:
                check_schema(connection, location)
        if empty:
            create_schema(engine, location)
    except StoreError:
        engine.dispose()
        raise
    return engine


def _ours_or_any(connection: Connection, location: StoreLocation) -> list[str]:
    """The tables that keep a new store from being created here: in a SQLite file any table at all (it is
    someone else's file); in a PostgreSQL database shared with other applications, only ours."""
    tables = table_names(connection)
    return tables if location.kind == "sqlite" else [name for name in tables if name.startswith("shopterms_")]


def create_schema(engine: Engine, location: StoreLocation) -> tuple[str | None, str]:
    """Bring the store to the newest schema revision (creating it when empty); see store.revisions."""
    with translated(location):
        if location.kind == "sqlite":
            with engine.connect() as connection:
                # Readers (servers) keep reading while a publish writes; the mode is kept in the file.
                connection.exec_driver_sql("PRAGMA journal_mode = WAL")
        with engine.begin() as connection:
            return upgrade(connection)
