"""Data Spine tables: evidence packs (signed manifests) and lineage records with their refs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from companyos_server.platform.storage import Base, TenantOwned, UTCDateTime, utcnow


class EvidencePackRow(TenantOwned, Base):
    __tablename__ = "evidence_packs"
    __table_args__ = (Index("ix_evidence_packs_tenant_subject", "tenant_id", "subject"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    subject: Mapped[str] = mapped_column(String(200), nullable=False)
    manifest: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    # The exact bytes that were signed (canonical JSON of ``manifest``).
    manifest_json: Mapped[str] = mapped_column(Text, nullable=False)
    signature: Mapped[str] = mapped_column(String(120), nullable=False)
    key_id: Mapped[str] = mapped_column(String(40), nullable=False)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class LineageRecordRow(TenantOwned, Base):
    __tablename__ = "lineage_records"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    pack_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    process: Mapped[str] = mapped_column(String(300), nullable=False)
    inputs: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    outputs: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class LineageRefRow(TenantOwned, Base):
    """One row per (record, ref, role): the index that answers "what lineage touches this ref"."""

    __tablename__ = "lineage_refs"
    __table_args__ = (Index("ix_lineage_refs_tenant_ref", "tenant_id", "ref"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    ref: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(10), nullable=False)  # input | output | subject
