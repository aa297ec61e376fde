"""tenants.environment: production, staging or sandbox (sandbox tenants run under guardrails)

Revision ID: 0015_tenant_environment
Revises: 0014_hot_path
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_tenant_environment"
down_revision = "0014_hot_path"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tenants", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("environment", sa.String(length=20), nullable=False, server_default="production")
        )


def downgrade() -> None:
    with op.batch_alter_table("tenants", schema=None) as batch_op:
        batch_op.drop_column("environment")
