"""Incident tables: the incident, its services, its append-only timeline and its runbook checklist."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, tenant_select, utcnow

STATUSES = ("investigating", "identified", "monitoring", "resolved")
SEVERITIES = ("sev1", "sev2", "sev3", "sev4")


class IncidentRow(TenantOwned, Base):
    __tablename__ = "incidents"
    # An alert opens at most one incident (NULLs do not collide on SQLite or PostgreSQL).
    __table_args__ = (
        UniqueConstraint("tenant_id", "source_alert_id", name="uq_incidents_tenant_source_alert"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    severity: Mapped[str] = mapped_column(String(10), nullable=False, index=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    source_alert_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    responders: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    dashboards: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    tasks: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class IncidentServiceRow(TenantOwned, Base):
    __tablename__ = "incident_services"

    incident_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    service_id: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class IncidentTimelineRow(TenantOwned, Base):
    """Append-only: rows are inserted, never updated or deleted by the service."""

    __tablename__ = "incident_timeline"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    incident_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    author: Mapped[str] = mapped_column(String(200), nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)


class IncidentChecklistItemRow(TenantOwned, Base):
    __tablename__ = "incident_checklist_items"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    incident_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    checked: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    checked_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


def get(session: Session, tenant_id: str, incident_id: str, *, lock: bool = False) -> IncidentRow | None:
    query = tenant_select(IncidentRow, tenant_id).where(IncidentRow.id == incident_id)
    if lock:
        query = query.with_for_update()
    return session.scalars(query).first()


def by_source_alert(session: Session, tenant_id: str, alert_id: str) -> IncidentRow | None:
    query = tenant_select(IncidentRow, tenant_id).where(IncidentRow.source_alert_id == alert_id)
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
    since: datetime | None = None,
) -> list[IncidentRow]:
    query = tenant_select(IncidentRow, tenant_id).order_by(IncidentRow.id.desc()).limit(limit)
    if after:
        query = query.where(IncidentRow.id < after)
    if status:
        query = query.where(IncidentRow.status == status)
    if severity:
        query = query.where(IncidentRow.severity == severity)
    if since is not None:
        query = query.where(IncidentRow.created_at >= since)
    if service_id:
        linked = select(IncidentServiceRow.incident_id).where(
            IncidentServiceRow.tenant_id == tenant_id, IncidentServiceRow.service_id == service_id
        )
        query = query.where(IncidentRow.id.in_(linked))
    return list(session.scalars(query))


def service_ids(session: Session, tenant_id: str, incident_ids: Sequence[str]) -> dict[str, list[str]]:
    if not incident_ids:
        return {}
    query = (
        tenant_select(IncidentServiceRow, tenant_id)
        .where(IncidentServiceRow.incident_id.in_(list(incident_ids)))
        .order_by(IncidentServiceRow.position)
    )
    found: dict[str, list[str]] = {i: [] for i in incident_ids}
    for row in session.scalars(query):
        found[row.incident_id].append(row.service_id)
    return found


def set_services(session: Session, tenant_id: str, incident_id: str, ids: Sequence[str]) -> None:
    session.execute(
        delete(IncidentServiceRow).where(
            IncidentServiceRow.tenant_id == tenant_id, IncidentServiceRow.incident_id == incident_id
        )
    )
    for position, service_id in enumerate(dict.fromkeys(ids)):
        session.add(
            IncidentServiceRow(
                tenant_id=tenant_id, incident_id=incident_id, service_id=service_id, position=position
            )
        )
    session.flush()


def timeline(session: Session, tenant_id: str, incident_id: str) -> list[IncidentTimelineRow]:
    return timelines(session, tenant_id, [incident_id])[incident_id]


def timelines(
    session: Session, tenant_id: str, incident_ids: Sequence[str]
) -> dict[str, list[IncidentTimelineRow]]:
    """The timelines of several incidents in one query (a list page reads them all at once)."""
    found: dict[str, list[IncidentTimelineRow]] = {i: [] for i in incident_ids}
    if not found:
        return found
    query = (
        tenant_select(IncidentTimelineRow, tenant_id)
        .where(IncidentTimelineRow.incident_id.in_(list(found)))
        .order_by(IncidentTimelineRow.at, IncidentTimelineRow.id)
    )
    for row in session.scalars(query):
        found[row.incident_id].append(row)
    return found


def checklist(session: Session, tenant_id: str, incident_id: str) -> list[IncidentChecklistItemRow]:
    return checklists(session, tenant_id, [incident_id])[incident_id]


def checklists(
    session: Session, tenant_id: str, incident_ids: Sequence[str]
) -> dict[str, list[IncidentChecklistItemRow]]:
    """The checklists of several incidents in one query, each in position order."""
    found: dict[str, list[IncidentChecklistItemRow]] = {i: [] for i in incident_ids}
    if not found:
        return found
    query = (
        tenant_select(IncidentChecklistItemRow, tenant_id)
        .where(IncidentChecklistItemRow.incident_id.in_(list(found)))
        .order_by(IncidentChecklistItemRow.position)
    )
    for row in session.scalars(query):
        found[row.incident_id].append(row)
    return found


def checklist_item(
    session: Session, tenant_id: str, incident_id: str, item_id: str
) -> IncidentChecklistItemRow | None:
    query = tenant_select(IncidentChecklistItemRow, tenant_id).where(
        IncidentChecklistItemRow.incident_id == incident_id, IncidentChecklistItemRow.id == item_id
    )
    return session.scalars(query.with_for_update()).first()
