"""hot path: indexes and write-path changes

Revision ID: 0014_hot_path
Revises: 0013_features
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0014_hot_path"
down_revision = "0013_features"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
