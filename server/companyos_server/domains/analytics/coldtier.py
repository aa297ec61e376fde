"""The cold tier of the analytics store: events older than ``COMPANYOS_ANALYTICS_HOT_DAYS`` (default 30)
leave a region's hot store (its DuckDB file, or chDB) for Parquet files, and every query still reads them
(:func:`warehouse.events_source`, through :func:`warehouse.scoped`).

Layout of one region partition (hive style, zstd)::

    <var_dir>/analytics/cold/<region>/tenant=<tenant_id>/_manifest.json
    <var_dir>/analytics/cold/<region>/tenant=<tenant_id>/day=<YYYY-MM-DD>/part-<32 hex>.parquet

A tenant's manifest is the list of files readers read: a file it does not list does not exist for a
query. That is what makes a crash harmless (a half-written, uncommitted or replaced file is an orphan the
next pass deletes), so the manifest is replaced atomically (temp file, fsync, rename, fsync of the
directory). It lives beside the files rather than in the engine because chDB has no multi-statement
transactions, and one scheme serves both engines.

Moving one tenant-day (:func:`run_partition`):

1. its rows that the ``daily_usage`` roll-up has already counted (``seq`` at or below the roll-up's
   watermark: the refresh reads the hot store by ``seq``, so it must never need a row that went cold, and
   can never count one twice) are written to a temp file, fsynced, renamed into place and counted back:
   durable, and still invisible;
2. the manifest lists the file as *pending*: readers take its rows only where the event id is not also
   in the hot store;
3. the hot rows are deleted, keyed by the (event_id, seq) pairs read back from that very file;
4. the manifest marks the file settled.

Steps 2-4 run inside ``backend.held()``, as readers do, so a query sees the state before or after them.
A crash after step 1 leaves an orphan file; after 2 or 3, a pending file that the next pass settles by
repeating step 3 (idempotent). No event is lost (the hot copy goes only once a listed file holds it) and
none is counted twice (the pending anti-join, then the delete).

Compaction merges a tenant-day's files into one (each pass may add one, late events another): the merged
table must hold exactly the inputs' row count with unique event ids; it is written like a new file and
checked again, then one manifest swap replaces the inputs, which are unlinked after (a crash in between
leaves orphans, never a duplicate).

A pass holds ``cold/<region>/.lock`` (flock), so with several server processes one tiers a partition
while the others skip their turn; readers never wait for it.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlglot import exp

from companyos_server.domains.analytics.warehouse import COLUMN_NAMES, Backend, Warehouse, arrow_schema
from companyos_server.platform.files import open_private, private_dir

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["ColdFile", "ColdStore", "PassReport", "run", "run_partition"]

log = logging.getLogger("companyos.analytics")

# What may name a directory (whole-string matches): a tenant id the API accepts, never a path ("/", "..").
TENANT_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]{0,63}")
FILE_RE = re.compile(r"day=(\d{4}-\d{2}-\d{2})/part-[0-9a-f]{32}\.parquet")
MANIFEST = "_manifest.json"
# Characters DuckDB's and ClickHouse's file readers take as a pattern (or that end a SQL string).
_PATTERN_CHARS = frozenset("*?[]{},'\\")
KEY_COLUMNS = (("event_id", "VARCHAR", "String"), ("seq", "BIGINT", "Int64"))


class ColdTierError(RuntimeError):
    """A check failed (a count read back differs): the pass stops before it deletes anything."""


@dataclass(frozen=True)
class ColdFile:
    path: str  # relative to the tenant's directory: day=YYYY-MM-DD/part-<hex>.parquet
    day: str
    rows: int
    bytes: int
    min_seq: int
    max_seq: int
    pending: bool = False  # listed, hot copies perhaps not deleted yet (a pass stopped in between)


class ColdStore:
    """One region partition's cold files and the per-tenant manifests that list them."""

    def __init__(self, root: Path | str, region: str) -> None:
        self.dir = Path(root) / region
        if _PATTERN_CHARS & set(str(self.dir)):
            raise ValueError(
                f"the cold tier directory {self.dir} holds a character file readers take as a pattern"
            )

    # -- reading ------------------------------------------------------------------------------------------
    def tenant_dir(self, tenant_id: str) -> Path:
        if not TENANT_RE.fullmatch(tenant_id):
            raise ValueError(f"tenant id {tenant_id!r} cannot name a cold tier directory")
        return self.dir / f"tenant={tenant_id}"

    def files(
        self, tenant_id: str, *, since: date | None = None, until: date | None = None
    ) -> list[ColdFile]:
        """The tenant's listed files (of days in [since, until] when given)."""
        if not TENANT_RE.fullmatch(tenant_id):
            return []  # no directory can hold such a tenant's files
        lo, hi = since.isoformat() if since else "", until.isoformat() if until else "9999"
        return [f for f in self._load(tenant_id) if lo <= f.day <= hi]

    def path_of(self, tenant_id: str, cold_file: ColdFile) -> str:
        """The absolute path of a listed file, which must lie in the tenant's own directory."""
        match = FILE_RE.fullmatch(cold_file.path)
        if match is None or match.group(1) != cold_file.day:
            raise ColdTierError(f"the manifest of tenant {tenant_id} lists a foreign path {cold_file.path!r}")
        return str(self.tenant_dir(tenant_id) / cold_file.path)

    def tenants(self) -> list[str]:
        if not self.dir.is_dir():
            return []
        names = (p.name.removeprefix("tenant=") for p in self.dir.glob("tenant=*") if p.is_dir())
        return sorted(n for n in names if TENANT_RE.fullmatch(n))

    def _load(self, tenant_id: str) -> list[ColdFile]:
        try:
            text = (self.tenant_dir(tenant_id) / MANIFEST).read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        return [ColdFile(**entry) for entry in json.loads(text)["files"]]

    # -- writing (under lock(), by one pass at a time) ----------------------------------------------------
    @contextlib.contextmanager
    def lock(self, *, wait: float = 0.0) -> Iterator[bool]:
        """The partition's pass lock across processes; yields False when another holds it past ``wait``."""
        private_dir(self.dir)
        with open_private(self.dir / ".lock", "ab") as handle:
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        yield False
                        return
                    time.sleep(0.05)
            try:
                yield True
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def write(self, tenant_id: str, day: str, table: pa.Table) -> ColdFile:
        """``table`` as a new Parquet file of the tenant-day: durable and counted back, not yet listed."""
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        directory = private_dir(self.tenant_dir(tenant_id) / f"day={day}")
        name = f"part-{uuid.uuid4().hex}.parquet"
        tmp = directory / f".{name}.tmp"
        try:
            with open_private(tmp, "wb") as handle:
                pq.write_table(table, handle, compression="zstd")
                handle.flush()
                os.fsync(handle.fileno())
            if pq.read_metadata(tmp).num_rows != table.num_rows:
                raise ColdTierError(f"{tmp} does not hold the {table.num_rows} rows written")
            os.replace(tmp, directory / name)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        _fsync_dir(directory)
        _fsync_dir(directory.parent)
        seqs = table.column("seq")
        return ColdFile(
            path=f"day={day}/{name}", day=day, rows=table.num_rows, bytes=(directory / name).stat().st_size,
            min_seq=int(pc.min(seqs).as_py()), max_seq=int(pc.max(seqs).as_py()),
        )  # fmt: skip

    def update(self, tenant_id: str, change: Callable[[list[ColdFile]], list[ColdFile]]) -> None:
        """Replace the tenant's manifest with ``change(files)``, atomically and durably."""
        directory = private_dir(self.tenant_dir(tenant_id))
        files = sorted(change(self._load(tenant_id)), key=lambda f: (f.day, f.path))
        payload = json.dumps(
            {"version": 1, "tenant_id": tenant_id, "files": [asdict(f) for f in files]}, indent=1
        )
        tmp = directory / f".{MANIFEST}.{uuid.uuid4().hex}.tmp"
        try:
            with open_private(tmp, "w") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, directory / MANIFEST)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        _fsync_dir(directory)

    def add(self, tenant_id: str, new: ColdFile) -> None:
        self.update(tenant_id, lambda files: [*files, new])

    def settle(self, tenant_id: str, path: str) -> None:
        self.update(
            tenant_id, lambda files: [replace(f, pending=False) if f.path == path else f for f in files]
        )

    def swap(self, tenant_id: str, gone: set[str], new: ColdFile) -> None:
        """One manifest change: the files at ``gone`` replaced by ``new`` (a compaction)."""
        self.update(tenant_id, lambda files: [*(f for f in files if f.path not in gone), new])

    def remove_orphans(self, tenant_id: str) -> int:
        """Delete what the manifest does not list (files a crash left), and emptied day directories."""
        directory = self.tenant_dir(tenant_id)
        listed = {f.path for f in self._load(tenant_id)}
        removed = 0
        for entry in directory.iterdir():
            if entry.name.startswith(f".{MANIFEST}."):
                entry.unlink()
            if not (entry.is_dir() and entry.name.startswith("day=")):
                continue
            for child in entry.iterdir():
                if child.is_file() and f"{entry.name}/{child.name}" not in listed:
                    child.unlink()
                    removed += 1
            with contextlib.suppress(OSError):
                entry.rmdir()  # only when empty
        return removed


