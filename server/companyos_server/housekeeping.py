"""Retention: trims the tables that only grow, in bounded batches.

Every edge decision, every idempotent POST and every revoked token id adds a row. Each owner declares
what may go in a ``retention.py`` beside its models (``platform/*/retention.py``,
``domains/*/retention.py``, ``core/*/retention.py``) exposing ``SWEEPS``: a list of :class:`Sweep`.
Audit events are never swept: the hash chain is the record.

``companyos-server housekeeping`` runs one pass (for cron); ``companyos-server worker`` runs one every
``COMPANYOS_HOUSEKEEPING_INTERVAL_SECONDS``.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import pkgutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import InstrumentedAttribute

import companyos_server.core
import companyos_server.domains
import companyos_server.platform
from companyos_server.platform.storage import Database, utcnow
from companyos_server.settings import Settings

log = logging.getLogger("companyos.housekeeping")

BATCH_SIZE = 5000  # rows per DELETE: keeps each transaction (and SQLite's write lock) short


@dataclass(frozen=True)
class Sweep:
    """Rows of one table that may go: ``expired(settings, now)`` is the WHERE clause selecting them."""

    name: str
    key: InstrumentedAttribute[str]  # the primary key column, for batched deletes
    expired: Callable[[Settings, datetime], ColumnElement[bool]]


def sweeps() -> list[Sweep]:
    """Every ``SWEEPS`` declared in a ``retention.py`` of the platform, the domains and the cores."""
    found: list[Sweep] = []
    for package in (companyos_server.platform, companyos_server.domains, companyos_server.core):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            if info.ispkg and importlib.util.find_spec(info.name + ".retention") is not None:
                found.extend(importlib.import_module(info.name + ".retention").SWEEPS)
    return sorted(found, key=lambda s: s.name)


def run_sweep(
    db: Database, settings: Settings, sweep: Sweep, now: datetime, batch_size: int = BATCH_SIZE
) -> int:
    table = sweep.key.class_
    removed = 0
    while True:
        with db.session() as session:
            ids = list(
                session.scalars(select(sweep.key).where(sweep.expired(settings, now)).limit(batch_size))
            )
            if ids:
                session.execute(delete(table).where(sweep.key.in_(ids)))
        removed += len(ids)
        if len(ids) < batch_size:
            return removed


def run_housekeeping(
    db: Database, settings: Settings, *, now: datetime | None = None, batch_size: int = BATCH_SIZE
) -> dict[str, int]:
    """One pass over every sweep: rows removed, by sweep name. A failing sweep does not stop the rest."""
    now = now or utcnow()
    removed: dict[str, int] = {}
    for sweep in sweeps():
        try:
            removed[sweep.name] = run_sweep(db, settings, sweep, now, batch_size)
        except Exception:
            log.exception("housekeeping sweep %s failed", sweep.name)
            removed[sweep.name] = -1
    log.info("housekeeping pass", extra={"removed": removed})
    return removed


def start_housekeeping_thread(db: Database, settings: Settings, stop: threading.Event) -> threading.Thread:
    """A daemon thread running a pass now and then every interval, until ``stop`` is set."""

    def loop() -> None:
        while not stop.is_set():
            run_housekeeping(db, settings)
            stop.wait(settings.housekeeping_interval_seconds)

    thread = threading.Thread(target=loop, name="housekeeping", daemon=True)
    thread.start()
    return thread
