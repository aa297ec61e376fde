"""secops: security events, detection rules, alert category and detection fields, risk scores

Revision ID: 0012_secops
Revises: 0011_analytics
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import companyos_server.platform.storage

revision = "0012_secops"
down_revision = "0011_analytics"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "secops_cursors",
        sa.Column("chain", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("updated_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chain", name=op.f("pk_secops_cursors")),
    )
    op.create_table(
        "secops_rules",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("sigma", sa.Text(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_secops_rules")),
        sa.UniqueConstraint("tenant_id", "name", "version", name="uq_secops_rules_version"),
    )
    with op.batch_alter_table("secops_rules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_secops_rules_tenant_id"), ["tenant_id"], unique=False)

    op.create_table(
        "security_events",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column(
            "occurred_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("action", sa.String(length=100), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("principal", sa.String(length=200), nullable=True),
        sa.Column("principal_kind", sa.String(length=20), nullable=True),
        sa.Column("roles", sa.String(length=300), nullable=True),
        sa.Column("asset", sa.String(length=300), nullable=True),
        sa.Column("source_ip", sa.String(length=64), nullable=True),
        sa.Column("user_agent", sa.String(length=300), nullable=True),
        sa.Column("geo_country", sa.String(length=2), nullable=True),
        sa.Column("geo_city", sa.String(length=100), nullable=True),
        sa.Column("geo_lat", sa.Float(), nullable=True),
        sa.Column("geo_lon", sa.Float(), nullable=True),
        sa.Column("travel_km", sa.Float(), nullable=True),
        sa.Column("travel_kmh", sa.Float(), nullable=True),
        sa.Column("request_id", sa.String(length=100), nullable=True),
        sa.Column("origin_id", sa.String(length=100), nullable=True),
        sa.Column("claimed_tenant", sa.String(length=100), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("created_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_security_events")),
        sa.UniqueConstraint("tenant_id", "origin_id", name="uq_security_events_origin"),
    )
    with op.batch_alter_table("security_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_security_events_tenant_id"), ["tenant_id"], unique=False)
        batch_op.create_index("ix_security_events_tenant_principal", ["tenant_id", "principal"], unique=False)
        batch_op.create_index("ix_security_events_tenant_time", ["tenant_id", "occurred_at"], unique=False)

    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("category", sa.String(length=20), server_default="operations", nullable=False)
        )
        batch_op.add_column(sa.Column("rule", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("principal", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("risk", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("detection", sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f("ix_alerts_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_alerts_principal"), ["principal"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alerts_principal"))
        batch_op.drop_index(batch_op.f("ix_alerts_category"))
        batch_op.drop_column("detection")
        batch_op.drop_column("risk")
        batch_op.drop_column("principal")
        batch_op.drop_column("rule")
        batch_op.drop_column("category")

    with op.batch_alter_table("security_events", schema=None) as batch_op:
        batch_op.drop_index("ix_security_events_tenant_time")
        batch_op.drop_index("ix_security_events_tenant_principal")
        batch_op.drop_index(batch_op.f("ix_security_events_tenant_id"))

    op.drop_table("security_events")
    with op.batch_alter_table("secops_rules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_secops_rules_tenant_id"))

    op.drop_table("secops_rules")
    op.drop_table("secops_cursors")
