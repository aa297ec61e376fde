"""``auth_failure_counts``: requests refused for a missing or invalid bearer token, per source and window.

One row per (window, source, reason): ``failures`` counts every such request, ``rate_limited`` those of
them answered 429 by the per-address limit. ``source`` is the client address as the identity
provider's throttle counts it (an IPv4 address, or the /64 of an IPv6 one). ``summarized_at`` is set
when the row went into a summary event on the ``_platform`` audit chain. ``key`` is
``<window start, epoch seconds>/<reason>/<source>``, so every worker upserts the same row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from companyos_server.platform.storage import Base, UTCDateTime


class AuthFailureCount(Base):
    __tablename__ = "auth_failure_counts"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, index=True)
    window_seconds: Mapped[int] = mapped_column(Integer, nullable=False)
    source: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    reason: Mapped[str] = mapped_column(String(32), nullable=False)
    failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rate_limited: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    first_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    summarized_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
