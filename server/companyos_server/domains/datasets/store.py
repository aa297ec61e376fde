"""Dataset tables: datasets, their imports (with uploaded parts) and exports.

The rows themselves live in Parquet under the var dir (:mod:`.lake`); these tables hold the catalogue,
the upload ledger and the job bookkeeping. Every query is tenant-filtered.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, Session, mapped_column

from companyos_server import errors
from companyos_server.platform.jobs import queue as jobs_queue
from companyos_server.platform.jobs.models import JobRow
from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, tenant_select, utcnow


class DatasetRow(TenantOwned, Base):
    __tablename__ = "datasets"
    __table_args__ = (UniqueConstraint("tenant_id", "name", name="uq_datasets_tenant_name"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    fields: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False)
    residency: Mapped[str] = mapped_column(String(16), nullable=False)
    time_field: Mapped[str | None] = mapped_column(String(64), nullable=True)
    row_count: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    size_bytes: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class DatasetImportRow(TenantOwned, Base):
    __tablename__ = "dataset_imports"
    __table_args__ = (Index("ix_dataset_imports_tenant_dataset", "tenant_id", "dataset_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    dataset_id: Mapped[str] = mapped_column(String(40), nullable=False)
    format: Mapped[str] = mapped_column(String(16), nullable=False)
    options: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    files: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False)
    state: Mapped[str] = mapped_column(String(16), nullable=False)  # uploading | started | rejected
    job_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    preflight: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    problem: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class DatasetImportPartRow(TenantOwned, Base):
    __tablename__ = "dataset_import_parts"
    __table_args__ = (
        UniqueConstraint("import_id", "file_name", "part_number", name="uq_dataset_import_parts_part"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    import_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    file_name: Mapped[str] = mapped_column(String(200), nullable=False)
    part_number: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    size_bytes: Mapped[int] = mapped_column(BigInteger, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class DatasetExportRow(TenantOwned, Base):
    __tablename__ = "dataset_exports"
    __table_args__ = (Index("ix_dataset_exports_tenant_dataset", "tenant_id", "dataset_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    dataset_id: Mapped[str] = mapped_column(String(40), nullable=False)
    recipient: Mapped[str] = mapped_column(String(200), nullable=False)
    destination_region: Mapped[str] = mapped_column(String(16), nullable=False)
    since: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    redactions: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    salt: Mapped[str] = mapped_column(String(64), nullable=False)  # never leaves the server
    job_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    pack_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


def get_dataset(session: Session, tenant_id: str, dataset_id: str) -> DatasetRow | None:
    return session.scalars(tenant_select(DatasetRow, tenant_id).where(DatasetRow.id == dataset_id)).first()


def get_import(
    session: Session, tenant_id: str, import_id: str, *, for_update: bool = False
) -> DatasetImportRow | None:
    """The import; ``for_update`` locks its row until the transaction ends (PostgreSQL; SQLite has one
    writer at a time anyway)."""
    query = tenant_select(DatasetImportRow, tenant_id).where(DatasetImportRow.id == import_id)
    return session.scalars(query.with_for_update() if for_update else query).first()


def get_export(session: Session, tenant_id: str, export_id: str) -> DatasetExportRow | None:
    return session.scalars(
        tenant_select(DatasetExportRow, tenant_id).where(DatasetExportRow.id == export_id)
    ).first()


def parts_of(session: Session, tenant_id: str, import_id: str) -> list[DatasetImportPartRow]:
    return list(
        session.scalars(
            tenant_select(DatasetImportPartRow, tenant_id)
            .where(DatasetImportPartRow.import_id == import_id)
            .order_by(DatasetImportPartRow.file_name, DatasetImportPartRow.part_number)
        )
    )


def parts_by_import(
    session: Session, tenant_id: str, import_ids: Collection[str]
) -> dict[str, list[DatasetImportPartRow]]:
    """Each import's parts as :func:`parts_of` orders them, in one query for a page of imports."""
    found: dict[str, list[DatasetImportPartRow]] = {import_id: [] for import_id in import_ids}
    if not found:
        return found
    rows = session.scalars(
        tenant_select(DatasetImportPartRow, tenant_id)
        .where(DatasetImportPartRow.import_id.in_(list(found)))
        .order_by(DatasetImportPartRow.file_name, DatasetImportPartRow.part_number)
    )
    for row in rows:
        found[row.import_id].append(row)
    return found


def jobs_by_id(
    session: Session, tenant_id: str, job_ids: Collection[str | None]
) -> dict[str, dict[str, Any]]:
    """The jobs of a page of imports or exports as the job queue shows them, in one query (404 for one gone)."""
    wanted = {job_id for job_id in job_ids if job_id}
    if not wanted:
        return {}
    now = utcnow()
    found = {
        row.id: jobs_queue.to_dict(row, now)
        for row in session.scalars(tenant_select(JobRow, tenant_id).where(JobRow.id.in_(sorted(wanted))))
    }
    missing = sorted(wanted - set(found))
    if missing:
        raise errors.not_found("Job", missing[0])
    return found
