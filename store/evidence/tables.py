"""The evidence tables, as the queries see them (schema revision 0002; store/migrations creates them).

Records carry keyed hashes instead of order ids (see policy.evidence.hashing); `evidence_keys` records,
per shop, the fingerprint of the key its records were hashed with, never the key. Order moments are
microseconds since the epoch (UTC), later events days since 1970-01-01 (see policy.evidence.records).
A figures run is one computation of a shop's figures; the runs are kept, so an answer "as of" a past
moment names the figures that were published then.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from shopterms.store.tables import metadata

evidence_keys = Table(
    "shopterms_evidence_keys",
    metadata,
    Column("shop_id", String(64), primary_key=True),
    Column("key_id", String(16), nullable=False),
    Column("created_us", BigInteger, nullable=False),
)

parcels = Table(
    "shopterms_parcels",
    metadata,
    Column("shop_id", String(64), primary_key=True),
    Column("parcel_key", String(32), primary_key=True),
    Column("order_key", String(32), nullable=False),
    Column("ordered_us", BigInteger),
    Column("service", String(64)),
    Column("country", String(2)),
    Column("region", String(6)),
    Column("postal_prefix", String(3)),
    Column("carrier", String(64)),
    Column("status", String(10)),
    Column("shipped_day", Integer),
    Column("delivered_day", Integer),
    Column("updated_us", BigInteger, nullable=False),
    Index("shopterms_parcels_by_order_moment", "shop_id", "ordered_us"),
    sqlite_with_rowid=False,
)

returns = Table(
    "shopterms_returns",
    metadata,
    Column("shop_id", String(64), primary_key=True),
    Column("parcel_key", String(32), primary_key=True),
    Column("order_key", String(32), nullable=False),
    Column("requested_day", Integer),
    Column("sent_day", Integer),
    Column("received_day", Integer),
    Column("refunded_day", Integer),
    Column("updated_us", BigInteger, nullable=False),
    sqlite_with_rowid=False,
)

figure_runs = Table(
    "shopterms_figure_runs",
    metadata,
    Column("shop_id", String(64), primary_key=True),
    Column("run", Integer, primary_key=True),
    Column("computed_us", BigInteger, nullable=False),
    Column("period_start", String(10), nullable=False),
    Column("period_end", String(10), nullable=False),
    Column("minimum", Integer, nullable=False),
    Column("body", Text, nullable=False),  # the run's totals and notes as JSON
    Index("shopterms_figure_runs_by_moment", "shop_id", "computed_us"),
)

figures = Table(
    "shopterms_figures",
    metadata,
    Column("shop_id", String(64), primary_key=True),
    Column("run", Integer, primary_key=True),
    Column("service", String(64), primary_key=True),
    Column("country", String(2), primary_key=True),
    Column("region", String(6), primary_key=True),  # '' for the whole country
    Column("published", Boolean, nullable=False),
    Column("parcels", Integer, nullable=False),
    Column("on_time_rate", Float),
    Column("body", Text, nullable=False),  # every figure of the cell as JSON
    ForeignKeyConstraint(["shop_id", "run"], ["shopterms_figure_runs.shop_id", "shopterms_figure_runs.run"]),
)
