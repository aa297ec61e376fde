"""SQLAlchemy engine, session scope and the declarative base every store builds on.

Stores never query a tenant-owned table without a tenant filter: use :func:`tenant_select`.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, MetaData, Select, String, create_engine, event, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator

from companyos_server.platform.files import private_sqlite_file

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


_id_lock = threading.Lock()
_last_id_value = 0


def new_id(prefix: str) -> str:
    """A time-sortable opaque id (48-bit ms clock + 80 random bits, Crockford base32).

    Monotonic within the process (ULID-style): ids made in the same millisecond increment the
    random part, so "newest first" by id is exact for one writer and never guessable.
    """
    global _last_id_value
    with _id_lock:
        value = (int(time.time() * 1000) << 80) | secrets.randbits(80)
        if value <= _last_id_value:
            value = _last_id_value + 1 + secrets.randbits(16)
        _last_id_value = value
    chars = []
    for _ in range(26):
        chars.append(_CROCKFORD[value & 31])
        value >>= 5
    return f"{prefix}_{''.join(reversed(chars))}"


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC on SQLite, aware UTC elsewhere; always returns aware UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use UTC-aware values")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class epoch_seconds(FunctionElement[int]):
    """Whole seconds since 1970 of a timestamp column, computed by the database: reading millions of
    instants as integers skips parsing each into a ``datetime`` (SQLite stores text)."""

    type = BigInteger()
    inherit_cache = True
    name = "epoch_seconds"


@compiles(epoch_seconds)
def _epoch_seconds_default(element: epoch_seconds, compiler: Any, **kw: Any) -> str:
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})) AS BIGINT)"


@compiles(epoch_seconds, "sqlite")
def _epoch_seconds_sqlite(element: epoch_seconds, compiler: Any, **kw: Any) -> str:
    # SQLAlchemy stores 'YYYY-MM-DD HH:MM:SS.ffffff'; strftime would round the fraction (59.9995 s is the
    # next second), so the first 19 characters go in: truncated, like FLOOR on PostgreSQL.
    return f"CAST(strftime('%s', substr({compiler.process(element.clauses, **kw)}, 1, 19)) AS INTEGER)"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class TenantOwned:
    """Mixin for tables whose every row belongs to exactly one tenant."""

    tenant_id: Mapped[str] = mapped_column(String(64), index=True)


def tenant_select(model: type[Any], tenant_id: str) -> Select[Any]:
    """A SELECT over a tenant-owned model, already filtered to one tenant."""
    if not tenant_id:
        raise ValueError("tenant_id is required for tenant-owned queries")
    return select(model).where(model.tenant_id == tenant_id)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Database:
    """One engine and session factory per process."""

    def __init__(self, url: str) -> None:
        self.url = url
        kwargs: dict[str, Any] = {"future": True}
        if url.startswith("sqlite"):
            path = make_url(url).database
            if path and path != ":memory:" and not path.startswith("file:"):
                private_sqlite_file(path)  # 0600 before SQLite creates it (its -wal/-shm follow)
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs.update(pool_size=10, max_overflow=20, pool_pre_ping=True)
        self.engine: Engine = create_engine(url, **kwargs)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")

    def dispose(self) -> None:
        self.engine.dispose()


def id_column(prefix_len: int = 40) -> Mapped[str]:
    return mapped_column(String(prefix_len), primary_key=True)


def created_at_column() -> Mapped[datetime]:
    return mapped_column(UTCDateTime(), default=utcnow, nullable=False)
