"""Audit tables: the signed, hash-chained events, one head row per chain, and signed checkpoints.

A chain is a tenant's id, or ``_platform`` for operations outside any tenant. It is stored in
``tenant_id`` so the usual tenant filter (:func:`tenant_select`) applies to audit queries too.
``audit_chain_heads`` holds each chain's last position and hash: an append locks that row for the
few statements that assign its position (row lock on PostgreSQL, so chains never wait on each
other; the database write lock on SQLite). The head row is unsigned, so it only speeds appends up:
``audit_checkpoints`` is what makes a truncated tail (or a deleted chain) detectable. Each
checkpoint signs (chain, size, hash of the event at that size) and links to the previous
checkpoint, and is mirrored to the witness directory (see :mod:`.checkpoints`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, utcnow

PLATFORM_CHAIN = "_platform"
GENESIS_HASH = "0" * 64


class AuditEventRow(TenantOwned, Base):
    __tablename__ = "audit_events"
    __table_args__ = (UniqueConstraint("tenant_id", "position", name="uq_audit_events_chain_position"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, index=True)
    actor: Mapped[str] = mapped_column(String(200), nullable=False)
    actor_kind: Mapped[str] = mapped_column(String(20), nullable=False)
    roles: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    action: Mapped[str] = mapped_column(String(100), nullable=False)
    resource: Mapped[str] = mapped_column(String(300), nullable=False)
    outcome: Mapped[str] = mapped_column(String(10), nullable=False)
    status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    request_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    purpose: Mapped[str | None] = mapped_column(String(200), nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
    signature: Mapped[str] = mapped_column(String(100), nullable=False)
    key_id: Mapped[str] = mapped_column(String(40), nullable=False)


class AuditChainHead(Base):
    __tablename__ = "audit_chain_heads"

    chain: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    hash: Mapped[str] = mapped_column(String(64), nullable=False, default=GENESIS_HASH)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class AuditCheckpointRow(TenantOwned, Base):
    """A signed statement "chain ``tenant_id`` had ``size`` events, the last hashing to ``head_hash``"."""

    __tablename__ = "audit_checkpoints"
    __table_args__ = (UniqueConstraint("tenant_id", "seq", name="uq_audit_checkpoints_chain_seq"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    head_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    key_id: Mapped[str] = mapped_column(String(40), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
    signature: Mapped[str] = mapped_column(String(100), nullable=False)
