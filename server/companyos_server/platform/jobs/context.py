"""What a running job sees: its params, progress reporting and cancellation checkpoints."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from companyos_server.platform.jobs.models import JobRow

if TYPE_CHECKING:
    from companyos_server.platform.storage import Database

__all__ = ["JobCancelled", "JobContext"]

PROGRESS_FLUSH_SECONDS = 0.2


class JobCancelled(Exception):
    """Raised by :meth:`JobContext.checkpoint` when a cancel was requested."""


@dataclass
class JobContext:
    job_id: str
    tenant_id: str
    kind: str
    params: dict[str, Any]
    attempt: int
    created_by: str
    artifact_path: Path
    saved_state: dict[str, Any] | None
    _db: Database = field(repr=False)
    _done: int = 0
    _total: int | None = None
    _dirty: bool = False
    _flushed_at: float = 0.0

    def progress(self, done: int, total: int | None = None) -> None:
        """Report progress (items done of total); written to the jobs table at most every 0.2 s."""
        self._done = int(done)
        if total is not None:
            self._total = int(total)
        self._dirty = True
        if time.monotonic() - self._flushed_at >= PROGRESS_FLUSH_SECONDS:
            self.flush()

    def checkpoint(self, state: dict[str, Any] | None = None) -> None:
        """A safe stopping point: saves progress (and ``state`` for a retry to resume from), then
        raises :class:`JobCancelled` if a cancel was requested."""
        values: dict[str, Any] = {}
        if self._dirty:
            values.update(progress_done=self._done, progress_total=self._total)
        if state is not None:
            values["checkpoint"] = state
            self.saved_state = state
        with self._db.session() as session:
            if values:
                session.execute(update(JobRow).where(JobRow.id == self.job_id).values(**values))
            cancel = session.scalar(select(JobRow.cancel_requested).where(JobRow.id == self.job_id))
        self._dirty, self._flushed_at = False, time.monotonic()
        if cancel:
            raise JobCancelled(self.job_id)

    def flush(self) -> None:
        if not self._dirty:
            return
        with self._db.session() as session:
            session.execute(
                update(JobRow)
                .where(JobRow.id == self.job_id)
                .values(progress_done=self._done, progress_total=self._total)
            )
        self._dirty, self._flushed_at = False, time.monotonic()

    @property
    def done(self) -> int:
        return self._done

    @property
    def total(self) -> int | None:
        return self._total
