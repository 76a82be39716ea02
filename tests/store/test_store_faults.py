"""A store that cannot be read as asked is refused with a message saying what it is and what to do:
missing, not a database, someone else's database, another schema revision, an unreachable server."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest

from shopterms.store import revisions
from shopterms.store.engine import create_engine_for, open_reader, open_writer
from shopterms.store.errors import SchemaMismatchError, StoreError
from shopterms.store.location import parse_store, sqlite_file
from tests.store.store_harness import publish_text


def test_reading_a_missing_file_says_there_is_no_store_and_creates_none(tmp_path: Path) -> None:
    path = tmp_path / ".shopterms" / "store.db"
    with pytest.raises(StoreError, match="there is no store at") as raised:
        open_reader(sqlite_file(path))
    assert "shopterms publish" in (raised.value.hint or "")
    assert not path.exists() and not path.parent.exists()


def test_a_file_that_is_not_a_database_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"this is a policy file, not a database\n" * 100)
    for opening in (open_reader, open_writer):
        with pytest.raises(StoreError, match="is not a SQLite database, or it is damaged"):
            opening(sqlite_file(path))
    assert path.read_bytes().startswith(b"this is a policy file")


def test_someone_elses_sqlite_database_is_not_taken_for_a_store(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    for opening in (open_reader, open_writer):
        with pytest.raises(
            SchemaMismatchError, match="is a SQLite database but not a shopterms store"
        ) as raised:
            opening(sqlite_file(path))
        assert "customers" in raised.value.message


def test_an_empty_database_holds_no_store_yet(postgres_url: str) -> None:
    with pytest.raises(SchemaMismatchError, match="holds no shopterms store yet") as raised:
        open_reader(parse_store(postgres_url))
    assert "shopterms store upgrade" in (raised.value.hint or "")


def _set_revision(url: str, revision: str) -> None:
    location = parse_store(url)
    engine = create_engine_for(location, read_only=False)
    with engine.begin() as connection:
        connection.exec_driver_sql(f"UPDATE {revisions.VERSION_TABLE} SET version_num = '{revision}'")
    engine.dispose()


def test_a_store_written_by_a_newer_shopterms_is_refused_for_reading_and_writing(store_url: str) -> None:
    publish_text(store_url)
    _set_revision(store_url, "9999")
    location = parse_store(store_url)
    for opening in (open_reader, open_writer):
        with pytest.raises(
            SchemaMismatchError, match="revision 9999, which this version of shopterms does not know"
        ):
            opening(location)


def test_an_older_store_must_be_upgraded_before_it_is_read(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish_text(store_url)
    # This shopterms knows one revision more than the store has.
    monkeypatch.setattr(revisions, "REVISIONS", (*revisions.REVISIONS, "9999"))
    monkeypatch.setattr(revisions, "HEAD", "9999")
    with pytest.raises(SchemaMismatchError, match="older than revision 9999") as raised:
        open_reader(parse_store(store_url))
    assert "shopterms store upgrade" in (raised.value.hint or "")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unreachable_postgresql_server_is_reported_not_raised() -> None:
    location = parse_store(f"postgresql://shop:secret@127.0.0.1:{_closed_port()}/terms")
    with pytest.raises(StoreError, match="cannot reach PostgreSQL at") as raised:
        open_reader(location)
    assert "secret" not in raised.value.message and "***" in raised.value.message


def test_a_store_address_of_another_kind_is_refused() -> None:
    with pytest.raises(StoreError, match="'mysql://' is not a store shopterms can use"):
        parse_store("mysql://localhost/terms")


def test_a_postgresql_database_shared_with_other_tables_gets_a_store_of_its_own(postgres_url: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url) as connection:
        connection.execute("CREATE TABLE customers (id integer PRIMARY KEY)")
    assert publish_text(postgres_url).version.number == 1
    with psycopg.connect(postgres_url) as connection:
        assert connection.execute("SELECT count(*) FROM customers").fetchone() == (0,)
