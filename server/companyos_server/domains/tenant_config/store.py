"""Tenant configuration versions and feature flags. Every query is tenant-filtered."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String, Text, UniqueConstraint, delete, false, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, tenant_select, utcnow


class ConfigVersionRow(TenantOwned, Base):
    __tablename__ = "tenant_config_versions"
    __table_args__ = (UniqueConstraint("tenant_id", "version", name="uq_tenant_config_versions_version"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    document: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    author: Mapped[str] = mapped_column(String(200), nullable=False)
    message: Mapped[str] = mapped_column(String(500), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class FlagRow(TenantOwned, Base):
    __tablename__ = "tenant_flags"
    __table_args__ = (UniqueConstraint("tenant_id", "key", name="uq_tenant_flags_key"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(63), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    enabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    variants: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    default_variant: Mapped[str | None] = mapped_column(String(63), nullable=True)
    rules: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    override: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # A temporary flag (a release or experiment toggle) is meant to be removed: stale-flag detection
    # (domains/features) reports it. Added by migration 0013_features.
    temporary: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


# -- configuration versions ----------------------------------------------------------------------
def latest(session: Session, tenant_id: str) -> ConfigVersionRow | None:
    query = tenant_select(ConfigVersionRow, tenant_id).order_by(ConfigVersionRow.version.desc()).limit(1)
    return session.scalars(query).first()


def latest_version_number(session: Session, tenant_id: str) -> int:
    query = select(func.max(ConfigVersionRow.version)).where(ConfigVersionRow.tenant_id == tenant_id)
    return int(session.execute(query).scalar() or 0)


def get_version(session: Session, tenant_id: str, version: int) -> ConfigVersionRow | None:
    query = tenant_select(ConfigVersionRow, tenant_id).where(ConfigVersionRow.version == version)
    return session.scalars(query).first()


def versions_page(
    session: Session, tenant_id: str, *, before: int | None, limit: int
) -> list[ConfigVersionRow]:
    query = tenant_select(ConfigVersionRow, tenant_id).order_by(ConfigVersionRow.version.desc()).limit(limit)
    if before is not None:
        query = query.where(ConfigVersionRow.version < before)
    return list(session.scalars(query))


def add_version(session: Session, row: ConfigVersionRow) -> ConfigVersionRow:
    session.add(row)
    session.flush()
    return row


# -- flags ---------------------------------------------------------------------------------------
def get_flag(session: Session, tenant_id: str, key: str) -> FlagRow | None:
    return session.scalars(tenant_select(FlagRow, tenant_id).where(FlagRow.key == key)).first()


def flags_page(session: Session, tenant_id: str, *, after: str | None, limit: int) -> list[FlagRow]:
    query = tenant_select(FlagRow, tenant_id).order_by(FlagRow.key).limit(limit)
    if after:
        query = query.where(FlagRow.key > after)
    return list(session.scalars(query))


def add_flag(session: Session, row: FlagRow) -> FlagRow:
    session.add(row)
    session.flush()
    return row


def remove_flag(session: Session, tenant_id: str, key: str) -> None:
    session.execute(delete(FlagRow).where(FlagRow.tenant_id == tenant_id, FlagRow.key == key))
