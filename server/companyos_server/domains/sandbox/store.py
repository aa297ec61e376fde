"""The record of a seeded sandbox: which demo story, which seed, its clock anchor and digest."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from companyos_server.platform.storage import Base, UTCDateTime, utcnow


class SandboxRow(Base):
    """One per seeded sandbox tenant (kept across resets: it says what a reset restores)."""

    __tablename__ = "sandboxes"

    tenant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    profile: Mapped[str] = mapped_column(String(40), nullable=False)
    seed: Mapped[int] = mapped_column(Integer, nullable=False)
    anchor: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    first_anchor: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    digest: Mapped[str] = mapped_column(String(64), nullable=False)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    skipped: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    seconds: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    seeded_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    reset_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resets: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
