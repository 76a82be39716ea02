"""Versions of each shop's terms, their rendered documents, public keys and the change counter.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shopterms_shops",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("created_us", sa.BigInteger, nullable=False),
        sa.Column("latest_number", sa.Integer, nullable=False),
        sa.Column("change_seq", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "shopterms_keys",
        sa.Column("kid", sa.String(64), primary_key=True),
        sa.Column("jwk", sa.Text, nullable=False),
        sa.Column("added_us", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "shopterms_versions",
        sa.Column("shop_id", sa.String(64), sa.ForeignKey("shopterms_shops.id"), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("effective_from", sa.String(40), nullable=False),
        sa.Column("effective_us", sa.BigInteger, nullable=False),
        sa.Column("published_us", sa.BigInteger, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("source_name", sa.Text, nullable=False),
        sa.Column("source_yaml", sa.Text, nullable=False),
        sa.Column("canonical_json", sa.Text, nullable=False),
        sa.Column("signature", sa.Text),
        sa.Column("key_id", sa.String(64), sa.ForeignKey("shopterms_keys.kid")),
    )
    op.create_index(
        "shopterms_versions_in_force", "shopterms_versions", ["shop_id", "effective_us", "number"]
    )
    op.create_index("shopterms_versions_by_hash", "shopterms_versions", ["shop_id", "content_hash"])
    op.create_table(
        "shopterms_documents",
        sa.Column("shop_id", sa.String(64), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(128), primary_key=True),
        sa.Column("media_type", sa.String(128), nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
        sa.ForeignKeyConstraint(
            ["shop_id", "number"], ["shopterms_versions.shop_id", "shopterms_versions.number"]
        ),
    )
    changes = op.create_table(
        "shopterms_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("counter", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(changes, [{"id": 1, "counter": 0}])


def downgrade() -> None:
    for table in ("shopterms_documents", "shopterms_versions", "shopterms_keys", "shopterms_shops"):
        op.drop_table(table)
    op.drop_table("shopterms_changes")
