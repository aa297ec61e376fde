"""Seeded sandboxes: the demo story, seed, clock anchor and digest of each seeded sandbox tenant

Revision ID: 0021_sandboxes
Revises: 0020_analytics_exports
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from companyos_server.platform.storage import UTCDateTime

revision = "0021_sandboxes"
down_revision = "0020_analytics_exports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sandboxes",
        sa.Column("tenant_id", sa.String(64), primary_key=True),
        sa.Column("profile", sa.String(40), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("anchor", UTCDateTime(), nullable=False),
        sa.Column("first_anchor", UTCDateTime(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("skipped", sa.JSON(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("seeded_at", UTCDateTime(), nullable=False),
        sa.Column("reset_at", UTCDateTime(), nullable=True),
        sa.Column("resets", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sandboxes")
