"""Alert rows (the inbox) and per-tenant ingest keys. Every query is tenant-filtered."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, Integer, String, Text, UniqueConstraint, update
from sqlalchemy.orm import Mapped, Session, mapped_column

# Declared beside the occurrence logic; re-exported here, as tables are found in store modules (models.py).
from companyos_server.domains.alerts.occurrences import AlertOccurrenceRow as AlertOccurrenceRow
from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, tenant_select, utcnow

ALERT_STATUSES = ("firing", "resolved", "acknowledged", "silenced")
SEVERITIES = ("critical", "warning", "info")


class AlertRow(TenantOwned, Base):
    """One alert per (tenant, fingerprint): Alertmanager re-notifications update it (dedup)."""

    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("tenant_id", "fingerprint", name="uq_alerts_tenant_fingerprint"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    severity: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    service_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    service_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    labels: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    annotations: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    generator_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    receiver: Mapped[str | None] = mapped_column(String(200), nullable=True)
    group_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    external_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    occurrences: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    last_received_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    acknowledged_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    silenced_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    silenced_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    silence_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    incident_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # Error-budget inputs, fixed when the alert is (re)classified; the consumption is derived on read.
    burn_rate: Mapped[float] = mapped_column(Float, nullable=False, default=1.0)
    slo_objective: Mapped[float] = mapped_column(Float, nullable=False, default=99.9)
    slo_window_days: Mapped[int] = mapped_column(Integer, nullable=False, default=30)
    slo_source: Mapped[str] = mapped_column(String(20), nullable=False, default="default")
    # operations (Alertmanager) | security (a SecOps detection: rule, principal, risk, detection details)
    category: Mapped[str] = mapped_column(
        String(20), nullable=False, default="operations", server_default="operations", index=True
    )
    rule: Mapped[str | None] = mapped_column(String(200), nullable=True)
    principal: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    risk: Mapped[float | None] = mapped_column(Float, nullable=True)
    detection: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class AlertIngestKeyRow(TenantOwned, Base):
    """A bearer credential Alertmanager sends (``http_config.authorization``); only its hash is kept."""

    __tablename__ = "alert_ingest_keys"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    secret_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="active")
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    replaced_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


def get(session: Session, tenant_id: str, alert_id: str) -> AlertRow | None:
    return session.scalars(tenant_select(AlertRow, tenant_id).where(AlertRow.id == alert_id)).first()


def get_for_update(session: Session, tenant_id: str, alert_id: str) -> AlertRow | None:
    query = tenant_select(AlertRow, tenant_id).where(AlertRow.id == alert_id).with_for_update()
    return session.scalars(query).first()


def by_fingerprint(session: Session, tenant_id: str, fingerprint: str) -> AlertRow | None:
    query = tenant_select(AlertRow, tenant_id).where(AlertRow.fingerprint == fingerprint)
    return session.scalars(query).first()


def list_page(
    session: Session,
    tenant_id: str,
    *,
    after: str | None,
    limit: int,
    status: str | None = None,
    severity: str | None = None,
    service_id: str | None = None,
    category: str | None = None,
    principal: str | None = None,
) -> list[AlertRow]:
    """Newest first (ids are time-sortable)."""
    query = tenant_select(AlertRow, tenant_id).order_by(AlertRow.id.desc()).limit(limit)
    if after:
        query = query.where(AlertRow.id < after)
    if status:
        query = query.where(AlertRow.status == status)
    if severity:
        query = query.where(AlertRow.severity == severity)
    if service_id:
        query = query.where(AlertRow.service_id == service_id)
    if category:
        query = query.where(AlertRow.category == category)
    if principal:
        query = query.where(AlertRow.principal == principal)
    return list(session.scalars(query))


def open_in_category(session: Session, tenant_id: str, category: str, now: datetime) -> list[AlertRow]:
    """Alerts still needing attention: firing, acknowledged, or silenced past their silence's end
    (a lapsed silence counts as open even before :func:`lapse_silences` writes it back)."""
    lapsed = (AlertRow.status == "silenced") & (AlertRow.silenced_until <= now)
    query = (
        tenant_select(AlertRow, tenant_id)
        .where(AlertRow.category == category)
        .where(AlertRow.status.in_(("firing", "acknowledged")) | lapsed)
        .order_by(AlertRow.id.desc())
    )
    return list(session.scalars(query))


def lapse_silences(session: Session, tenant_id: str, now: datetime) -> int:
    """Expired silences end: the alert goes back to acknowledged (if it was) or firing."""
    expired = (
        AlertRow.tenant_id == tenant_id,
        AlertRow.status == "silenced",
        AlertRow.silenced_until <= now,
    )
    total = 0
    for acknowledged, status in ((True, "acknowledged"), (False, "firing")):
        marker = AlertRow.acknowledged_at.is_not(None) if acknowledged else AlertRow.acknowledged_at.is_(None)
        result = session.execute(
            update(AlertRow).where(*expired, marker).values(status=status, updated_at=now)
        )
        total += int(getattr(result, "rowcount", 0) or 0)
    return total


def get_key(session: Session, tenant_id: str, key_id: str) -> AlertIngestKeyRow | None:
    query = tenant_select(AlertIngestKeyRow, tenant_id).where(AlertIngestKeyRow.id == key_id)
    return session.scalars(query).first()


def find_key(session: Session, key_id: str) -> AlertIngestKeyRow | None:
    """By id alone: the authenticator learns the key's tenant from the key, then checks the path."""
    return session.get(AlertIngestKeyRow, key_id)


def list_keys(session: Session, tenant_id: str) -> list[AlertIngestKeyRow]:
    query = tenant_select(AlertIngestKeyRow, tenant_id).order_by(AlertIngestKeyRow.id.desc())
    return list(session.scalars(query))
