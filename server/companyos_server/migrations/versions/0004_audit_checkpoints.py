"""audit checkpoints: signed, chained statements of each audit chain's size and head hash

Revision ID: 0004_audit_checkpoints
Revises: 0003_cache_epoch
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import companyos_server.platform.storage

revision = "0004_audit_checkpoints"
down_revision = "0003_cache_epoch"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_checkpoints",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("issued_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.Column("key_id", sa.String(length=40), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_checkpoints")),
        sa.UniqueConstraint("tenant_id", "seq", name="uq_audit_checkpoints_chain_seq"),
    )
    with op.batch_alter_table("audit_checkpoints", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_checkpoints_tenant_id"), ["tenant_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_checkpoints", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_checkpoints_tenant_id"))
    op.drop_table("audit_checkpoints")
