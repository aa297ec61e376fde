"""Analytics metadata in the primary database: the schema registry, per-tenant hashing keys, feed cursors,
report exports and scheduled reports.

The events themselves live in the analytics store (:mod:`.warehouse`), not here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, utcnow


class EventSchemaRow(TenantOwned, Base):
    """One version of a tenant's event schema (SchemaVer MODEL-REVISION-ADDITION)."""

    __tablename__ = "analytics_schemas"
    __table_args__ = (UniqueConstraint("tenant_id", "name", "version", name="uq_analytics_schemas_version"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    version: Mapped[str] = mapped_column(String(20), nullable=False)
    model: Mapped[int] = mapped_column(Integer, nullable=False)
    revision: Mapped[int] = mapped_column(Integer, nullable=False)
    addition: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    category: Mapped[str] = mapped_column(String(40), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    properties: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class TenantHashKeyRow(Base):
    """The tenant's pseudonymisation key, sealed with the platform secrets keyring (never in clear)."""

    __tablename__ = "analytics_tenant_keys"

    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sealed_key: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class FeedCursorRow(Base):
    """How far the ops feed has copied one source of one tenant: the last id copied (records in creation
    order) or, for sources that change state later (finished, resolved), the last timestamp."""

    __tablename__ = "analytics_feed_cursors"

    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str] = mapped_column(String(40), primary_key=True)
    watermark: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class AnalyticsExportRow(TenantOwned, Base):
    """A report (or ad-hoc query) exported for one recipient: the request, then the job's outcome."""

    __tablename__ = "analytics_exports"
    __table_args__ = (Index("ix_analytics_exports_schedule", "tenant_id", "schedule_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    report: Mapped[str] = mapped_column(String(20), nullable=False)
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    format: Mapped[str] = mapped_column(String(10), nullable=False)
    recipient: Mapped[str] = mapped_column(String(200), nullable=False)
    destination_region: Mapped[str] = mapped_column(String(10), nullable=False)
    residency: Mapped[str] = mapped_column(String(10), nullable=False)
    redactions: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    salt: Mapped[str] = mapped_column(String(64), nullable=False)
    schedule_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    rows: Mapped[int | None] = mapped_column(Integer, nullable=True)
    job_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    pack_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class AnalyticsScheduleRow(TenantOwned, Base):
    """A delivery policy: which report, in which format, to whom, how often (UTC cadence)."""

    __tablename__ = "analytics_schedules"
    __table_args__ = (
        UniqueConstraint("tenant_id", "name", name="uq_analytics_schedules_name"),
        Index("ix_analytics_schedules_due", "enabled", "next_run_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    report: Mapped[str] = mapped_column(String(20), nullable=False)
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    format: Mapped[str] = mapped_column(String(10), nullable=False)
    recipients: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    destination_region: Mapped[str] = mapped_column(String(10), nullable=False)
    redactions: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    cadence: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    next_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_export_ids: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    # The creator's kind and roles in the tenant when the schedule was made: the authority a run falls
    # back on when the creator's identity lives at an external provider (see schedules.creator_context).
    authority: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


def schema_versions(session: Session, tenant_id: str, name: str | None = None) -> list[EventSchemaRow]:
    query = select(EventSchemaRow).where(EventSchemaRow.tenant_id == tenant_id)
    if name is not None:
        query = query.where(EventSchemaRow.name == name)
    query = query.order_by(
        EventSchemaRow.name, EventSchemaRow.model, EventSchemaRow.revision, EventSchemaRow.addition
    )
    return list(session.scalars(query))


def cursor(session: Session, tenant_id: str, source: str) -> FeedCursorRow | None:
    return session.get(FeedCursorRow, (tenant_id, source))
