"""Reading a store: shops, their versions, a version's documents and content, the public keys, and the
change counter replicas poll.

Versions never change once written, so whatever is read of one may be kept for as long as it is needed.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from shopterms.store import tables
from shopterms.store.engine import open_reader, translated
from shopterms.store.errors import UnknownShopError, UnknownVersionError
from shopterms.store.location import StoreLocation
from shopterms.store.moments import from_us
from shopterms.store.records import VersionInfo
from shopterms.store.timeline import Timeline

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

_VERSION_COLUMNS = (
    tables.versions.c.shop_id,
    tables.versions.c.number,
    tables.versions.c.content_hash,
    tables.versions.c.effective_from,
    tables.versions.c.published_us,
    tables.versions.c.note,
    tables.versions.c.key_id,
    tables.versions.c.source_name,
)


def version_from_row(row: Any) -> VersionInfo:
    return VersionInfo(
        shop=row.shop_id,
        number=row.number,
        hash=row.content_hash,
        effective_from=dt.datetime.fromisoformat(row.effective_from),
        published_at=from_us(row.published_us),
        note=row.note,
        key_id=row.key_id,
        source_name=row.source_name,
    )


class StoreReader:
    """Queries on one store; every failure comes out as a StoreError."""

    def __init__(self, engine: Engine, location: StoreLocation) -> None:
        self.engine = engine
        self.location = location

    @classmethod
    def open(cls, location: StoreLocation) -> StoreReader:
        """A reader on an existing store of the current schema (see store.engine.open_reader)."""
        return cls(open_reader(location), location)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> StoreReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def shops(self) -> list[str]:
        """Ids of the shops with at least one version, sorted."""
        query = select(tables.shops.c.id).where(tables.shops.c.latest_number > 0).order_by(tables.shops.c.id)
        with translated(self.location), self.engine.connect() as connection:
            return [row.id for row in connection.execute(query)]

    def versions(self, shop: str) -> list[VersionInfo]:
        """Every version of `shop`, by number; UnknownShopError when it has none."""
        found = self.versions_if_any(shop)
        if not found:
            raise self.unknown_shop(shop)
        return found

    def versions_if_any(self, shop: str) -> list[VersionInfo]:
        """Every version of `shop`, by number; none for a shop the store does not know (one query: a
        replica asks this for any id a request names, so no list of the other shops is read)."""
        query = (
            select(*_VERSION_COLUMNS)
            .where(tables.versions.c.shop_id == shop)
            .order_by(tables.versions.c.number)
        )
        with translated(self.location), self.engine.connect() as connection:
            return [version_from_row(row) for row in connection.execute(query)]

    def unknown_shop(self, shop: str) -> UnknownShopError:
        from shopterms.policy.errors import suggest

        known = self.shops()
        listed = ", ".join(known[:20]) if known else "none yet"
        return UnknownShopError(
            f"the store {self.location.display} has no versions of '{shop}'.{suggest(shop, known)}",
            f"shops in it: {listed}",
        )

    def timeline(self, shop: str) -> Timeline:
        return Timeline(shop, self.versions(shop))

    def resolve(self, shop: str, reference: str) -> VersionInfo:
        """A version by number (3), by hash or unique hash prefix (9f2c1a), or latest / current."""
        timeline = self.timeline(shop)
        text = reference.strip().lower()
        if text == "latest":
            return timeline.latest
        if text in {"current", "now"}:
            from shopterms.store.moments import utc_now

            return timeline.in_force(utc_now())
        if text.isdigit() and len(text) < 8:
            for version in timeline.versions:
                if version.number == int(text):
                    return version
            raise UnknownVersionError(
                f"{shop} has no version {text}", f"its versions are 1 to {timeline.latest.number}"
            )
        matches = timeline.by_hash(text) if len(text) >= 4 else []
        hashes = {version.hash for version in matches}
        if len(hashes) == 1:
            return matches[0]
        if len(hashes) > 1:
            raise UnknownVersionError(
                f"'{reference}' names several versions of {shop}", "give more of the hash"
            )
        raise UnknownVersionError(
            f"{shop} has no version '{reference}'",
            "name one by number (3), by hash or its first digits (9f2c1a), or as latest or current",
        )

    def documents(self, shop: str, number: int) -> dict[str, tuple[str, bytes]]:
        """The rendered documents of a version: name → (media type, bytes)."""
        table = tables.documents
        query = select(table.c.name, table.c.media_type, table.c.body).where(
            table.c.shop_id == shop, table.c.number == number
        )
        with translated(self.location), self.engine.connect() as connection:
            return {row.name: (row.media_type, bytes(row.body)) for row in connection.execute(query)}

    def _column(self, shop: str, number: int, column: Any) -> Any:
        query = select(column).where(tables.versions.c.shop_id == shop, tables.versions.c.number == number)
        with translated(self.location), self.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            raise UnknownVersionError(f"{shop} has no version {number}")
        return row[0]

    def canonical_json(self, shop: str, number: int) -> str:
        """The RFC 8785 canonical JSON of a version's policy (the signed bytes, as text)."""
        return str(self._column(shop, number, tables.versions.c.canonical_json))

    def source_yaml(self, shop: str, number: int) -> str:
        """The policy file as it was published."""
        return str(self._column(shop, number, tables.versions.c.source_yaml))

    def signature(self, shop: str, number: int) -> str | None:
        """The version's compact JWS (detached payload), or None when it is unsigned."""
        value = self._column(shop, number, tables.versions.c.signature)
        return None if value is None else str(value)

    def public_keys(self, kids: list[str] | None = None) -> list[dict[str, Any]]:
        """Public keys as JWKs (those with the given ids, or all), by id."""
        query = select(tables.keys.c.kid, tables.keys.c.jwk).order_by(tables.keys.c.kid)
        if kids is not None:
            query = query.where(tables.keys.c.kid.in_(kids))
        with translated(self.location), self.engine.connect() as connection:
            return [json.loads(row.jwk) for row in connection.execute(query)]

    def change_counter(self) -> int:
        """The store-wide change counter: it grows with every publish. Polling it is one indexed read."""
        with translated(self.location), self.engine.connect() as connection:
            value = connection.execute(
                select(tables.changes.c.counter).where(tables.changes.c.id == 1)
            ).scalar()
        return int(value or 0)

    def changed_since(self, counter: int) -> dict[str, int]:
        """Shops whose versions changed after the counter stood at `counter`: id → their change number."""
        query = select(tables.shops.c.id, tables.shops.c.change_seq).where(
            tables.shops.c.change_seq > counter
        )
        with translated(self.location), self.engine.connect() as connection:
            return {row.id: row.change_seq for row in connection.execute(query)}
