"""Policy tables: recorded decisions, tenant policies (versioned) and policy exceptions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, tenant_select, utcnow


class PolicyDecisionRow(TenantOwned, Base):
    """One authorization decision with everything needed to evaluate its request again."""

    __tablename__ = "policy_decisions"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow, index=True)
    principal: Mapped[str] = mapped_column(String(200), nullable=False)
    principal_kind: Mapped[str] = mapped_column(String(20), nullable=False)
    roles: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    scopes: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    member: Mapped[bool] = mapped_column(Boolean, nullable=False)
    has_purpose: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    tenant_status: Mapped[str] = mapped_column(String(20), nullable=False, default="active")
    acr: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    mutation: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    action: Mapped[str] = mapped_column(String(100), nullable=False, index=True)
    resource_type: Mapped[str] = mapped_column(String(60), nullable=False)
    resource_id: Mapped[str] = mapped_column(String(200), nullable=False)
    resource_attributes: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    allowed: Mapped[bool] = mapped_column(Boolean, nullable=False, index=True)
    reasons: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    policy_ids: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    request_id: Mapped[str | None] = mapped_column(String(100), nullable=True)


APPROVED, PENDING = "approved", "pending"


class TenantPolicyRow(TenantOwned, Base):
    """One version of a tenant policy; the highest version is the one in force."""

    __tablename__ = "tenant_policies"
    __table_args__ = (
        UniqueConstraint("tenant_id", "policy_id", "version", name="uq_tenant_policies_version"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    policy_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    effect: Mapped[str] = mapped_column(String(10), nullable=False)
    actions: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    roles: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    require_mfa: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    mutations_only: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    cedar: Mapped[str] = mapped_column(Text, nullable=False)
    change_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    # "approved": in force from when it was written (or approved); "pending": it widens some role's
    # permissions and waits for a second person's approval (see the service). Only approved versions
    # are ever in force.
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=APPROVED, server_default=APPROVED)
    widening: Mapped[list[dict[str, str]]] = mapped_column(JSON, nullable=False, default=list)
    approved_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class PolicyExceptionRow(TenantOwned, Base):
    __tablename__ = "policy_exceptions"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    policy_id: Mapped[str] = mapped_column(String(100), nullable=False, index=True)
    service_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    requested_by: Mapped[str] = mapped_column(String(200), nullable=False)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, index=True)
    approver: Mapped[str | None] = mapped_column(String(200), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


# -- decisions ------------------------------------------------------------------------------------
def add_decision(session: Session, row: PolicyDecisionRow) -> None:
    session.add(row)


def list_decisions(
    session: Session,
    tenant_id: str,
    *,
    after: str | None,
    limit: int,
    action: str | None = None,
    allowed: bool | None = None,
) -> list[PolicyDecisionRow]:
    query = tenant_select(PolicyDecisionRow, tenant_id).order_by(PolicyDecisionRow.id.desc()).limit(limit)
    if after:
        query = query.where(PolicyDecisionRow.id < after)
    if action:
        query = query.where(PolicyDecisionRow.action == action)
    if allowed is not None:
        query = query.where(PolicyDecisionRow.allowed == allowed)
    return list(session.scalars(query))


# -- tenant policies ------------------------------------------------------------------------------
def current_policies(session: Session, tenant_id: str) -> list[TenantPolicyRow]:
    """The policies in force: the latest approved version of each of the tenant's policies."""
    latest = (
        select(TenantPolicyRow.policy_id, func.max(TenantPolicyRow.version).label("version"))
        .where(TenantPolicyRow.tenant_id == tenant_id, TenantPolicyRow.status == APPROVED)
        .group_by(TenantPolicyRow.policy_id)
        .subquery()
    )
    query = (
        tenant_select(TenantPolicyRow, tenant_id)
        .join(
            latest,
            (TenantPolicyRow.policy_id == latest.c.policy_id) & (TenantPolicyRow.version == latest.c.version),
        )
        .order_by(TenantPolicyRow.policy_id)
    )
    return list(session.scalars(query))


def versions(session: Session, tenant_id: str, policy_id: str) -> list[TenantPolicyRow]:
    query = (
        tenant_select(TenantPolicyRow, tenant_id)
        .where(TenantPolicyRow.policy_id == policy_id)
        .order_by(TenantPolicyRow.version.desc())
    )
    return list(session.scalars(query))


def get_version(
    session: Session, tenant_id: str, policy_id: str, version: int, *, lock: bool = False
) -> TenantPolicyRow | None:
    query = tenant_select(TenantPolicyRow, tenant_id).where(
        TenantPolicyRow.policy_id == policy_id, TenantPolicyRow.version == version
    )
    if lock:
        query = query.with_for_update()
    return session.scalars(query).first()


def latest_version(session: Session, tenant_id: str, policy_id: str) -> int:
    """The highest version number of the policy, pending ones included (0 when it has none)."""
    query = select(func.max(TenantPolicyRow.version)).where(
        TenantPolicyRow.tenant_id == tenant_id, TenantPolicyRow.policy_id == policy_id
    )
    return int(session.scalar(query) or 0)


# -- exceptions -----------------------------------------------------------------------------------
def get_exception(
    session: Session, tenant_id: str, exception_id: str, *, lock: bool = False
) -> PolicyExceptionRow | None:
    query = tenant_select(PolicyExceptionRow, tenant_id).where(PolicyExceptionRow.id == exception_id)
    if lock:
        query = query.with_for_update()
    return session.scalars(query).first()


def list_exceptions(
    session: Session,
    tenant_id: str,
    *,
    after: str | None,
    limit: int,
    policy_id: str | None = None,
    service_id: str | None = None,
    status: str | None = None,
    now: datetime | None = None,
) -> list[PolicyExceptionRow]:
    """Newest first; ``status`` (pending | active | expired) is judged at ``now``."""
    query = tenant_select(PolicyExceptionRow, tenant_id).order_by(PolicyExceptionRow.id.desc()).limit(limit)
    now = now or utcnow()
    if status == "expired":
        query = query.where(PolicyExceptionRow.expires_at <= now)
    elif status == "active":
        query = query.where(PolicyExceptionRow.expires_at > now, PolicyExceptionRow.approved_at.is_not(None))
    elif status == "pending":
        query = query.where(PolicyExceptionRow.expires_at > now, PolicyExceptionRow.approved_at.is_(None))
    if after:
        query = query.where(PolicyExceptionRow.id < after)
    if policy_id:
        query = query.where(PolicyExceptionRow.policy_id == policy_id)
    if service_id:
        query = query.where(PolicyExceptionRow.service_id == service_id)
    return list(session.scalars(query))


def active_exceptions(
    session: Session, tenant_id: str, policy_id: str, now: datetime
) -> list[PolicyExceptionRow]:
    query = tenant_select(PolicyExceptionRow, tenant_id).where(
        PolicyExceptionRow.policy_id == policy_id,
        PolicyExceptionRow.approved_at.is_not(None),
        PolicyExceptionRow.expires_at > now,
    )
    return list(session.scalars(query))


def active_exceptions_of_tenant(session: Session, tenant_id: str, now: datetime) -> list[PolicyExceptionRow]:
    """Every approved, unexpired exception of the tenant (one indexed query; what decisions consult)."""
    query = (
        tenant_select(PolicyExceptionRow, tenant_id)
        .where(PolicyExceptionRow.approved_at.is_not(None), PolicyExceptionRow.expires_at > now)
        .order_by(PolicyExceptionRow.id)
    )
    return list(session.scalars(query))
