"""data ramp: datasets, imports, quarantine, exports

Revision ID: 0010_datasets
Revises: 0009_slo_doctor
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import companyos_server.platform.storage

revision = "0010_datasets"
down_revision = "0009_slo_doctor"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dataset_exports",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("dataset_id", sa.String(length=40), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("destination_region", sa.String(length=16), nullable=False),
        sa.Column("since", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=True),
        sa.Column("until", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=True),
        sa.Column("redactions", sa.JSON(), nullable=False),
        sa.Column("salt", sa.String(length=64), nullable=False),
        sa.Column("job_id", sa.String(length=40), nullable=True),
        sa.Column("pack_id", sa.String(length=40), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataset_exports")),
    )
    with op.batch_alter_table("dataset_exports", schema=None) as batch_op:
        batch_op.create_index("ix_dataset_exports_tenant_dataset", ["tenant_id", "dataset_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dataset_exports_tenant_id"), ["tenant_id"], unique=False)

    op.create_table(
        "dataset_import_parts",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("import_id", sa.String(length=40), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("part_number", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("created_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataset_import_parts")),
        sa.UniqueConstraint("import_id", "file_name", "part_number", name="uq_dataset_import_parts_part"),
    )
    with op.batch_alter_table("dataset_import_parts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dataset_import_parts_import_id"), ["import_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dataset_import_parts_tenant_id"), ["tenant_id"], unique=False)

    op.create_table(
        "dataset_imports",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("dataset_id", sa.String(length=40), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("job_id", sa.String(length=40), nullable=True),
        sa.Column("preflight", sa.JSON(), nullable=True),
        sa.Column("problem", sa.JSON(), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataset_imports")),
    )
    with op.batch_alter_table("dataset_imports", schema=None) as batch_op:
        batch_op.create_index("ix_dataset_imports_tenant_dataset", ["tenant_id", "dataset_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dataset_imports_tenant_id"), ["tenant_id"], unique=False)

    op.create_table(
        "datasets",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("residency", sa.String(length=16), nullable=False),
        sa.Column("time_field", sa.String(length=64), nullable=True),
        sa.Column("row_count", sa.BigInteger(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", companyos_server.platform.storage.UTCDateTime(timezone=True), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_datasets")),
        sa.UniqueConstraint("tenant_id", "name", name="uq_datasets_tenant_name"),
    )
    with op.batch_alter_table("datasets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_datasets_tenant_id"), ["tenant_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("datasets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_datasets_tenant_id"))

    op.drop_table("datasets")
    with op.batch_alter_table("dataset_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dataset_imports_tenant_id"))
        batch_op.drop_index("ix_dataset_imports_tenant_dataset")

    op.drop_table("dataset_imports")
    with op.batch_alter_table("dataset_import_parts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dataset_import_parts_tenant_id"))
        batch_op.drop_index(batch_op.f("ix_dataset_import_parts_import_id"))

    op.drop_table("dataset_import_parts")
    with op.batch_alter_table("dataset_exports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dataset_exports_tenant_id"))
        batch_op.drop_index("ix_dataset_exports_tenant_dataset")

    op.drop_table("dataset_exports")
