"""analytics: event schema registry and report metadata

Revision ID: 0011_analytics
Revises: 0010_datasets
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0011_analytics"
down_revision = "0010_datasets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
