"""feature lifecycle: registry, transitions, flag targeting and rollouts, rollout requests, experiments

Revision ID: 0013_features
Revises: 0012_secops
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from companyos_server.platform.storage import UTCDateTime

revision = "0013_features"
down_revision = "0012_secops"
branch_labels = None
depends_on = None


def _ts(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("tenant_flags") as batch:
        batch.add_column(sa.Column("temporary", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "features",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("key", sa.String(63), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("hypothesis", sa.Text(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("objectives", sa.JSON(), nullable=False),
        sa.Column("kpis", sa.JSON(), nullable=False),
        sa.Column("personas", sa.JSON(), nullable=False),
        sa.Column("tenants", sa.JSON(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        _ts("created_at"),
        _ts("updated_at"),
        sa.UniqueConstraint("tenant_id", "key", name="uq_features_key"),
    )
    op.create_index("ix_features_tenant_id", "features", ["tenant_id"])
    op.create_table(
        "feature_transitions",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("feature_id", sa.String(40), nullable=False),
        sa.Column("from_state", sa.String(20), nullable=False),
        sa.Column("to_state", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        _ts("at"),
    )
    op.create_index("ix_feature_transitions_tenant_id", "feature_transitions", ["tenant_id"])
    op.create_index(
        "ix_feature_transitions_feature", "feature_transitions", ["tenant_id", "feature_id", "at"]
    )
    op.create_table(
        "feature_rollouts",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("flag_key", sa.String(63), nullable=False),
        sa.Column("environment", sa.String(20), nullable=False),
        sa.Column("stages", sa.JSON(), nullable=False),
        sa.Column("bake_seconds", sa.Integer(), nullable=False),
        sa.Column("gates", sa.JSON(), nullable=False),
        sa.Column("requester", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("approvals", sa.JSON(), nullable=False),
        sa.Column("current_percentage", sa.Integer(), nullable=False),
        sa.Column("history", sa.JSON(), nullable=False),
        sa.Column("plan", sa.JSON(), nullable=False),
        _ts("created_at"),
        _ts("updated_at"),
    )
    op.create_index("ix_feature_rollouts_tenant_id", "feature_rollouts", ["tenant_id"])
    op.create_table(
        "feature_experiments",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("key", sa.String(63), nullable=False),
        sa.Column("flag_key", sa.String(63), nullable=False),
        sa.Column("environment", sa.String(20), nullable=False),
        sa.Column("control", sa.String(63), nullable=False),
        sa.Column("treatment", sa.String(63), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("metric", sa.String(100), nullable=False),
        sa.Column("guardrails", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("decision", sa.Text(), nullable=True),
        _ts("created_at"),
        _ts("concluded_at", nullable=True),
        sa.UniqueConstraint("tenant_id", "key", name="uq_feature_experiments_key"),
    )
    op.create_index("ix_feature_experiments_tenant_id", "feature_experiments", ["tenant_id"])
    op.create_table(
        "feature_exposures",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("experiment_id", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("variant", sa.String(63), nullable=False),
        sa.Column("converted", sa.Boolean(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        _ts("at"),
    )
    op.create_index("ix_feature_exposures_tenant_id", "feature_exposures", ["tenant_id"])
    op.create_index(
        "ix_feature_exposures_experiment", "feature_exposures", ["tenant_id", "experiment_id", "variant"]
    )


def downgrade() -> None:
    op.drop_table("feature_exposures")
    op.drop_table("feature_experiments")
    op.drop_table("feature_rollouts")
    op.drop_table("feature_transitions")
    op.drop_table("features")
    with op.batch_alter_table("tenant_flags") as batch:
        batch.drop_column("temporary")