def remove_tenant(backend: Backend, tenant_id: str, *, wait: float = 120.0) -> int:
    """Forget one tenant's cold files (a sandbox reset): its manifest emptied in one swap, so readers stop
    listing them at once, then the files deleted. Under the partition's pass lock, so no pass moves or
    compacts the tenant's rows meanwhile. Returns the rows the files held."""
    cold = getattr(backend, "cold", None)
    if cold is None or not TENANT_RE.fullmatch(tenant_id) or not cold.tenant_dir(tenant_id).is_dir():
        return 0
    with cold.lock(wait=wait) as held:
        if not held:
            raise ColdTierError(f"the cold tier of {cold.dir.name} stayed busy for {wait:.0f} s")
        rows = sum(f.rows for f in cold.files(tenant_id))
        with backend.held():
            cold.update(tenant_id, lambda files: [])
        cold.remove_orphans(tenant_id)
    return rows


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- a pass ---------------------------------------------------------------------------------------------
@dataclass
class PassReport:
    region: str
    moved_files: int = 0
    moved_rows: int = 0
    moved_bytes: int = 0
    compacted_days: int = 0
    compacted_files: int = 0  # small files merged away
    compacted_rows: int = 0
    healed_files: int = 0  # pending files a stopped pass left, settled
    orphans_removed: int = 0
    skipped: str | None = None
    problems: list[str] = field(default_factory=list)  # days left uncompacted, and why

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def run(
    warehouse: Warehouse,
    *,
    older_than_days: int,
    regions: list[str] | None = None,
    today: date | None = None,
    wait: float = 0.0,
    compact: bool = True,
) -> list[PassReport]:
    """One pass over ``regions`` (default: every partition stored). A ClickHouse server has no cold tier
    here (its TTL moves do it): nothing to do."""
    if warehouse.cold_root() is None:
        return []
    return [
        run_partition(
            warehouse.partition(region),
            older_than_days=older_than_days,
            today=today,
            wait=wait,
            compact=compact,
        )
        for region in (regions if regions is not None else warehouse.stored_regions())
    ]


