"""data ramp: datasets, imports, quarantine, exports

Revision ID: 0010_datasets
Revises: 0009_slo_doctor
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0010_datasets"
down_revision = "0009_slo_doctor"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
