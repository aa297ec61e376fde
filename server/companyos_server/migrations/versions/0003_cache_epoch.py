"""cache epoch: one shared number that tells every worker to drop its caches

Revision ID: 0003_cache_epoch
Revises: 0002_job_leases
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_cache_epoch"
down_revision = "0002_job_leases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "cache_epoch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("epoch", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cache_epoch")),
    )
    op.bulk_insert(table, [{"id": 1, "epoch": 0}])


def downgrade() -> None:
    op.drop_table("cache_epoch")
