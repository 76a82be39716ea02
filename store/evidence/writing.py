"""Writing records in batches: one upsert per parcel (and per return), where a record already in the store
is updated field by field: a value the new row has replaces the stored one, an empty one keeps it.

SQLite takes the batch through the driver's executemany; PostgreSQL through COPY into a temporary
table and one INSERT … ON CONFLICT from there, the fastest way into PostgreSQL that still upserts.
Rows of one batch are merged first (an order export repeats an order on each line item), so no
statement meets the same key twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from shopterms.policy.evidence.records import PARCEL_VALUES, RETURN_VALUES

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

PARCEL_COLUMNS = ("shop_id", "parcel_key", "order_key", *PARCEL_VALUES, "updated_us")
RETURN_COLUMNS = ("shop_id", "parcel_key", "order_key", *RETURN_VALUES, "updated_us")
TABLE_COLUMNS = {"shopterms_parcels": PARCEL_COLUMNS, "shopterms_returns": RETURN_COLUMNS}
Row = tuple[Any, ...]


class BatchWriter(Protocol):
    def write(self, table: str, rows: Sequence[Row]) -> None: ...


def _assignments(table: str, columns: tuple[str, ...], excluded: str) -> str:
    values = [name for name in columns if name not in {"shop_id", "parcel_key", "updated_us"}]
    parts = [f"{name} = COALESCE({excluded}.{name}, {table}.{name})" for name in values]
    return ", ".join([*parts, f"updated_us = {excluded}.updated_us"])


class SqliteWriter:
    """executemany of INSERT … ON CONFLICT DO UPDATE through the sqlite3 driver."""

    def __init__(self, connection: Connection) -> None:
        self.cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        self.statements = {table: self._statement(table, columns) for table, columns in TABLE_COLUMNS.items()}

    @staticmethod
    def _statement(table: str, columns: tuple[str, ...]) -> str:
        marks = ", ".join("?" for _ in columns)
        return (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "
            f"ON CONFLICT (shop_id, parcel_key) DO UPDATE SET {_assignments(table, columns, 'excluded')}"
        )

    def write(self, table: str, rows: Sequence[Row]) -> None:
        if rows:
            self.cursor.executemany(self.statements[table], rows)


class PostgresWriter:
    """COPY into a temporary table, then INSERT … SELECT … ON CONFLICT DO UPDATE into the real one."""

    def __init__(self, connection: Connection) -> None:
        self.driver = connection.connection.driver_connection
        self.created: set[str] = set()

    def write(self, table: str, rows: Sequence[Row]) -> None:
        if not rows:
            return
        columns = TABLE_COLUMNS[table]
        incoming = f"{table}_incoming"
        cursor = self.driver.cursor()  # type: ignore[union-attr]
        if table not in self.created:
            cursor.execute(f"CREATE TEMPORARY TABLE {incoming} (LIKE {table}) ON COMMIT DROP")
            self.created.add(table)
        with cursor.copy(f"COPY {incoming} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        names = ", ".join(columns)
        cursor.execute(
            f"INSERT INTO {table} AS stored ({names}) SELECT {names} FROM {incoming} "
            f"ON CONFLICT (shop_id, parcel_key) DO UPDATE SET {_assignments('stored', columns, 'EXCLUDED')}"
        )
        cursor.execute(f"TRUNCATE {incoming}")


def batch_writer(connection: Connection) -> BatchWriter:
    if connection.dialect.name == "sqlite":
        return SqliteWriter(connection)
    return PostgresWriter(connection)
