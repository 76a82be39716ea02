"""Stores for bench/scale.py: fresh ones of the same kind as the measured store, and what they hold.

A SQLite store is a file in the work folder; a PostgreSQL one is a database created beside the
measured one on the same server (its name with a suffix), dropped first if a previous run left it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def fresh_store(store: str, suffix: str, work: Path) -> str:
    """An empty store of the same kind as `store`, named after it with `suffix`."""
    if not store.startswith("postgresql"):
        path = work / f"{suffix}.db"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    from sqlalchemy import create_engine, text

    parts = urlsplit(store)
    name = f"{parts.path.strip('/')}_{suffix}"
    admin = urlunsplit(("postgresql+psycopg", parts.netloc, "/postgres", "", ""))
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def publish_text(store: str, shop: str, text: str, file_name: str) -> str:
    """Publishes one policy text as `shop` (the checks `shopterms publish` runs); returns the action."""
    from shopterms.policy.loader import load_policy_text
    from shopterms.store.engine import open_writer
    from shopterms.store.location import parse_store
    from shopterms.store.publishing import Draft, publish
    from shopterms.validators.file_report import check_loaded

    report = check_loaded(load_policy_text(text, file_name))
    assert report.result.policy is not None, f"{file_name} does not load"
    location = parse_store(store)
    engine = open_writer(location)
    try:
        return publish(engine, location, Draft(shop, report.result.policy, text, file_name)).action
    finally:
        engine.dispose()


def publish_one_shop(store: str, file: Path, work: Path) -> str:
    """A store holding `file` alone, as the baseline of the start-up time."""
    one = fresh_store(store, "one", work)
    publish_text(one, file.stem, file.read_text(encoding="utf-8"), file.name)
    return one


def shop_count(store: str) -> int:
    """How many shops the store holds (0 when it does not exist yet)."""
    from shopterms.store.errors import StoreError
    from shopterms.store.location import parse_store
    from shopterms.store.reading import StoreReader

    location = parse_store(store)
    if location.path is not None and not location.path.exists():
        return 0
    try:
        with StoreReader.open(location) as reader:
            return len(reader.shops())
    except StoreError:
        return 0
