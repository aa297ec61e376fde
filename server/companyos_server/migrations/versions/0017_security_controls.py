"""Security playbook controls: a tenant's enforced step-up and raised audit logging, a service's isolation

Revision ID: 0017_security_controls
Revises: 0016_rollout_schedule_guardrails
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from companyos_server.platform.storage import UTCDateTime

revision = "0017_security_controls"
down_revision = "0016_rollout_schedule_guardrails"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tenants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("step_up_enforced_until", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("audit_reads_until", UTCDateTime(), nullable=True))
    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.add_column(sa.Column("isolated_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("isolation_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.drop_column("isolation_reason")
        batch_op.drop_column("isolated_at")
    with op.batch_alter_table("tenants", schema=None) as batch_op:
        batch_op.drop_column("audit_reads_until")
        batch_op.drop_column("step_up_enforced_until")
