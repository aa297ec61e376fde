"""The job queue: rows in the ``jobs`` table are the truth; huey carries ``run(job_id)`` messages.

A running attempt holds a lease: its worker renews ``heartbeat_at`` every third of
``settings.job_lease_seconds``. :meth:`JobQueue.recover_lost` (the worker runs it periodically) finds
running jobs whose lease expired, records "worker lost" and puts them back in the queue as a new attempt
(resuming from their last checkpoint) until ``settings.job_max_attempts``, then fails them. Delivery is
therefore at least once: a job kind must tolerate a repeated attempt (checkpoints make that cheap).

Storage: ``SqliteHuey`` at ``var_dir/jobs.db`` by default, ``RedisHuey`` when
``settings.redis_url`` is set. A job's lifecycle: ``queued → running → succeeded | failed |
cancelled``; ``retry`` puts a failed or cancelled job back to ``queued`` as a new attempt.
Every transition is a conditional UPDATE, so a cancel racing a worker's claim has one winner.
"""

from __future__ import annotations

import builtins
import logging
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from huey import RedisHuey, SqliteHuey
from huey.api import Huey
from huey.consumer import Consumer
from sqlalchemy import and_, or_, select, update

from companyos_server import errors
from companyos_server.platform.files import private_sqlite_file
from companyos_server.platform.jobs import registry
from companyos_server.platform.jobs.context import JobCancelled, JobContext
from companyos_server.platform.jobs.models import STATES, JobRow
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow
from companyos_server.settings import Settings

__all__ = ["DEFAULT_QUEUE_NAME", "JobQueue", "make_huey", "to_dict"]

log = logging.getLogger("companyos.jobs")
DEFAULT_QUEUE_NAME = "companyos"
TASK_NAME = "companyos_run_job"
MAX_ERRORS_KEPT = 20


def make_huey(settings: Settings, name: str = DEFAULT_QUEUE_NAME) -> Huey:
    if settings.redis_url:
        return RedisHuey(name, url=settings.redis_url, results=False, utc=True)
    private_sqlite_file(settings.var_dir / "jobs.db")  # 0600 (it holds job parameters)
    return SqliteHuey(name, filename=str(settings.var_dir / "jobs.db"), results=False, utc=True)


def _seconds(a: datetime, b: datetime) -> float:
    return max((b - a).total_seconds(), 0.0)


def to_dict(row: JobRow, now: datetime | None = None) -> dict[str, Any]:
    """The API shape of a job, with throughput (items/s) and ETA derived from progress and times."""
    now = now or utcnow()
    throughput: float | None = None
    eta: float | None = None
    if row.started_at is not None and row.progress_done > 0:
        elapsed = _seconds(row.started_at, row.finished_at or now)
        if elapsed > 0:
            throughput = round(row.progress_done / elapsed, 3)
    if row.state == "succeeded":
        eta = 0.0
    elif row.state == "running" and throughput and row.progress_total is not None:
        eta = round(max(row.progress_total - row.progress_done, 0) / throughput, 3)
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "kind": row.kind,
        "state": row.state,
        "progress": {"done": row.progress_done, "total": row.progress_total},
        "throughput_per_second": throughput,
        "eta_seconds": eta,
        "errors": list(row.errors or []),
        "result": row.result,
        "created_by": row.created_by,
        "created_at": row.created_at,
        "started_at": row.started_at,
        "finished_at": row.finished_at,
        "attempts": row.attempts,
    }


class _ThreadConsumer(Consumer):
    """A consumer started from any thread: no signal handlers (those belong to the main thread)."""

    def _set_signal_handlers(self) -> None:
        pass


