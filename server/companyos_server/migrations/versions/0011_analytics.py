"""analytics: event schema registry and report metadata

Revision ID: 0011_analytics
Revises: 0010_datasets
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import companyos_server.platform.storage

revision = "0011_analytics"
down_revision = "0010_datasets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "analytics_schemas",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("version", sa.String(length=20), nullable=False),
        sa.Column("model", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("addition", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("properties", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_analytics_schemas")),
        sa.UniqueConstraint("tenant_id", "name", "version", name="uq_analytics_schemas_version"),
    )
    with op.batch_alter_table("analytics_schemas", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_analytics_schemas_tenant_id"), ["tenant_id"], unique=False)

    op.create_table(
        "analytics_tenant_keys",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("sealed_key", sa.Text(), nullable=False),
        sa.Column("created_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_analytics_tenant_keys")),
    )
    op.create_table(
        "analytics_feed_cursors",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("watermark", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_id", sa.String(length=40), nullable=True),
        sa.Column("updated_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "source", name=op.f("pk_analytics_feed_cursors")),
    )


def downgrade() -> None:
    op.drop_table("analytics_feed_cursors")
    op.drop_table("analytics_tenant_keys")
    with op.batch_alter_table("analytics_schemas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_analytics_schemas_tenant_id"))
    op.drop_table("analytics_schemas")
