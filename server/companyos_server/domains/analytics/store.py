"""Analytics metadata in the primary database: the schema registry, per-tenant hashing keys, feed cursors.

The events themselves live in the analytics store (:mod:`.warehouse`), not here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text, UniqueConstraint, select
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
