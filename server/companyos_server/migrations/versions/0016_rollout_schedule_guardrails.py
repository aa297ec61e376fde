"""Rollouts that advance on their own; experiment guardrail observations and outcomes

Revision ID: 0016_rollout_schedule_guardrails
Revises: 0015_tenant_environment
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from companyos_server.platform.storage import UTCDateTime

revision = "0016_rollout_schedule_guardrails"
down_revision = "0015_tenant_environment"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feature_rollouts", schema=None) as batch_op:
        # Rollouts requested before this change were advanced by hand: they stay so.
        batch_op.add_column(sa.Column("auto_advance", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("next_stage_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
        batch_op.create_index("ix_feature_rollouts_due", ["status", "auto_advance"])
    with op.batch_alter_table("feature_experiments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("guardrail_max_drop", sa.Float(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("outcome", sa.String(length=20), nullable=True))
    op.create_table(
        "feature_exposure_metrics",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("exposure_id", sa.String(length=40), nullable=False),
        sa.Column("metric", sa.String(length=100), nullable=False),
        sa.Column("experiment_id", sa.String(length=40), nullable=False),
        sa.Column("variant", sa.String(length=63), nullable=False),
        sa.Column("hit", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("exposure_id", "metric"),
    )
    op.create_index("ix_feature_exposure_metrics_tenant_id", "feature_exposure_metrics", ["tenant_id"])
    op.create_index(
        "ix_feature_exposure_metrics_experiment",
        "feature_exposure_metrics",
        ["tenant_id", "experiment_id", "metric", "variant"],
    )


def downgrade() -> None:
    op.drop_table("feature_exposure_metrics")
    with op.batch_alter_table("feature_experiments", schema=None) as batch_op:
        batch_op.drop_column("outcome")
        batch_op.drop_column("guardrail_max_drop")
    with op.batch_alter_table("feature_rollouts", schema=None) as batch_op:
        batch_op.drop_index("ix_feature_rollouts_due")
        batch_op.drop_column("revision")
        batch_op.drop_column("next_stage_at")
        batch_op.drop_column("auto_advance")
