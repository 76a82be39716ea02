"""Where a store lives: a SQLite file (the default, beside the policy) or a PostgreSQL database.

    --store sqlite:///relative/store.db     --store sqlite:////absolute/store.db
    --store path/to/store.db                (a plain path is a SQLite file too)
    --store postgresql://user@host:5432/db  (postgres:// and postgresql+psycopg:// are accepted)

Without --store, the SHOPTERMS_STORE environment variable decides, and then `.shopterms/store.db`
beside the policy file (or in the current directory for commands that take no policy file).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote, urlsplit, urlunsplit

from shopterms.store.errors import StoreError

ENVIRONMENT_VARIABLE = "SHOPTERMS_STORE"
DEFAULT_DIRECTORY = ".shopterms"
DEFAULT_FILE = "store.db"
_POSTGRES_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg"}


@dataclass(frozen=True)
class StoreLocation:
    """A store's address: what kind of database, and how to reach it."""

    kind: Literal["sqlite", "postgresql"]
    url: str
    """The address as SQLAlchemy takes it (postgresql+psycopg://… or sqlite:///…)."""
    path: Path | None = None
    """The SQLite file; None for PostgreSQL."""

    @property
    def display(self) -> str:
        """The address for messages: a file path, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        parts = urlsplit(self.url)
        netloc = parts.netloc
        if parts.password is not None:
            user, _, host = netloc.rpartition("@")
            netloc = f"{user.partition(':')[0]}:***@{host}"
        return urlunsplit(("postgresql", netloc, parts.path, parts.query, ""))

    def sqlite_url(self, *, read_only: bool) -> str:
        """The SQLite URL: read-only opening never creates a file where none is."""
        assert self.path is not None
        if read_only:
            return f"sqlite:///file:{quote(str(self.path.resolve()))}?mode=ro&uri=true"
        return f"sqlite:///{self.path.resolve()}"


def parse_store(text: str) -> StoreLocation:
    """A --store value as a location; raises StoreError naming the accepted forms."""
    value = text.strip()
    if not value:
        raise StoreError("the store address is empty", "give sqlite:///PATH or postgresql://HOST/DATABASE")
    if "://" not in value:
        return sqlite_file(Path(value))
    scheme = value.partition("://")[0].lower()
    if scheme == "sqlite":
        rest = value.partition("://")[2]
        if not rest.startswith("/") or rest == "/":
            raise StoreError(
                f"'{value}' names no file", "write sqlite:///relative/path.db or sqlite:////abs/path.db"
            )
        return sqlite_file(Path(rest[1:]))
    if scheme in _POSTGRES_SCHEMES:
        parts = urlsplit(value)
        if not parts.path.strip("/"):
            raise StoreError(f"'{value}' names no database", "write postgresql://user@host:5432/database")
        return StoreLocation("postgresql", urlunsplit(("postgresql+psycopg", *parts[1:])))
    raise StoreError(
        f"'{scheme}://' is not a store shopterms can use", "use sqlite:///PATH or postgresql://HOST/DATABASE"
    )


def sqlite_file(path: Path) -> StoreLocation:
    return StoreLocation("sqlite", f"sqlite:///{path}", path)


def resolve_store(option: str | None, beside: Path | None = None) -> StoreLocation:
    """The store a command uses: --store, else $SHOPTERMS_STORE, else .shopterms/store.db beside `beside`
    (the policy file) or in the current directory."""
    chosen = option or os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen:
        return parse_store(chosen)
    directory = beside.parent if beside is not None else Path()
    return sqlite_file(directory / DEFAULT_DIRECTORY / DEFAULT_FILE)