def run_partition(backend: Backend, *, older_than_days: int, today: date | None = None,
                  wait: float = 0.0, compact: bool = True) -> PassReport:  # fmt: skip
    """Settle what a stopped pass left, move the tenant-days older than ``older_than_days`` days before
    ``today`` (UTC), then compact."""
    report = PassReport(backend.region)
    cold = backend.cold
    if cold is None:
        report.skipped = "this engine keeps no cold tier here"
        return report
    cutoff = (today or datetime.now(UTC).date()) - timedelta(days=max(0, older_than_days))
    with cold.lock(wait=wait) as mine:
        if not mine:
            report.skipped = "another process is running a pass on this partition"
            return report
        _heal(backend, cold, report)
        _move(backend, cold, cutoff, report)
        if compact:
            _compact(backend, cold, report)
    return report


def _heal(backend: Backend, cold: ColdStore, report: PassReport) -> None:
    for tenant_id in cold.tenants():
        for pending in (f for f in cold.files(tenant_id) if f.pending):
            with backend.held():
                _delete_hot(backend, cold, tenant_id, pending)
                cold.settle(tenant_id, pending.path)
            report.healed_files += 1
        report.orphans_removed += cold.remove_orphans(tenant_id)


def _move(backend: Backend, cold: ColdStore, cutoff: date, report: PassReport) -> None:
    events = backend.qualify("events")
    due = exp.select("tenant_id", "day").from_(events.copy()).where(exp.column("day") < _date(cutoff))
    _, groups = backend.execute(backend.render(due.group_by("tenant_id", "day").order_by("tenant_id", "day")))
    if not groups:
        return
    from companyos_server.domains.analytics import reports  # reports reads the warehouse: no import cycle

    watermark = int(reports.refresh(backend)["watermark"])  # everything at or below it is rolled up
    schema = arrow_schema()
    for tenant_id, day_value in groups:
        day = str(day_value)[:10]
        if not TENANT_RE.fullmatch(str(tenant_id)):
            log.warning(
                "analytics cold tier: tenant id %r cannot name a directory; its events stay hot", tenant_id
            )
            continue
        rows = (
            exp.select(*COLUMN_NAMES)
            .from_(events.copy())
            .where(_is(tenant_id, day))
            .where(exp.column("seq") <= exp.Literal.number(watermark))
            .order_by("ts", "seq")
        )
        table = backend.fetch_arrow(backend.render(rows))
        if table.num_rows == 0:
            continue
        written = cold.write(tenant_id, day, table.cast(schema))
        with backend.held():
            cold.add(tenant_id, replace(written, pending=True))
            _delete_hot(backend, cold, tenant_id, written)
            cold.settle(tenant_id, written.path)
        report.moved_files += 1
        report.moved_rows += written.rows
        report.moved_bytes += written.bytes


