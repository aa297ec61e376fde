"""Deployment rows: one per deployment, its stages and attached evidence as JSON. Tenant-filtered."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, Text, delete
from sqlalchemy.orm import Mapped, Session, mapped_column

from companyos_server import errors
from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, tenant_select, utcnow


class DeploymentRow(TenantOwned, Base):
    __tablename__ = "deployments"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    service_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    environment: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    version: Mapped[str] = mapped_column(String(100), nullable=False)
    commit: Mapped[str | None] = mapped_column(String(40), nullable=True)
    actor: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    state: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    stages: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    evidence_pack_ids: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    rollback_of: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


def get(session: Session, tenant_id: str, deployment_id: str) -> DeploymentRow | None:
    query = tenant_select(DeploymentRow, tenant_id).where(DeploymentRow.id == deployment_id)
    return session.scalars(query).first()


def list_page(
    session: Session,
    tenant_id: str,
    *,
    after: str | None,
    limit: int,
    service_id: str | None = None,
    environment: str | None = None,
    state: str | None = None,
    since: datetime | None = None,
) -> list[DeploymentRow]:
    """Newest first: ``created_at`` descending, ``id`` (time-sortable) as the tie-break and page key."""
    query = tenant_select(DeploymentRow, tenant_id)
    if service_id:
        query = query.where(DeploymentRow.service_id == service_id)
    if environment:
        query = query.where(DeploymentRow.environment == environment)
    if state:
        query = query.where(DeploymentRow.state == state)
    if since:
        query = query.where(DeploymentRow.created_at >= since)
    if after:
        at, last_id = parse_page_key(after)
        query = query.where(
            (DeploymentRow.created_at < at)
            | ((DeploymentRow.created_at == at) & (DeploymentRow.id < last_id))
        )
    query = query.order_by(DeploymentRow.created_at.desc(), DeploymentRow.id.desc()).limit(limit)
    return list(session.scalars(query))


def page_key(row: DeploymentRow) -> str:
    return f"{row.created_at.isoformat()}|{row.id}"


def parse_page_key(key: str) -> tuple[datetime, str]:
    created, _, last_id = key.partition("|")
    try:
        at = datetime.fromisoformat(created)
    except ValueError:
        raise errors.invalid_argument(
            "page_token is not valid for this list.", [errors.FieldError("page_token", "malformed")]
        ) from None
    if at.tzinfo is None or not last_id:
        raise errors.invalid_argument(
            "page_token is not valid for this list.", [errors.FieldError("page_token", "malformed")]
        )
    return at, last_id


def for_service(session: Session, tenant_id: str, service_id: str, environment: str) -> list[DeploymentRow]:
    """Every deployment of a service in one environment, newest first."""
    query = (
        tenant_select(DeploymentRow, tenant_id)
        .where(DeploymentRow.service_id == service_id, DeploymentRow.environment == environment)
        .order_by(DeploymentRow.created_at.desc(), DeploymentRow.id.desc())
    )
    return list(session.scalars(query))


def add(session: Session, row: DeploymentRow) -> DeploymentRow:
    session.add(row)
    session.flush()
    return row


def ids_for_service(session: Session, tenant_id: str, service_id: str) -> list[str]:
    query = tenant_select(DeploymentRow, tenant_id).where(DeploymentRow.service_id == service_id)
    return [row.id for row in session.scalars(query)]


def remove_for_service(session: Session, tenant_id: str, service_id: str) -> None:
    session.execute(
        delete(DeploymentRow).where(
            DeploymentRow.tenant_id == tenant_id, DeploymentRow.service_id == service_id
        )
    )