class JobQueue:
    def __init__(self, settings: Settings, db: Database, *, name: str = DEFAULT_QUEUE_NAME) -> None:
        self.settings = settings
        self.db = db
        self.name = name
        self.huey = make_huey(settings, name)
        self.backend = "redis" if settings.redis_url else "sqlite"
        self._task = self.huey.task(name=TASK_NAME, retries=0)(self._execute)
        self._consumer: Consumer | None = None
        self._lock = threading.Lock()
        self.artifacts_dir = Path(settings.var_dir) / "jobs" / "artifacts"

    # -- producing -------------------------------------------------------------------------
    def submit(
        self, tenant_id: str, kind: str, params: dict[str, Any] | None, created_by: str
    ) -> dict[str, Any]:
        if not tenant_id:
            raise ValueError("tenant_id is required")
        if registry.get_kind(kind) is None:
            raise errors.invalid_argument(f"Unknown job kind '{kind}'.")
        job_id = new_id("job")
        task = self._task.s(job_id)
        row = JobRow(
            id=job_id,
            tenant_id=tenant_id,
            kind=kind,
            state="queued",
            progress_done=0,
            progress_total=None,
            created_by=created_by,
            created_at=utcnow(),
            attempts=0,
            errors=[],
            result=None,
            cancel_requested=False,
            params=dict(params or {}),
            task_id=task.id,
        )
        with self.db.session() as session:
            session.add(row)
            session.flush()
            out = to_dict(row)
        self.huey.enqueue(task)  # after commit: the worker must find the row
        return out

    def get(self, tenant_id: str, job_id: str) -> dict[str, Any]:
        with self.db.session() as session:
            return to_dict(self._row(session, tenant_id, job_id))

    def list(
        self,
        tenant_id: str,
        *,
        state: str | None = None,
        kind: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> Page[dict[str, Any]]:
        """A page of the tenant's jobs, newest first."""
        if state is not None and state not in STATES:
            raise errors.invalid_argument(
                f"Unknown job state '{state}'.",
                [errors.FieldError("state", f"must be one of {', '.join(STATES)}")],
            )

        def fetch(after: str | None, limit: int) -> list[JobRow]:
            query = tenant_select(JobRow, tenant_id)
            if state:
                query = query.where(JobRow.state == state)
            if kind:
                query = query.where(JobRow.kind == kind)
            if after:
                query = query.where(JobRow.id < after)
            return list(session.scalars(query.order_by(JobRow.id.desc()).limit(limit)))

        with self.db.session() as session:
            page = paginate(
                fetch,
                key=lambda r: r.id,
                page_size=page_size,
                page_token=page_token,
                filters={"tenant": tenant_id, "state": state, "kind": kind},
            )
            now = utcnow()
            return Page([to_dict(r, now) for r in page.items], page.next_page_token)

    def cancel(self, tenant_id: str, job_id: str) -> dict[str, Any]:
        """Queued: cancelled at once. Running: flagged; it stops at its next checkpoint."""
        revoke: str | None = None
        with self.db.session() as session:
            row = self._row(session, tenant_id, job_id, for_update=True)
            if row.state == "queued":
                row.state, row.cancel_requested, row.finished_at = "cancelled", True, utcnow()
                revoke = row.task_id
            elif row.state == "running":
                row.cancel_requested = True
            else:
                raise errors.failed_precondition(
                    f"Job '{job_id}' is {row.state}; only queued or running jobs can be cancelled."
                )
            session.flush()
            out = to_dict(row)
        if revoke:
            try:
                self.huey.revoke_by_id(revoke, revoke_once=True)
            except Exception:  # the row's state already keeps the worker away
                log.warning("could not revoke huey task %s of job %s", revoke, job_id, exc_info=True)
        return out

    def retry(self, tenant_id: str, job_id: str) -> dict[str, Any]:
        """A failed or cancelled job goes back to the queue as a new attempt (same id)."""
        task = self._task.s(job_id)
        with self.db.session() as session:
            row = self._row(session, tenant_id, job_id, for_update=True)
            if row.state not in ("failed", "cancelled"):
                raise errors.failed_precondition(
                    f"Job '{job_id}' is {row.state}; only failed or cancelled jobs can be retried."
                )
            row.state, row.cancel_requested = "queued", False
            row.started_at, row.finished_at, row.result = None, None, None
            row.progress_done = 0
            row.task_id = task.id
            session.flush()
            out = to_dict(row)
        self.huey.enqueue(task)
        return out

    def artifact(self, tenant_id: str, job_id: str) -> tuple[Path, str]:
        """(path, media type) of a succeeded job's downloadable result."""
        job = self.get(tenant_id, job_id)
        meta = (job.get("result") or {}).get("artifact")
        if job["state"] != "succeeded" or not meta:
            raise errors.failed_precondition(f"Job '{job_id}' has no artifact (state {job['state']}).")
        path = self.artifact_path(tenant_id, job_id)
        if not path.exists():
            raise errors.not_found("Artifact of job", job_id)
        return path, str(meta.get("media_type", "application/octet-stream"))

    def artifact_path(self, tenant_id: str, job_id: str) -> Path:
        return self.artifacts_dir / tenant_id / job_id

    def ping(self) -> str:
        """Readiness: the queue backend answers. Returns the backend's name."""
        storage = self.huey.storage
        if self.backend == "redis":
            storage.conn.ping()
        else:
            storage.queue_size()
        return self.backend

    def pending(self) -> int:
        return int(self.huey.pending_count())

    # -- consuming -------------------------------------------------------------------------
    def start_worker_thread(self, workers: int = 2) -> None:
        """Run an in-process consumer (worker threads) until :meth:`stop_worker`."""
        with self._lock:
            if self._consumer is not None:
                return
            registry.load_kinds()
            consumer = _ThreadConsumer(
                self.huey,
                workers=workers,
                periodic=False,
                initial_delay=0.05,
                backoff=1.2,
                max_delay=0.5,
                worker_type="thread",
                check_worker_health=False,
                shutdown_timeout=30,
            )
            consumer.start()
            self._consumer = consumer

    def stop_worker(self) -> None:
        with self._lock:
            consumer, self._consumer = self._consumer, None
        if consumer is not None:
            consumer.stop(graceful=True)

    def run_worker(self, workers: int = 2) -> None:
        """A standalone consumer in the foreground (signals: INT graceful, TERM immediate)."""
        registry.load_kinds()
        self.huey.create_consumer(workers=workers, periodic=False, max_delay=1.0, worker_type="thread").run()

    def run_now(self, job_id: str) -> None:
        """Execute a queued job in the calling thread (tests, CLIs)."""
        self._execute(job_id)

    # -- executing -------------------------------------------------------------------------
    def _execute(self, job_id: str) -> None:
        now = utcnow()
        with self.db.session() as session:
            claimed = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.state == "queued")
                .values(state="running", started_at=now, heartbeat_at=now, attempts=JobRow.attempts + 1)
            ).rowcount  # type: ignore[attr-defined]  # an UPDATE returns a CursorResult
            row = session.get(JobRow, job_id) if claimed else None
            if row is None:
                log.info("job %s is no longer queued; skipping", job_id)
                return
            ctx = JobContext(
                job_id=row.id,
                tenant_id=row.tenant_id,
                kind=row.kind,
                params=dict(row.params or {}),
                attempt=row.attempts,
                created_by=row.created_by,
                artifact_path=self.artifact_path(row.tenant_id, row.id),
                saved_state=row.checkpoint,
                _db=self.db,
            )
        fn = registry.get_kind(ctx.kind)
        lease = _Lease(self.db, ctx.job_id, ctx.attempt, self.settings.job_lease_seconds / 3)
        try:
            if fn is None:
                raise LookupError(f"no job kind {ctx.kind!r} is registered in this worker")
            with lease:
                result = fn(ctx)
            ctx.flush()
        except JobCancelled:
            self._finish(ctx, "cancelled")
        except Exception as exc:
            log.exception("job %s (%s) failed", job_id, ctx.kind)
            self._finish(ctx, "failed", error=f"{type(exc).__name__}: {exc}")
        else:
            self._finish(ctx, "succeeded", result=result if isinstance(result, dict) else None)

    def _finish(
        self, ctx: JobContext, state: str, *, result: dict[str, Any] | None = None, error: str | None = None
    ) -> None:
        with self.db.session() as session:
            row = session.get(JobRow, ctx.job_id, with_for_update=True)
            if row is None or row.state != "running" or row.attempts != ctx.attempt:
                return  # cancelled, or declared lost and taken over by a newer attempt
            row.state, row.finished_at = state, utcnow()
            row.progress_done = ctx.done
            if ctx.total is not None:
                row.progress_total = ctx.total
            if state == "succeeded":
                row.result = result
                row.checkpoint = None
                if row.progress_total is None:
                    row.progress_total = row.progress_done
            if error:
                row.errors = [*(row.errors or []), {"message": error[:2000], "at": utcnow().isoformat()}][
                    -MAX_ERRORS_KEPT:
                ]

    # -- lost workers ----------------------------------------------------------------------
    def recover_lost(self, now: datetime | None = None) -> builtins.list[dict[str, Any]]:
        """Running jobs whose worker stopped renewing the lease: requeued, or failed after the last
        allowed attempt. Platform-wide (a worker serves every tenant). Returns the jobs it changed."""
        now = now or utcnow()
        cutoff = now - timedelta(seconds=self.settings.job_lease_seconds)
        expired = or_(
            JobRow.heartbeat_at < cutoff, and_(JobRow.heartbeat_at.is_(None), JobRow.started_at < cutoff)
        )
        with self.db.session() as session:
            lost = list(
                session.scalars(
                    select(JobRow.id).where(
                        JobRow.state == "running",
                        expired,
                        JobRow.kind.not_in(registry.self_recovering_kinds()),
                    )
                )
            )
        changed = []
        for job_id in lost:
            task = self._task.s(job_id)
            with self.db.session() as session:
                row = session.get(JobRow, job_id, with_for_update=True)
                if (
                    row is None
                    or row.state != "running"
                    or not session.scalar(select(JobRow.id).where(JobRow.id == job_id, expired))
                ):
                    continue  # finished, or renewed, since the scan
                since = (row.heartbeat_at or row.started_at or now).isoformat()
                message = f"worker lost: attempt {row.attempts} renewed no lease since {since}"
                row.errors = [*(row.errors or []), {"message": message, "at": now.isoformat()}][
                    -MAX_ERRORS_KEPT:
                ]
                if row.attempts < self.settings.job_max_attempts:
                    row.state, row.started_at, row.heartbeat_at = "queued", None, None
                    row.task_id = task.id
                else:
                    row.state, row.finished_at = "failed", now
                session.flush()
                out = to_dict(row)
            if out["state"] == "queued":
                self.huey.enqueue(task)
            log.warning("job %s (%s): %s; now %s", job_id, out["kind"], message, out["state"])
            changed.append(out)
        return changed

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _row(session: Any, tenant_id: str, job_id: str, *, for_update: bool = False) -> JobRow:
        query = tenant_select(JobRow, tenant_id).where(JobRow.id == job_id)
        if for_update:
            query = query.with_for_update()
        row = session.scalars(query).one_or_none()
        if row is None:
            raise errors.not_found("Job", job_id)
        return row


class _Lease:
    """Renews a running attempt's heartbeat from a daemon thread while the job function runs."""

    def __init__(self, db: Database, job_id: str, attempt: int, interval: float) -> None:
        self._db, self._job_id, self._attempt, self._interval = db, job_id, attempt, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._renew, name=f"lease-{job_id}", daemon=True)

    def __enter__(self) -> _Lease:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _renew(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                with self._db.session() as session:
                    session.execute(
                        update(JobRow)
                        .where(
                            JobRow.id == self._job_id,
                            JobRow.state == "running",
                            JobRow.attempts == self._attempt,
                        )
                        .values(heartbeat_at=utcnow())
                    )
            except Exception:  # a missed renewal is retried next interval; the lease has slack
                log.warning("could not renew the lease of job %s", self._job_id, exc_info=True)
