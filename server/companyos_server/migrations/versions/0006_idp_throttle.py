"""identity provider: shared sign-in / client-authentication failure counters (idp_throttle)

Revision ID: 0006_idp_throttle
Revises: 0005_tenant_policy_approval
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import companyos_server.platform.storage

revision = "0006_idp_throttle"
down_revision = "0005_tenant_policy_approval"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "idp_throttle",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.Float(), nullable=False),
        sa.Column("not_before", sa.Float(), nullable=False),
        sa.Column("expires_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_idp_throttle")),
    )
    with op.batch_alter_table("idp_throttle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_idp_throttle_expires_at"), ["expires_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("idp_throttle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_idp_throttle_expires_at"))
    op.drop_table("idp_throttle")
