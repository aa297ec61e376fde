"""Alert occurrences: one row per firing of an alert (fingerprint and start), from Alertmanager or an import

Revision ID: 0019_alert_occurrences
Revises: 0018_sli_labels
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from companyos_server.platform.storage import UTCDateTime

revision = "0019_alert_occurrences"
down_revision = "0018_sli_labels"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alert_occurrences",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("tenant_id", sa.String(64), nullable=False),
        sa.Column("alert_id", sa.String(40), nullable=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("alert_name", sa.String(200), nullable=False),
        sa.Column("service_id", sa.String(40), nullable=True),
        sa.Column("service_name", sa.String(200), nullable=True),
        sa.Column("severity", sa.String(20), nullable=False),
        sa.Column("starts_at", UTCDateTime(), nullable=False),
        sa.Column("ends_at", UTCDateTime(), nullable=True),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("tenant_id", "fingerprint", "starts_at", name="uq_alert_occurrences_firing"),
    )
    op.create_index("ix_alert_occurrences_tenant_id", "alert_occurrences", ["tenant_id"])
    op.create_index("ix_alert_occurrences_service_id", "alert_occurrences", ["service_id"])
    op.create_index("ix_alert_occurrences_starts", "alert_occurrences", ["tenant_id", "starts_at"])


def downgrade() -> None:
    op.drop_index("ix_alert_occurrences_starts", table_name="alert_occurrences")
    op.drop_index("ix_alert_occurrences_service_id", table_name="alert_occurrences")
    op.drop_index("ix_alert_occurrences_tenant_id", table_name="alert_occurrences")
    op.drop_table("alert_occurrences")
