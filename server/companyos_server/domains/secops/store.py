"""SecOps tables: normalised security events, Sigma rules (versioned, enabled per tenant), feed cursors.

Every query is tenant-filtered (:func:`tenant_select`); the audit-feed cursor is per audit chain.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, Session, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, tenant_select, utcnow


class SecurityEventRow(TenantOwned, Base):
    """One normalised security event (from the audit chain, the identity provider, or bulk ingest)."""

    __tablename__ = "security_events"
    __table_args__ = (
        Index("ix_security_events_tenant_time", "tenant_id", "occurred_at"),
        Index("ix_security_events_tenant_principal", "tenant_id", "principal"),
        UniqueConstraint("tenant_id", "origin_id", name="uq_security_events_origin"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)  # audit | identity | ingest
    category: Mapped[str] = mapped_column(String(30), nullable=False)
    action: Mapped[str] = mapped_column(String(100), nullable=False)
    outcome: Mapped[str] = mapped_column(String(10), nullable=False)
    principal: Mapped[str | None] = mapped_column(String(200), nullable=True)
    principal_kind: Mapped[str | None] = mapped_column(String(20), nullable=True)
    roles: Mapped[str | None] = mapped_column(String(300), nullable=True)
    asset: Mapped[str | None] = mapped_column(String(300), nullable=True)
    source_ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
    user_agent: Mapped[str | None] = mapped_column(String(300), nullable=True)
    geo_country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    geo_city: Mapped[str | None] = mapped_column(String(100), nullable=True)
    geo_lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    geo_lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    travel_km: Mapped[float | None] = mapped_column(Float, nullable=True)
    travel_kmh: Mapped[float | None] = mapped_column(Float, nullable=True)
    request_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    origin_id: Mapped[str | None] = mapped_column(String(100), nullable=True)  # the audit event id
    claimed_tenant: Mapped[str | None] = mapped_column(String(100), nullable=True)  # a spoofed tenant field
    details: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class SecopsRuleRow(TenantOwned, Base):
    """One version of a rule set (Sigma YAML). The newest version is current; ``enabled`` is per tenant."""

    __tablename__ = "secops_rules"
    __table_args__ = (UniqueConstraint("tenant_id", "name", "version", name="uq_secops_rules_version"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    level: Mapped[str] = mapped_column(String(20), nullable=False)
    sigma: Mapped[str] = mapped_column(Text, nullable=False)
    enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    builtin: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class SecopsCursorRow(Base):
    """How far the audit feed has read each audit chain."""

    __tablename__ = "secops_cursors"

    chain: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


def current_rules(session: Session, tenant_id: str) -> list[SecopsRuleRow]:
    """The newest version of each of the tenant's rules."""
    rows = session.scalars(
        tenant_select(SecopsRuleRow, tenant_id).order_by(SecopsRuleRow.name, SecopsRuleRow.version.desc())
    )
    newest: dict[str, SecopsRuleRow] = {}
    for row in rows:
        newest.setdefault(row.name, row)
    return list(newest.values())


def rule_versions(session: Session, tenant_id: str, name: str) -> list[SecopsRuleRow]:
    query = tenant_select(SecopsRuleRow, tenant_id).where(SecopsRuleRow.name == name)
    return list(session.scalars(query.order_by(SecopsRuleRow.version.desc())))


def events_between(
    session: Session, tenant_id: str, since: datetime, until: datetime, limit: int
) -> list[SecurityEventRow]:
    query = (
        tenant_select(SecurityEventRow, tenant_id)
        .where(SecurityEventRow.occurred_at >= since, SecurityEventRow.occurred_at < until)
        .order_by(SecurityEventRow.occurred_at, SecurityEventRow.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def last_located_sign_in(session: Session, tenant_id: str, principal: str) -> SecurityEventRow | None:
    """The principal's previous successful sign-in with a location (the impossible-travel baseline)."""
    query = (
        tenant_select(SecurityEventRow, tenant_id)
        .where(
            SecurityEventRow.principal == principal,
            SecurityEventRow.action == "identity.sign_in",
            SecurityEventRow.outcome == "success",
            SecurityEventRow.geo_lat.is_not(None),
        )
        .order_by(SecurityEventRow.occurred_at.desc())
        .limit(1)
    )
    return session.scalars(query).first()
