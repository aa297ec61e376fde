"""The shared cache epoch: one row, one integer (see :mod:`companyos_server.platform.cache.epoch`)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer
from sqlalchemy.orm import Mapped, mapped_column

from companyos_server.platform.storage import Base


class CacheEpochRow(Base):
    __tablename__ = "cache_epoch"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
