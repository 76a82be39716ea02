"""The store's tables, as the queries see them (schema revision 0001; store/migrations creates them).

Every table carries the `shopterms_` prefix, so a PostgreSQL database shared with other applications
stays unambiguous. Moments are kept as integer microseconds since the epoch in UTC (`*_us`), which
sort and compare alike in SQLite and PostgreSQL; `effective_from` also keeps the text as it was
given, with its UTC offset, for display.

For other packages building on the store: add tables through a further Alembic revision in
store/migrations/versions and append its id to store.revisions.REVISIONS.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

shops = Table(
    "shopterms_shops",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("created_us", BigInteger, nullable=False),
    # The number of its latest version: what a publish compares against to notice a concurrent one.
    Column("latest_number", Integer, nullable=False),
    # The store-wide change counter's value at this shop's latest change (see `changes`).
    Column("change_seq", BigInteger, nullable=False),
)

keys = Table(
    "shopterms_keys",
    metadata,
    Column("kid", String(64), primary_key=True),  # RFC 7638 thumbprint of the public key
    Column("jwk", Text, nullable=False),  # the public key as a JWK; private keys never enter the store
    Column("added_us", BigInteger, nullable=False),
)

versions = Table(
    "shopterms_versions",
    metadata,
    Column("shop_id", String(64), ForeignKey("shopterms_shops.id"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("effective_from", String(40), nullable=False),
    Column("effective_us", BigInteger, nullable=False),
    Column("published_us", BigInteger, nullable=False),
    Column("note", Text),
    Column("source_name", Text, nullable=False),
    Column("source_yaml", Text, nullable=False),
    Column("canonical_json", Text, nullable=False),
    Column("signature", Text),  # compact JWS with detached payload
    Column("key_id", String(64), ForeignKey("shopterms_keys.kid")),
    Index("shopterms_versions_in_force", "shop_id", "effective_us", "number"),
    Index("shopterms_versions_by_hash", "shop_id", "content_hash"),
)

documents = Table(
    "shopterms_documents",
    metadata,
    Column("shop_id", String(64), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("name", String(128), primary_key=True),
    Column("media_type", String(128), nullable=False),
    Column("body", LargeBinary, nullable=False),
    ForeignKeyConstraint(["shop_id", "number"], ["shopterms_versions.shop_id", "shopterms_versions.number"]),
)

# One row (id 1): a counter every publish increments in its transaction. A replica polls it (one
# indexed read) to learn that something changed, then reads `shops.change_seq` to learn what.
changes = Table(
    "shopterms_changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("counter", BigInteger, nullable=False),
)
