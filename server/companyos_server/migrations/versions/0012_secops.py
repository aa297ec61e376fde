"""secops: security events, detection rules, alert category and detection fields, risk scores

Revision ID: 0012_secops
Revises: 0011_analytics
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0012_secops"
down_revision = "0011_analytics"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