def _compact(backend: Backend, cold: ColdStore, report: PassReport) -> None:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    schema = arrow_schema()
    for tenant_id in cold.tenants():
        by_day: dict[str, list[ColdFile]] = {}
        for f in cold.files(tenant_id):
            if not f.pending:
                by_day.setdefault(f.day, []).append(f)
        for day, small in sorted(by_day.items()):
            if len(small) < 2:
                continue
            paths = [cold.path_of(tenant_id, f) for f in small]
            merged = pa.concat_tables([pq.ParquetFile(p).read().cast(schema) for p in paths])
            expected = sum(f.rows for f in small)
            if (
                merged.num_rows != expected
                or pc.count_distinct(merged.column("event_id")).as_py() != expected
            ):
                # Left for an operator to look at; the other days and tenants are still compacted.
                report.problems.append(
                    f"compaction of tenant {tenant_id} day {day}: {merged.num_rows} rows read, "
                    f"{expected} listed; the files are left as they are"
                )
                continue
            written = cold.write(tenant_id, day, merged.sort_by([("ts", "ascending"), ("seq", "ascending")]))
            gone = {f.path for f in small}
            with backend.held():  # no reader lists the inputs once the swap is done: unlink them at once
                cold.swap(tenant_id, gone, written)
                for path in paths:
                    Path(path).unlink()
            report.compacted_days += 1
            report.compacted_files += len(small)
            report.compacted_rows += expected


def _delete_hot(backend: Backend, cold: ColdStore, tenant_id: str, cold_file: ColdFile) -> None:
    """Delete the hot copies of exactly the rows ``cold_file`` holds (keyed by its own event_id, seq)."""
    keys = exp.select("event_id", "seq").from_(
        backend.read_files([cold.path_of(tenant_id, cold_file)], KEY_COLUMNS)
    )
    key = exp.Tuple(expressions=[exp.column("event_id"), exp.column("seq")])
    where = exp.and_(_is(tenant_id, cold_file.day), exp.In(this=key, query=keys.subquery()))
    backend.command(backend.render(exp.delete(backend.qualify("events"), where=where)))


def _is(tenant_id: str, day: str) -> exp.Condition:
    return exp.and_(
        exp.column("tenant_id").eq(exp.Literal.string(tenant_id)), exp.column("day").eq(_date(day))
    )


def _date(value: date | str) -> exp.Expression:
    text = value if isinstance(value, str) else value.isoformat()
    return exp.cast(exp.Literal.string(text), exp.DataType.build("date"))
