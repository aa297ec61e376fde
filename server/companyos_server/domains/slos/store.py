"""SLO Doctor tables: first-class SLOs, accepted recommendations' follow-ups, and kept health reports.

Every query is tenant-filtered here (``tenant_select``); nothing reads another tenant's rows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, Session, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, tenant_select, utcnow


class SloRow(TenantOwned, Base):
    """One objective of a service (several per service), with its SLI and current alerting rules."""

    __tablename__ = "slos"
    __table_args__ = (UniqueConstraint("tenant_id", "service_id", "name", name="uq_slos_service_name"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    service_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(63), nullable=False)
    display_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    sli_type: Mapped[str] = mapped_column(String(20), nullable=False)
    objective: Mapped[float] = mapped_column(Float, nullable=False)
    window_days: Mapped[int] = mapped_column(Integer, nullable=False, default=28)
    budgeting_method: Mapped[str] = mapped_column(String(20), nullable=False, default="occurrences")
    # indicator, timeslice, alerting rules, labels: JSON shaped by service.py (the API's shapes)
    indicator: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    timeslice: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    alerting: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    labels: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    revision: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class FollowUpRow(TenantOwned, Base):
    """What accepting a recommendation committed a team to, and what the doctor last found."""

    __tablename__ = "slo_follow_ups"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    service_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    slo_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    recommendation_id: Mapped[str] = mapped_column(String(80), nullable=False)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    owner: Mapped[str] = mapped_column(String(200), nullable=False)
    due_date: Mapped[str] = mapped_column(String(10), nullable=False)
    success_metric: Mapped[str] = mapped_column(String(500), nullable=False)
    verification: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="open")
    last_check: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class ReportRow(TenantOwned, Base):
    """A health report as generated (JSON, Markdown, HTML), kept as history per service."""

    __tablename__ = "slo_reports"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    service_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    job_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    days: Mapped[int] = mapped_column(Integer, nullable=False)
    report: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    markdown: Mapped[str] = mapped_column(Text, nullable=False)
    html: Mapped[str] = mapped_column(Text, nullable=False)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


def get_slo(session: Session, tenant_id: str, service_id: str, slo_id: str) -> SloRow | None:
    query = tenant_select(SloRow, tenant_id).where(SloRow.service_id == service_id, SloRow.id == slo_id)
    return session.scalars(query).first()


def slo_by_name(session: Session, tenant_id: str, service_id: str, name: str) -> SloRow | None:
    query = tenant_select(SloRow, tenant_id).where(SloRow.service_id == service_id, SloRow.name == name)
    return session.scalars(query).first()


def slos_of(session: Session, tenant_id: str, service_id: str) -> list[SloRow]:
    query = tenant_select(SloRow, tenant_id).where(SloRow.service_id == service_id).order_by(SloRow.name)
    return list(session.scalars(query))


def slos_of_many(session: Session, tenant_id: str, service_ids: list[str]) -> dict[str, list[SloRow]]:
    """:func:`slos_of` for several services in one query."""
    found: dict[str, list[SloRow]] = {service_id: [] for service_id in service_ids}
    if found:
        query = (
            tenant_select(SloRow, tenant_id).where(SloRow.service_id.in_(service_ids)).order_by(SloRow.name)
        )
        for row in session.scalars(query):
            found[row.service_id].append(row)
    return found


def slo_page(
    session: Session, tenant_id: str, service_id: str, after: str | None, limit: int
) -> list[SloRow]:
    query = tenant_select(SloRow, tenant_id).where(SloRow.service_id == service_id)
    if after:
        query = query.where(SloRow.name > after)
    return list(session.scalars(query.order_by(SloRow.name).limit(limit)))


def follow_ups_of(session: Session, tenant_id: str, service_id: str) -> list[FollowUpRow]:
    query = tenant_select(FollowUpRow, tenant_id).where(FollowUpRow.service_id == service_id)
    return list(session.scalars(query.order_by(FollowUpRow.id)))


def follow_up_page(
    session: Session, tenant_id: str, service_id: str, after: str | None, limit: int
) -> list[FollowUpRow]:
    query = tenant_select(FollowUpRow, tenant_id).where(FollowUpRow.service_id == service_id)
    if after:
        query = query.where(FollowUpRow.id > after)
    return list(session.scalars(query.order_by(FollowUpRow.id).limit(limit)))


def get_report(session: Session, tenant_id: str, service_id: str, report_id: str) -> ReportRow | None:
    query = tenant_select(ReportRow, tenant_id).where(
        ReportRow.service_id == service_id, ReportRow.id == report_id
    )
    return session.scalars(query).first()


def report_page(
    session: Session, tenant_id: str, service_id: str, after: str | None, limit: int
) -> list[ReportRow]:
    query = tenant_select(ReportRow, tenant_id).where(ReportRow.service_id == service_id)
    if after:
        query = query.where(ReportRow.id < after)
    return list(session.scalars(query.order_by(ReportRow.id.desc()).limit(limit)))
