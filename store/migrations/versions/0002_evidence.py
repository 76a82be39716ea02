"""Shipment and return records (order ids only as keyed hashes), the key fingerprint per shop, and the
figures computed from the records, run by run.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shopterms_evidence_keys",
        sa.Column("shop_id", sa.String(64), primary_key=True),
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("created_us", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "shopterms_parcels",
        sa.Column("shop_id", sa.String(64), primary_key=True),
        sa.Column("parcel_key", sa.String(32), primary_key=True),
        sa.Column("order_key", sa.String(32), nullable=False),
        sa.Column("ordered_us", sa.BigInteger),
        sa.Column("service", sa.String(64)),
        sa.Column("country", sa.String(2)),
        sa.Column("region", sa.String(6)),
        sa.Column("postal_prefix", sa.String(3)),
        sa.Column("carrier", sa.String(64)),
        sa.Column("status", sa.String(10)),
        sa.Column("shipped_day", sa.Integer),
        sa.Column("delivered_day", sa.Integer),
        sa.Column("updated_us", sa.BigInteger, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("shopterms_parcels_by_order_moment", "shopterms_parcels", ["shop_id", "ordered_us"])
    op.create_table(
        "shopterms_returns",
        sa.Column("shop_id", sa.String(64), primary_key=True),
        sa.Column("parcel_key", sa.String(32), primary_key=True),
        sa.Column("order_key", sa.String(32), nullable=False),
        sa.Column("requested_day", sa.Integer),
        sa.Column("sent_day", sa.Integer),
        sa.Column("received_day", sa.Integer),
        sa.Column("refunded_day", sa.Integer),
        sa.Column("updated_us", sa.BigInteger, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "shopterms_figure_runs",
        sa.Column("shop_id", sa.String(64), primary_key=True),
        sa.Column("run", sa.Integer, primary_key=True),
        sa.Column("computed_us", sa.BigInteger, nullable=False),
        sa.Column("period_start", sa.String(10), nullable=False),
        sa.Column("period_end", sa.String(10), nullable=False),
        sa.Column("minimum", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("shopterms_figure_runs_by_moment", "shopterms_figure_runs", ["shop_id", "computed_us"])
    op.create_table(
        "shopterms_figures",
        sa.Column("shop_id", sa.String(64), primary_key=True),
        sa.Column("run", sa.Integer, primary_key=True),
        sa.Column("service", sa.String(64), primary_key=True),
        sa.Column("country", sa.String(2), primary_key=True),
        sa.Column("region", sa.String(6), primary_key=True),
        sa.Column("published", sa.Boolean, nullable=False),
        sa.Column("parcels", sa.Integer, nullable=False),
        sa.Column("on_time_rate", sa.Float),
        sa.Column("body", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(
            ["shop_id", "run"], ["shopterms_figure_runs.shop_id", "shopterms_figure_runs.run"]
        ),
    )


def downgrade() -> None:
    for table in (
        "shopterms_figures",
        "shopterms_figure_runs",
        "shopterms_returns",
        "shopterms_parcels",
        "shopterms_evidence_keys",
    ):
        op.drop_table(table)
