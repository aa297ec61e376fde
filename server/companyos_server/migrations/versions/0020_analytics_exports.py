"""Analytics report exports and scheduled reports (delivery policies)

Revision ID: 0020_analytics_exports
Revises: 0019_alert_occurrences
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from companyos_server.platform.storage import UTCDateTime

revision = "0020_analytics_exports"
down_revision = "0019_alert_occurrences"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "analytics_exports",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("report", sa.String(20), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("recipient", sa.String(200), nullable=False),
        sa.Column("destination_region", sa.String(10), nullable=False),
        sa.Column("residency", sa.String(10), nullable=False),
        sa.Column("redactions", sa.JSON(), nullable=False),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.Column("schedule_id", sa.String(40), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=True),
        sa.Column("job_id", sa.String(40), nullable=True),
        sa.Column("pack_id", sa.String(40), nullable=True),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_analytics_exports_tenant_id", "analytics_exports", ["tenant_id"])
    op.create_index("ix_analytics_exports_schedule", "analytics_exports", ["tenant_id", "schedule_id"])
    op.create_table(
        "analytics_schedules",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("report", sa.String(20), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("destination_region", sa.String(10), nullable=False),
        sa.Column("redactions", sa.JSON(), nullable=False),
        sa.Column("cadence", sa.JSON(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("next_run_at", UTCDateTime(), nullable=True),
        sa.Column("last_run_at", UTCDateTime(), nullable=True),
        sa.Column("last_export_ids", sa.JSON(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("authority", sa.JSON(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("tenant_id", "name", name="uq_analytics_schedules_name"),
    )
    op.create_index("ix_analytics_schedules_tenant_id", "analytics_schedules", ["tenant_id"])
    op.create_index("ix_analytics_schedules_due", "analytics_schedules", ["enabled", "next_run_at"])


def downgrade() -> None:
    op.drop_index("ix_analytics_schedules_due", table_name="analytics_schedules")
    op.drop_index("ix_analytics_schedules_tenant_id", table_name="analytics_schedules")
    op.drop_table("analytics_schedules")
    op.drop_index("ix_analytics_exports_schedule", table_name="analytics_exports")
    op.drop_index("ix_analytics_exports_tenant_id", table_name="analytics_exports")
    op.drop_table("analytics_exports")
