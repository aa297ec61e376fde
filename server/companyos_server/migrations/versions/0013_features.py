"""feature lifecycle: registry, transitions, flag targeting and rollouts, rollout requests, experiments

Revision ID: 0013_features
Revises: 0012_secops
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0013_features"
down_revision = "0012_secops"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
