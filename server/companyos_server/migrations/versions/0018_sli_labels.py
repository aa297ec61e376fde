"""SLI sample labels (endpoint, task, region, segment), the series key a labelled sample replaces by, and
64-bit counts (the API accepts up to 10^12 events a bucket; PostgreSQL's INTEGER stops at 2^31 - 1)

Revision ID: 0018_sli_labels
Revises: 0017_security_controls
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_sli_labels"
down_revision = "0017_security_controls"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sli_samples", schema=None) as batch_op:
        batch_op.add_column(sa.Column("labels", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("series", sa.String(length=900), nullable=False, server_default=""))
        batch_op.alter_column(
            "good", existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False
        )
        batch_op.alter_column(
            "total", existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("sli_samples", schema=None) as batch_op:
        batch_op.alter_column(
            "total", existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=False
        )
        batch_op.alter_column(
            "good", existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=False
        )
        batch_op.drop_column("series")
        batch_op.drop_column("labels")
