"""The write lock a publish holds while it commits, and what it says while it waits for one.

A publish prepares everything (validation, rendering, signing) before it takes the lock, so the lock is
held for a few inserts only. SQLite: `BEGIN IMMEDIATE` takes the database's write lock. PostgreSQL:
the row of the store-wide change counter is locked (`SELECT … FOR UPDATE`), which every publish
updates anyway. Both first try without waiting; when another publish holds the lock, `on_wait` is told
(the CLI prints a line) and the lock is awaited for up to `wait_seconds`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from shopterms.store.errors import StoreError
from shopterms.store.location import StoreLocation

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

LOCK_WAIT_SECONDS = 30.0
_LOCK_QUERY = "SELECT counter FROM shopterms_changes WHERE id = 1 FOR UPDATE"


def _busy(location: StoreLocation, wait_seconds: float) -> StoreError:
    return StoreError(
        f"the store {location.display} stayed locked by another writer for {wait_seconds:g} s",
        "try again when the other publish has finished",
    )


@contextmanager
def write_lock(
    engine: Engine,
    location: StoreLocation,
    on_wait: Callable[[], None],
    wait_seconds: float = LOCK_WAIT_SECONDS,
) -> Iterator[Connection]:
    """A connection inside a transaction that holds the store's write lock; commits when the block ends
    normally, rolls back when it raises."""
    if location.kind == "sqlite":
        with _sqlite_lock(engine, location, on_wait, wait_seconds) as connection:
            yield connection
    else:
        with _postgres_lock(engine, location, on_wait, wait_seconds) as connection:
            yield connection


@contextmanager
def _sqlite_lock(
    engine: Engine, location: StoreLocation, on_wait: Callable[[], None], wait_seconds: float
) -> Iterator[Connection]:
    from sqlalchemy.exc import OperationalError

    # The driver's own transaction handling is switched off, so BEGIN IMMEDIATE is ours to send.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("PRAGMA busy_timeout = 0")
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except OperationalError as error:
            if "locked" not in str(error.orig).lower() and "busy" not in str(error.orig).lower():
                raise
            on_wait()
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(wait_seconds * 1000)}")
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            except OperationalError:
                raise _busy(location, wait_seconds) from None
        try:
            yield connection
        except BaseException:
            connection.exec_driver_sql("ROLLBACK")
            raise
        connection.exec_driver_sql("COMMIT")


@contextmanager
def _postgres_lock(
    engine: Engine, location: StoreLocation, on_wait: Callable[[], None], wait_seconds: float
) -> Iterator[Connection]:
    from sqlalchemy.exc import OperationalError

    with engine.begin() as connection:
        try:
            with connection.begin_nested():  # a refused NOWAIT must not abort the whole transaction
                connection.exec_driver_sql(_LOCK_QUERY + " NOWAIT")
        except OperationalError as error:
            if getattr(error.orig, "sqlstate", None) != "55P03":  # lock_not_available
                raise
            on_wait()
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(wait_seconds * 1000)}ms'")
            try:
                connection.exec_driver_sql(_LOCK_QUERY)
            except OperationalError as waited:
                if getattr(waited.orig, "sqlstate", None) == "55P03":
                    raise _busy(location, wait_seconds) from None
                raise
        yield connection
