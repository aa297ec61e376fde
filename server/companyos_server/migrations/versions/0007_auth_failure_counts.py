"""platform: aggregated counts of requests refused for a bad bearer token (auth_failure_counts)

Revision ID: 0007_auth_failure_counts
Revises: 0006_idp_throttle
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import companyos_server.platform.storage

revision = "0007_auth_failure_counts"
down_revision = "0006_idp_throttle"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "auth_failure_counts",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column(
            "window_start", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("window_seconds", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("rate_limited", sa.Integer(), nullable=False),
        sa.Column("first_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "summarized_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=True
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_auth_failure_counts")),
    )
    with op.batch_alter_table("auth_failure_counts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_auth_failure_counts_source"), ["source"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_auth_failure_counts_window_start"), ["window_start"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("auth_failure_counts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_auth_failure_counts_window_start"))
        batch_op.drop_index(batch_op.f("ix_auth_failure_counts_source"))
    op.drop_table("auth_failure_counts")
