"""Publishing a version: everything is prepared first, then written in one short transaction.

1. read the shop's latest version (the base);
2. decide: identical content → nothing to write (idempotent); otherwise work out when it was published
   and takes effect, render the documents, sign;
3. take the store's write lock, check that the base is still the latest (another publish may have
   committed meanwhile: then this one writes nothing and says so), write the version, its documents,
   the public key, and bump the change counter; PostgreSQL also sends a NOTIFY.

A clock that went backwards cannot reorder versions: they are numbered in commit order, and the
publication moment recorded is never earlier than the shop's previous one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.sql.dml import Update

from shopterms.policy.documents.served import PublishedAs, served_documents
from shopterms.policy.model import Policy
from shopterms.store import tables
from shopterms.store.content import content_hash, policy_bytes
from shopterms.store.engine import translated
from shopterms.store.errors import PublishConflictError, StoreError
from shopterms.store.location import StoreLocation
from shopterms.store.locking import write_lock
from shopterms.store.moments import MICROSECOND, to_us, utc_now
from shopterms.store.reading import version_from_row
from shopterms.store.records import VersionInfo
from shopterms.store.signing import SigningKey

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

# PostgreSQL channel a NOTIFY goes to after each publish; the payload is JSON {shop, number, counter}.
NOTIFY_CHANNEL = "shopterms_versions"
SHOP_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def check_shop_id(shop: str) -> str:
    if not SHOP_ID.match(shop):
        raise StoreError(
            f"'{shop}' cannot be a shop id",
            "use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (--shop ID)",
        )
    return shop


@dataclass(frozen=True)
class Draft:
    """A valid policy about to be published, and the file it came from."""

    shop: str
    policy: Policy
    source_yaml: str
    source_name: str

    @cached_property
    def canonical(self) -> bytes:
        return policy_bytes(self.policy)

    @cached_property
    def hash(self) -> str:
        return content_hash(self.canonical)


@dataclass(frozen=True)
class PublishOutcome:
    """What a publish did: published a new version, found the content unchanged, or signed the latest."""

    action: Literal["published", "unchanged", "signed"]
    version: VersionInfo
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Base:
    """The shop's latest version when the publish started (None: the shop has none)."""

    version: VersionInfo | None
    signature: str | None


# The statements of a publish, built once: SQLAlchemy then finds them compiled in its cache, and a
# publish spends its time writing rather than building queries.
_LATEST = (
    select(tables.versions)
    .join(tables.shops, tables.shops.c.id == tables.versions.c.shop_id)
    .where(
        tables.versions.c.shop_id == bindparam("b_shop"),
        tables.versions.c.number == tables.shops.c.latest_number,
    )
)
_BUMP = (
    update(tables.changes)
    .where(tables.changes.c.id == 1)
    .values(counter=tables.changes.c.counter + 1)
    .returning(tables.changes.c.counter)
)


def _mark(greatest: str) -> Update:
    """Set a shop's latest number (never lowering it) and its change number."""
    shops = tables.shops
    return (
        update(shops)
        .where(shops.c.id == bindparam("b_shop"))
        .values(
            latest_number=getattr(func, greatest)(shops.c.latest_number, bindparam("b_number")),
            change_seq=bindparam("b_counter"),
        )
    )


_MARK_BY_DIALECT = {"sqlite": _mark("max"), "postgresql": _mark("greatest")}


def _latest(connection: Connection, shop: str) -> _Base:
    row = connection.execute(_LATEST, {"b_shop": shop}).first()
    return _Base(None, None) if row is None else _Base(version_from_row(row), row.signature)


