"""Tenant rows. Tenants are the isolation boundary itself, so this table is not tenant-owned."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from companyos_server.platform.cache.tenants import TenantInfo
from companyos_server.platform.storage import Base, Database, UTCDateTime, utcnow


class TenantRow(Base):
    __tablename__ = "tenants"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    tier: Mapped[str] = mapped_column(String(20), default="standard")
    residency: Mapped[str] = mapped_column(String(10), default="us")
    status: Mapped[str] = mapped_column(String(20), default="active")
    environment: Mapped[str] = mapped_column(
        String(20), nullable=False, default="production", server_default="production"
    )
    labels: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Security playbook controls (domains/secops/controls.py): in force until the time, None when off.
    step_up_enforced_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    audit_reads_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


def get(session: Session, tenant_id: str) -> TenantRow | None:
    return session.get(TenantRow, tenant_id)


def load_info(db: Database, tenant_id: str) -> TenantInfo | None:
    """What the edge guard needs of a tenant, read with a plain row select (no ORM object)."""
    with db.engine.connect() as conn:
        row = conn.execute(
            select(
                TenantRow.status, TenantRow.residency, TenantRow.tier, TenantRow.environment,
                TenantRow.step_up_enforced_until, TenantRow.audit_reads_until,
            ).where(TenantRow.id == tenant_id)
        ).first()  # fmt: skip
    if row is None:
        return None
    return TenantInfo(
        tenant_id, row.status, row.residency, row.tier, row.environment,
        step_up_until=_epoch(row.step_up_enforced_until), audit_reads_until=_epoch(row.audit_reads_until),
    )  # fmt: skip


def _epoch(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


def list_page(
    session: Session,
    *,
    visible_ids: Sequence[str] | None,
    after: str | None,
    limit: int,
    tier: str | None = None,
    status: str | None = None,
    environment: str | None = None,
) -> list[TenantRow]:
    """One page ordered by id. ``visible_ids=None`` means every tenant (platform admins)."""
    query = select(TenantRow).order_by(TenantRow.id).limit(limit)
    if visible_ids is not None:
        query = query.where(TenantRow.id.in_(list(visible_ids)))
    if after:
        query = query.where(TenantRow.id > after)
    if tier:
        query = query.where(TenantRow.tier == tier)
    if status:
        query = query.where(TenantRow.status == status)
    if environment:
        query = query.where(TenantRow.environment == environment)
    return list(session.scalars(query))


def add(session: Session, row: TenantRow) -> TenantRow:
    session.add(row)
    session.flush()
    return row
