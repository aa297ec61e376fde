"""Service catalog tables: services and their ``depends_on`` edges. Every query is tenant-filtered."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeAlias

from sqlalchemy import JSON, Integer, Row, String, Text, UniqueConstraint, cast, delete, func, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, tenant_select, utcnow


class ServiceRow(TenantOwned, Base):
    __tablename__ = "services"
    __table_args__ = (UniqueConstraint("tenant_id", "name", name="uq_services_tenant_name"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(63), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    owner_team: Mapped[str] = mapped_column(String(100), nullable=False, index=True)
    owner_contact: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    tier: Mapped[str] = mapped_column(String(10), nullable=False)
    environments: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    runbooks: Mapped[list[dict[str, str]]] = mapped_column(JSON, nullable=False, default=list)
    data_locations: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    slo: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    labels: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    revision: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # A security playbook's isolation (domains/secops/controls.py): deployments and flag changes refused.
    isolated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    isolation_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class ServiceDependencyRow(TenantOwned, Base):
    __tablename__ = "service_dependencies"
    __table_args__ = (
        UniqueConstraint("tenant_id", "service_id", "depends_on_id", name="uq_service_dependencies_edge"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    service_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    depends_on_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


# A service as shaping reads it: an ORM row, or a Core row of the same columns (list pages).
ServiceRecord: TypeAlias = ServiceRow | Row[Any]


def get(session: Session, tenant_id: str, service_id: str) -> ServiceRow | None:
    return session.scalars(tenant_select(ServiceRow, tenant_id).where(ServiceRow.id == service_id)).first()


def get_by_name(session: Session, tenant_id: str, name: str) -> ServiceRow | None:
    return session.scalars(tenant_select(ServiceRow, tenant_id).where(ServiceRow.name == name)).first()


def get_many(session: Session, tenant_id: str, ids: Sequence[str]) -> dict[str, ServiceRow]:
    if not ids:
        return {}
    rows = session.scalars(tenant_select(ServiceRow, tenant_id).where(ServiceRow.id.in_(list(ids))))
    return {row.id: row for row in rows}


def list_page(
    session: Session,
    tenant_id: str,
    *,
    after: str | None,
    limit: int,
    owner: str | None = None,
    tier: str | None = None,
    name_prefix: str | None = None,
    environment: str | None = None,
) -> list[ServiceRecord]:
    """One page ordered by name (unique per tenant).

    ``environment`` narrows in SQL to rows whose JSON list text holds the quoted name: portable to both
    databases, and no row is missed, as the fixed environment names are plain ASCII that JSON always
    writes verbatim in quotes. The service still checks each row's list, so a row matched by the text
    alone (SQLite's LIKE ignores case) is dropped there rather than listed.

    Plain rows of the table's columns, not ORM objects: a list page only reads them, and skipping the
    identity map and attribute instrumentation is most of the cost of a large page.
    """
    columns = ServiceRow.__table__.columns
    query = (
        tenant_select(ServiceRow, tenant_id)
        .with_only_columns(*columns)
        .order_by(ServiceRow.name)
        .limit(limit)
    )
    if after:
        query = query.where(ServiceRow.name > after)
    if owner:
        query = query.where(ServiceRow.owner_team == owner)
    if tier:
        query = query.where(ServiceRow.tier == tier)
    if name_prefix:
        # An exact, case-sensitive prefix on both databases (LIKE is case-insensitive on SQLite).
        query = query.where(func.substr(ServiceRow.name, 1, len(name_prefix)) == name_prefix)
    if environment:
        text = cast(ServiceRow.environments, String)
        query = query.where(text.contains(f'"{environment}"', autoescape=True))
    return list(session.execute(query))


def all_services(session: Session, tenant_id: str) -> list[ServiceRow]:
    return list(session.scalars(tenant_select(ServiceRow, tenant_id).order_by(ServiceRow.name)))


def add(session: Session, row: ServiceRow) -> ServiceRow:
    session.add(row)
    session.flush()
    return row


def edges(session: Session, tenant_id: str) -> list[ServiceDependencyRow]:
    query = tenant_select(ServiceDependencyRow, tenant_id).order_by(
        ServiceDependencyRow.service_id, ServiceDependencyRow.depends_on_id
    )
    return list(session.scalars(query))


def dependencies_of(session: Session, tenant_id: str, service_id: str) -> list[str]:
    return dependencies_of_many(session, tenant_id, [service_id])[service_id]


def dependencies_of_many(
    session: Session, tenant_id: str, service_ids: Sequence[str]
) -> dict[str, list[str]]:
    """Each service's ``depends_on`` ids (sorted) for a whole page, in one query of two columns."""
    found: dict[str, list[str]] = {service_id: [] for service_id in service_ids}
    if not found:
        return found
    query = (
        select(ServiceDependencyRow.service_id, ServiceDependencyRow.depends_on_id)
        .where(
            ServiceDependencyRow.tenant_id == tenant_id,
            ServiceDependencyRow.service_id.in_(list(found)),
        )
        .order_by(ServiceDependencyRow.depends_on_id)
    )
    for service_id, depends_on_id in session.execute(query):
        found[service_id].append(depends_on_id)
    return found


def dependents_of(session: Session, tenant_id: str, service_id: str) -> list[str]:
    query = (
        tenant_select(ServiceDependencyRow, tenant_id)
        .where(ServiceDependencyRow.depends_on_id == service_id)
        .order_by(ServiceDependencyRow.service_id)
    )
    return [row.service_id for row in session.scalars(query)]


def add_edge(session: Session, row: ServiceDependencyRow) -> None:
    session.add(row)
    session.flush()


def remove_edge(session: Session, tenant_id: str, service_id: str, depends_on_id: str) -> None:
    session.execute(
        delete(ServiceDependencyRow).where(
            ServiceDependencyRow.tenant_id == tenant_id,
            ServiceDependencyRow.service_id == service_id,
            ServiceDependencyRow.depends_on_id == depends_on_id,
        )
    )


def remove(session: Session, tenant_id: str, service_id: str) -> None:
    session.execute(
        delete(ServiceDependencyRow).where(
            ServiceDependencyRow.tenant_id == tenant_id,
            or_(
                ServiceDependencyRow.service_id == service_id,
                ServiceDependencyRow.depends_on_id == service_id,
            ),
        )
    )
    session.execute(delete(ServiceRow).where(ServiceRow.tenant_id == tenant_id, ServiceRow.id == service_id))