def publish(
    engine: Engine,
    location: StoreLocation,
    draft: Draft,
    *,
    effective: dt.datetime | None = None,
    note: str | None = None,
    key: SigningKey | None = None,
    clock: Callable[[], dt.datetime] = utc_now,
    on_wait: Callable[[], None] = lambda: None,
) -> PublishOutcome:
    """Record `draft` as the shop's next version, unless it is what the shop published last."""
    check_shop_id(draft.shop)
    with translated(location), engine.connect() as connection:
        base = _latest(connection, draft.shop)
    latest = base.version
    if latest is not None and latest.hash == draft.hash and effective in (None, latest.effective_from):
        if key is not None and base.signature is None:
            return _sign_latest(engine, location, latest, draft, key, on_wait)
        return PublishOutcome("unchanged", latest)
    notes: list[str] = []
    published_at = clock().astimezone(dt.UTC)
    if latest is not None and latest.published_at is not None and published_at <= latest.published_at:
        moved = latest.published_at + MICROSECOND
        notes.append(
            f"the clock reads {published_at.isoformat()}, not later than version {latest.number}'s "
            f"publication at {latest.published_at.isoformat()}; recorded as published at {moved.isoformat()}"
        )
        published_at = moved
    if effective is not None and effective < published_at and latest is not None:
        raise StoreError(
            f"--effective {effective.isoformat()} lies before this publication ({published_at.isoformat()})",
            "once a shop has versions, a new one can only take effect now or later: answers already given "
            "for earlier moments must not change",
        )
    effective_from = effective if effective is not None else published_at
    documents = served_documents(
        draft.policy, draft.source_name, published=PublishedAs(draft.hash, effective_from)
    )
    signature = None if key is None else key.sign(draft.canonical)
    version = VersionInfo(
        shop=draft.shop,
        number=(latest.number or 0) + 1 if latest is not None else 1,
        hash=draft.hash,
        effective_from=effective_from,
        published_at=published_at,
        note=note,
        key_id=None if key is None else key.kid,
        source_name=draft.source_name,
    )
    with translated(location), write_lock(engine, location, on_wait) as connection:
        now_latest = _latest(connection, draft.shop).version
        if (now_latest and now_latest.number) != (latest and latest.number):
            assert now_latest is not None
            if now_latest.hash == draft.hash:
                return PublishOutcome(
                    "unchanged",
                    now_latest,
                    (f"another publish committed the same content as version {now_latest.number} meanwhile",),
                )
            raise PublishConflictError(
                f"another publish of {draft.shop} committed version {now_latest.number} while this one ran; "
                "nothing was written",
                "publish again to put this file on top of it",
            )
        if latest is None:
            row = {"id": draft.shop, "created_us": to_us(published_at), "latest_number": 0, "change_seq": 0}
            connection.execute(insert(tables.shops), row)
        if key is not None:
            _add_key(connection, key, published_at)
        connection.execute(insert(tables.versions), _version_row(version, draft, signature))
        connection.execute(
            insert(tables.documents),
            [
                {
                    "shop_id": draft.shop,
                    "number": version.number,
                    "name": name,
                    "media_type": document.media_type,
                    "body": document.text.encode("utf-8"),
                }
                for name, document in documents.items()
            ],
        )
        _record_change(connection, version)
    return PublishOutcome("published", version, tuple(notes))


def _version_row(version: VersionInfo, draft: Draft, signature: str | None) -> dict[str, Any]:
    assert version.effective_from is not None and version.published_at is not None
    return {
        "shop_id": version.shop,
        "number": version.number,
        "content_hash": version.hash,
        "effective_from": version.effective_from.isoformat(),
        "effective_us": to_us(version.effective_from),
        "published_us": to_us(version.published_at),
        "note": version.note,
        "source_name": draft.source_name,
        "source_yaml": draft.source_yaml,
        "canonical_json": draft.canonical.decode("utf-8"),
        "signature": signature,
        "key_id": version.key_id,
    }


def _add_key(connection: Connection, key: SigningKey, now: dt.datetime) -> None:
    known = connection.execute(select(tables.keys.c.kid).where(tables.keys.c.kid == key.kid)).first()
    if known is None:
        connection.execute(
            insert(tables.keys).values(
                kid=key.kid, jwk=json.dumps(key.public_jwk, sort_keys=True), added_us=to_us(now)
            )
        )


def _record_change(connection: Connection, version: VersionInfo) -> None:
    """Bump the store-wide counter, mark the shop changed, and (PostgreSQL) notify listeners on commit."""
    counter = int(connection.execute(_BUMP).scalar_one())
    # A signature added to an older version moves the counter, not the shop's latest number.
    values = {"b_shop": version.shop, "b_number": version.number or 0, "b_counter": counter}
    connection.execute(_MARK_BY_DIALECT[connection.dialect.name], values)
    if connection.dialect.name == "postgresql":
        payload = json.dumps({"shop": version.shop, "number": version.number, "counter": counter})
        connection.exec_driver_sql(
            "SELECT pg_notify(%(channel)s, %(payload)s)", {"channel": NOTIFY_CHANNEL, "payload": payload}
        )


def _sign_latest(
    engine: Engine,
    location: StoreLocation,
    latest: VersionInfo,
    draft: Draft,
    key: SigningKey,
    on_wait: Callable[[], None],
) -> PublishOutcome:
    """Add a signature to the latest version, published unsigned with the same content."""
    signature = key.sign(draft.canonical)
    versions = tables.versions
    with translated(location), write_lock(engine, location, on_wait) as connection:
        _add_key(connection, key, utc_now())
        done = connection.execute(
            update(versions)
            .where(
                versions.c.shop_id == latest.shop,
                versions.c.number == latest.number,
                versions.c.signature.is_(None),
            )
            .values(signature=signature, key_id=key.kid)
        )
        if done.rowcount != 1:
            return PublishOutcome("unchanged", latest, ("another publish signed it meanwhile",))
        _record_change(connection, latest)
    return PublishOutcome("signed", dataclasses.replace(latest, key_id=key.kid))
