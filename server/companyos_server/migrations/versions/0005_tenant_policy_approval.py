"""tenant policy approval: tenant_policies.status, widening, approved_by, approved_at

A tenant policy version that widens a role's permissions waits for a second person's approval
(status "pending"); every version written before this revision was in force at once ("approved").

Revision ID: 0005_tenant_policy_approval
Revises: 0004_audit_checkpoints
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import companyos_server.platform.storage

revision = "0005_tenant_policy_approval"
down_revision = "0004_audit_checkpoints"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tenant_policies", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=20), nullable=False, server_default="approved")
        )
        batch_op.add_column(
            sa.Column("widening", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
        batch_op.add_column(sa.Column("approved_by", sa.String(length=200), nullable=True))
        batch_op.add_column(
            sa.Column(
                "approved_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=True
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("tenant_policies", schema=None) as batch_op:
        batch_op.drop_column("approved_at")
        batch_op.drop_column("approved_by")
        batch_op.drop_column("widening")
        batch_op.drop_column("status")
