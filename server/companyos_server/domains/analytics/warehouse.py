"""The analytics store: region partitions of a columnar engine, queried through tenant-filtered SQL.

Engines (one interface, :class:`Backend`):

* DuckDB (default): one file per region partition, ``<var_dir>/analytics/<region>.duckdb``.
* ClickHouse via ``clickhouse-connect`` when ``COMPANYOS_ANALYTICS_URL`` is set: one database per region
  (``companyos_analytics_<region>``).
* chDB (ClickHouse in-process), used by the tests to prove every report gives the same answer as DuckDB.

Queries are written once in DuckDB's dialect and rendered per engine with ``sqlglot``. Nothing reaches an
engine without :func:`scoped`: every reference to an analytics table becomes a sub-select filtered to
one tenant, with the tenant id as a quoted literal built by sqlglot (never pasted text).

Events older than ``COMPANYOS_ANALYTICS_HOT_DAYS`` move to a cold tier of Parquet files
(:mod:`~companyos_server.domains.analytics.coldtier`, DuckDB and chDB; a ClickHouse server tiers with its
own TTL moves). :func:`scoped` reads a tenant's ``events`` as its hot rows plus the cold files its
manifest lists, so every query sees both.
"""

from __future__ import annotations

import abc
import contextlib
import json
import logging
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlglot
from sqlglot import exp

if TYPE_CHECKING:
    import pyarrow as pa

    from companyos_server.domains.analytics.coldtier import ColdStore

__all__ = [
    "COLUMNS",
    "TABLES",
    "Backend",
    "ChdbBackend",
    "ClickHouseBackend",
    "DuckDBBackend",
    "Warehouse",
    "events_source",
    "scoped",
]

REGION_RE = re.compile(r"^[a-z][a-z0-9]{1,15}$")

# (name, DuckDB type, ClickHouse type)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("tenant_id", "VARCHAR", "String"),
    ("region", "VARCHAR", "LowCardinality(String)"),
    ("seq", "BIGINT", "Int64"),
    ("event_id", "VARCHAR", "String"),
    ("name", "VARCHAR", "LowCardinality(String)"),
    ("version", "VARCHAR", "String"),
    ("kind", "VARCHAR", "LowCardinality(String)"),
    ("ts", "TIMESTAMP", "DateTime64(3)"),
    ("day", "DATE", "Date"),
    ("received_at", "TIMESTAMP", "DateTime64(3)"),
    ("user_hash", "VARCHAR", "String"),
    ("role", "VARCHAR", "LowCardinality(String)"),
    ("feature", "VARCHAR", "String"),
    ("environment", "VARCHAR", "LowCardinality(String)"),
    ("client_type", "VARCHAR", "LowCardinality(String)"),
    ("app_version", "VARCHAR", "String"),
    ("residency_tier", "VARCHAR", "LowCardinality(String)"),
    ("flags_on", "VARCHAR", "String"),
    ("properties", "VARCHAR", "String"),
    ("latency_ms", "DOUBLE", "Nullable(Float64)"),
    ("good", "BIGINT", "Nullable(Int64)"),
    ("total", "BIGINT", "Nullable(Int64)"),
)
COLUMN_NAMES = tuple(c[0] for c in COLUMNS)

# The materialised roll-up of the canned reports: one row per (tenant, day, user, event, dimensions),
# additive (refreshes append deltas; readers SUM).
ROLLUP_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("tenant_id", "VARCHAR", "String"),
    ("day", "DATE", "Date"),
    ("user_hash", "VARCHAR", "String"),
    ("name", "VARCHAR", "LowCardinality(String)"),
    ("feature", "VARCHAR", "String"),
    ("role", "VARCHAR", "LowCardinality(String)"),
    ("environment", "VARCHAR", "LowCardinality(String)"),
    ("client_type", "VARCHAR", "LowCardinality(String)"),
    ("flags_on", "VARCHAR", "String"),
    ("events", "BIGINT", "Int64"),
)
ROLLUP_DIMENSIONS = tuple(c[0] for c in ROLLUP_COLUMNS if c[0] != "events")

# Tables a query (canned or ad hoc) may name; each is tenant-filtered by `scoped`.
TABLES = ("events", "daily_usage")


# table -> column -> DuckDB type, for typed bulk inserts
_DUCK_TYPES: dict[str, dict[str, str]] = {
    "events": {name: duck for name, duck, _ in COLUMNS},
    "daily_usage": {name: duck for name, duck, _ in ROLLUP_COLUMNS},
    "mv_state": {"view_name": "VARCHAR", "seq": "BIGINT"},
}
_SMALL_INSERT = 500  # rows; larger batches go through Arrow


def arrow_schema(columns: Iterable[tuple[str, str, str]] = COLUMNS) -> pa.Schema:
    """The Arrow schema of ``columns`` (their DuckDB types): what cold Parquet files hold, whatever the
    engine they were read from."""
    import pyarrow as pa

    types = _arrow_types()
    return pa.schema([(name, types[duck]()) for name, duck, _ in columns])


def _arrow_types() -> dict[str, Any]:
    import pyarrow as pa

    return {
        "VARCHAR": pa.string,
        "BIGINT": pa.int64,
        "DOUBLE": pa.float64,
        "DATE": pa.date32,
        "TIMESTAMP": lambda: pa.timestamp("us"),
    }


def _scalar(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="milliseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


class Backend(abc.ABC):
    """One region partition of one engine."""

    dialect = "duckdb"
    region: str
    cold: ColdStore | None = None  # the partition's cold tier (set by Warehouse.partition), if it has one

    @abc.abstractmethod
    def execute(self, sql: str, *, timeout: float | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run one statement; the column names and the rows."""

    def command(self, sql: str) -> None:
        self.execute(sql)

    @abc.abstractmethod
    def insert(self, table: str, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
        """Append ``rows`` (only ``columns`` of each) to ``table``."""

    def qualify(self, table: str) -> exp.Table:
        return exp.to_table(table)

    def render(self, expression: exp.Expression) -> str:
        return expression.sql(dialect=self.dialect)

    def close(self) -> None:
        return None

    def fetch_arrow(self, sql: str) -> pa.Table:
        """Run a query; the rows as an Arrow table with the engine's exact values (for the cold tier)."""
        raise NotImplementedError(f"{type(self).__name__} has no cold tier")

    def read_files(
        self, paths: Sequence[str], columns: Sequence[tuple[str, str, str]] = COLUMNS
    ) -> exp.Expression:
        """A table expression reading ``columns`` of the Parquet files at ``paths`` (absolute, ours)."""
        raise NotImplementedError(f"{type(self).__name__} has no cold tier")

    @contextlib.contextmanager
    def held(self) -> Iterator[Any]:
        """Operations in the block see each other's effects and no other process's in between (where the
        engine can promise it: an embedded file; a server keeps its own consistency)."""
        yield None

    def ensure_schema(self) -> None:
        for table, columns in (("events", COLUMNS), ("daily_usage", ROLLUP_COLUMNS)):
            self.command(self._create_table(table, columns))
        self.command(
            self._create_table("mv_state", (("view_name", "VARCHAR", "String"), ("seq", "BIGINT", "Int64")))
        )

    def _create_table(self, table: str, columns: Iterable[tuple[str, str, str]]) -> str:
        cols = ", ".join(f"{name} {duck}" for name, duck, _ in columns)
        return f"CREATE TABLE IF NOT EXISTS {table} ({cols})"


class DuckDBBackend(Backend):
    """A DuckDB file (or memory). DuckDB lets one process at a time open a file: with several server
    processes (``serve --workers N``) the backend is *shared* — it opens the file for each operation (or
    :meth:`held` block) and closes it after, waiting for another process's turn when the file is busy —
    instead of keeping it open, which would lock the other workers out. One process keeps it open."""

    dialect = "duckdb"

    def __init__(self, path: Path | str, region: str, *, shared: bool = False) -> None:
        import duckdb

        self.region = region
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.shared = shared and self.path != ":memory:"
        self._con: Any = None if self.shared else duckdb.connect(self.path)
        self._lock = threading.RLock()
        self._held: Any = None
        self.ensure_schema()

    @contextlib.contextmanager
    def held(self) -> Iterator[Any]:
        """One connection for the block: in a shared backend the file stays this process's meanwhile, so a
        read-then-write (the ingest's duplicate check and insert) is atomic across processes too."""
        with self._lock:
            if self._con is not None or self._held is not None:
                yield self._con if self._con is not None else self._held
                return
            self._held = _open_when_free(self.path)
            try:
                yield self._held
            finally:
                held, self._held = self._held, None
                held.close()

    def execute(self, sql: str, *, timeout: float | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        with self.held() as con:
            timer = threading.Timer(timeout, con.interrupt) if timeout else None
            if timer:
                timer.start()
            try:
                cursor = con.execute(sql)
                names = [d[0] for d in cursor.description or []]
                rows = [tuple(_scalar(v) for v in row) for row in cursor.fetchall()] if names else []
            finally:
                if timer:
                    timer.cancel()
            return names, rows

    def insert(self, table: str, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
        if not rows:
            return
        types = _DUCK_TYPES[table]
        names = ", ".join(columns)
        if len(rows) <= _SMALL_INSERT:
            # Small batches (the ingest API): typed lists, unnested side by side; no pyarrow import on the
            # request path.
            select = ", ".join(f"unnest(${i + 1}::{types[c]}[])" for i, c in enumerate(columns))
            params = [[r.get(c) for r in rows] for c in columns]
            with self.held() as con:
                con.execute(f"INSERT INTO {table} ({names}) SELECT {select}", params)
            return
        import pyarrow as pa

        arrow_types = _arrow_types()
        schema = pa.schema([(c, arrow_types[types[c]]()) for c in columns])
        batch = pa.Table.from_pylist(list(rows), schema=schema)
        with self.held() as con:
            con.register("_companyos_batch", batch)
            try:
                con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _companyos_batch")  # noqa: S608 (constant names)
            finally:
                con.unregister("_companyos_batch")

    def fetch_arrow(self, sql: str) -> pa.Table:
        with self.held() as con:
            return con.sql(sql).to_arrow_table()

    def read_files(
        self, paths: Sequence[str], columns: Sequence[tuple[str, str, str]] = COLUMNS
    ) -> exp.Expression:
        # hive_partitioning: the day=… directories let DuckDB skip the files a day filter rules out.
        return exp.Table(
            this=exp.Anonymous(
                this="read_parquet",
                expressions=[
                    exp.Array(expressions=[exp.Literal.string(p) for p in paths]),
                    exp.EQ(this=exp.column("hive_partitioning"), expression=exp.true()),
                ],
            )
        )

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()


SHARED_WAIT_SECONDS = 30.0  # how long an operation waits for another process to release the file


def _open_when_free(path: str) -> Any:
    import duckdb

    deadline, pause = time.monotonic() + SHARED_WAIT_SECONDS, 0.005
    while True:
        try:
            return duckdb.connect(path)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)


class _ClickHouseFamily(Backend):
    dialect = "clickhouse"
    database: str

    def _create_table(self, table: str, columns: Iterable[tuple[str, str, str]]) -> str:
        cols = ", ".join(f"{name} {ch}" for name, _, ch in columns)
        order = "(tenant_id, day)" if table != "mv_state" else "view_name"
        return (
            f"CREATE TABLE IF NOT EXISTS {self.database}.{table} ({cols}) ENGINE = MergeTree ORDER BY {order}"
        )

    def qualify(self, table: str) -> exp.Table:
        return exp.to_table(f"{self.database}.{table}")

    def ensure_schema(self) -> None:
        self.command(f"CREATE DATABASE IF NOT EXISTS {self.database}")
        super().ensure_schema()

    @staticmethod
    def _row(row: dict[str, Any], columns: Sequence[str]) -> dict[str, Any]:
        out = {}
        for c in columns:
            v = row.get(c)
            if isinstance(v, datetime):
                v = v.replace(tzinfo=None).isoformat(sep=" ", timespec="milliseconds")
            elif isinstance(v, date):
                v = v.isoformat()
            out[c] = v
        return out


class ChdbBackend(_ClickHouseFamily):
    """ClickHouse in process (chDB): one session per process, one database per region."""

    _sessions: dict[str, Any] = {}
    _session_lock = threading.RLock()

    def __init__(self, path: Path | str, region: str) -> None:
        from chdb import session as chs

        self.region = region
        self.database = f"companyos_analytics_{region}"
        key = str(path)
        with self._session_lock:
            if key not in self._sessions:
                # chDB allows one live session per process: close any other before opening this one.
                for other in list(self._sessions):
                    self._sessions.pop(other).close()
                self._sessions[key] = chs.Session(key)
                # Cold files carry tenant_id and day themselves; chDB's hive-path parsing of tenant=/day=
                # fails on a filter over a column the file also holds ("Unexpected data 't1'").
                self._sessions[key].query("SET use_hive_partitioning = 0")
            self._session = self._sessions[key]
        self.ensure_schema()

    def execute(self, sql: str, *, timeout: float | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        if timeout:
            sql = f"{sql} SETTINGS max_execution_time = {max(1, int(timeout))}"
        with self._session_lock:
            result = self._session.query(sql, "JSONCompact")
        text = result.bytes().decode() if hasattr(result, "bytes") else str(result)
        if not text.strip():
            return [], []
        payload = json.loads(text)
        names = [m["name"] for m in payload.get("meta", [])]
        types = [m["type"] for m in payload.get("meta", [])]
        rows = [tuple(_ch_value(v, t) for v, t in zip(row, types, strict=True)) for row in payload["data"]]
        return names, rows

    def insert(self, table: str, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
        if not rows:
            return
        body = "\n".join(json.dumps(self._row(r, columns)) for r in rows)
        with self._session_lock:
            self._session.query(
                f"INSERT INTO {self.database}.{table} ({', '.join(columns)}) FORMAT JSONEachRow\n{body}"
            )

    @contextlib.contextmanager
    def held(self) -> Iterator[Any]:
        with self._session_lock:
            yield self._session

    def fetch_arrow(self, sql: str) -> pa.Table:
        import pyarrow as pa

        with self._session_lock:
            data = self._session.query(sql, "Arrow").bytes()
        if not data:  # no rows: chDB may answer nothing at all
            return arrow_schema().empty_table()
        return pa.ipc.open_file(pa.py_buffer(data)).read_all()

    def read_files(
        self, paths: Sequence[str], columns: Sequence[tuple[str, str, str]] = COLUMNS
    ) -> exp.Expression:
        # One file() call for all of them: {a,b} alternatives (which may hold "/") under their common
        # directory. The structure names our column types, so hot and cold rows union without casts.
        root = os.path.commonpath(paths) if len(paths) > 1 else paths[0]
        if len(paths) > 1:
            root = f"{root}/{{{','.join(os.path.relpath(p, root) for p in paths)}}}"
        structure = ", ".join(f"{name} {ch}" for name, _, ch in columns)
        return exp.Table(
            this=exp.Anonymous(
                this="file",
                expressions=[
                    exp.Literal.string(root),
                    exp.Literal.string("Parquet"),
                    exp.Literal.string(structure),
                ],
            )
        )

    @classmethod
    def close_all(cls) -> None:
        with cls._session_lock:
            for key in list(cls._sessions):
                cls._sessions.pop(key).close()


def _ch_value(value: Any, ch_type: str) -> Any:
    """JSONCompact quotes 64-bit integers and keeps DateTime64 at its scale: normalise like DuckDB."""
    base = ch_type.removeprefix("Nullable(").removesuffix(")")
    if value is None:
        return None
    if base.startswith(("Int", "UInt")):
        return int(value)
    if base.startswith(("Float", "Decimal")):
        return float(value)
    if base.startswith("DateTime64"):
        text = str(value)
        return text[:23] if "." in text else text + ".000"
    return value


class ClickHouseBackend(_ClickHouseFamily):
    """A ClickHouse server through clickhouse-connect (``COMPANYOS_ANALYTICS_URL``)."""

    def __init__(self, url: str, region: str) -> None:
        import clickhouse_connect

        self.region = region
        self.database = f"companyos_analytics_{region}"
        self._client = clickhouse_connect.get_client(dsn=url)
        self.ensure_schema()

    def command(self, sql: str) -> None:
        self._client.command(sql)

    def execute(self, sql: str, *, timeout: float | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        settings = {"max_execution_time": max(1, int(timeout))} if timeout else None
        result = self._client.query(sql, settings=settings)
        return list(result.column_names), [tuple(_scalar(v) for v in row) for row in result.result_rows]

    def insert(self, table: str, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
        if rows:
            self._client.insert(
                f"{self.database}.{table}",
                [[r.get(c) for c in columns] for r in rows],
                column_names=list(columns),
            )

    def close(self) -> None:
        self._client.close()


def scoped(expression: exp.Expression, tenant_id: str, backend: Backend) -> exp.Expression:
    """Every analytics table in ``expression`` replaced by a sub-select of one tenant's rows.

    Applied to the parsed tree, so nothing a caller wrote can sit outside the filter: a table reference
    anywhere (joins, sub-queries, CTE bodies) reads ``(SELECT * FROM t WHERE tenant_id = '<tenant>')``;
    ``events`` reads :func:`events_source` (the hot rows and the tenant's cold files). Run the rendered
    query inside ``backend.held()`` so the cold files it names cannot be swapped before it reads them.
    """
    tenant = exp.Literal.string(tenant_id)
    events: list[exp.Query] = []  # built once, on the first reference (it reads the tenant's manifest)

    def rewrite(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.Table) and node.name.lower() in TABLES and not node.args.get("db"):
            alias = node.alias or node.name
            if node.name.lower() == "events":
                if not events:
                    events.append(events_source(backend, tenant_id))
                inner = events[0].copy()
            else:
                inner = (
                    exp.select("*")
                    .from_(backend.qualify(node.name.lower()))
                    .where(exp.EQ(this=exp.column("tenant_id"), expression=tenant.copy()))
                )
            return exp.Subquery(this=inner, alias=exp.TableAlias(this=exp.to_identifier(alias)))
        return node

    return expression.copy().transform(rewrite, copy=False)


def events_source(
    backend: Backend, tenant_id: str, *, since: date | None = None, until: date | None = None
) -> exp.Query:
    """One tenant's events: its hot rows, plus (UNION ALL) the rows of the cold files its manifest lists
    (only those of days in [since, until] when given). Both halves keep the ``tenant_id`` predicate, and
    the file paths come from the manifest alone (never from a query), checked to lie in the tenant's
    directory. A file still *pending* (a tiering pass stopped before it deleted the hot copies) gives only
    rows whose event id is not in the hot store, so no event is ever counted twice."""

    def mine() -> exp.Expression:
        return exp.EQ(this=exp.column("tenant_id"), expression=exp.Literal.string(tenant_id))

    files = backend.cold.files(tenant_id, since=since, until=until) if backend.cold else []
    if not files:
        return exp.select("*").from_(backend.qualify("events")).where(mine())
    assert backend.cold is not None
    hot = exp.select(*COLUMN_NAMES).from_(backend.qualify("events")).where(mine())
    cold = (
        exp.select(*COLUMN_NAMES)
        .from_(backend.read_files([backend.cold.path_of(tenant_id, f) for f in files]))
        .where(mine())
    )
    pending = sorted({f.day for f in files if f.pending})
    if pending:
        in_hot = (
            exp.select("event_id")
            .from_(backend.qualify("events"))
            .where(mine())
            .where(
                exp.column("day").isin(
                    *(exp.cast(exp.Literal.string(d), exp.DataType.build("date")) for d in pending)
                )
            )
        )
        cold = cold.where(exp.not_(exp.column("event_id").isin(query=in_hot)))
    return exp.union(hot, cold, distinct=False)


def shared_files() -> bool:
    """Whether other processes open the same DuckDB files: ``serve`` with several workers (it exports
    ``COMPANYOS_WORKERS`` to them), or ``COMPANYOS_ANALYTICS_SHARED=1`` for other layouts."""
    if os.environ.get("COMPANYOS_ANALYTICS_SHARED", "").strip() in ("1", "true", "yes"):
        return True
    workers = os.environ.get("COMPANYOS_WORKERS", "").strip()
    return workers.isdigit() and int(workers) > 1


@dataclass
class Warehouse:
    """The region partitions of one engine, opened on first use."""

    engine: str  # duckdb | chdb | clickhouse
    location: str  # a directory (duckdb, chdb) or a URL (clickhouse)
    shared: bool | None = None  # DuckDB files opened per operation; None: as shared_files() says

    def __post_init__(self) -> None:
        self._partitions: dict[str, Backend] = {}
        self._lock = threading.Lock()
        self.write_lock = threading.RLock()

    @classmethod
    def from_settings(cls, var_dir: Path) -> Warehouse:
        url = os.environ.get("COMPANYOS_ANALYTICS_URL")
        if url:
            return cls("clickhouse", url)
        return cls("duckdb", str(Path(var_dir) / "analytics"))

    def partition(self, region: str) -> Backend:
        if not REGION_RE.match(region):
            raise ValueError(f"invalid region partition {region!r}")
        with self._lock:
            backend = self._partitions.get(region)
            if backend is None:
                if self.engine == "duckdb":
                    path = (
                        ":memory:"
                        if self.location == ":memory:"
                        else str(Path(self.location) / f"{region}.duckdb")
                    )
                    shared = shared_files() if self.shared is None else self.shared
                    backend = DuckDBBackend(path, region, shared=shared)
                elif self.engine == "chdb":
                    backend = ChdbBackend(self.location, region)
                else:
                    backend = ClickHouseBackend(self.location, region)
                root = self.cold_root()
                if root is not None:
                    from companyos_server.domains.analytics.coldtier import ColdStore

                    try:
                        backend.cold = ColdStore(root, region)
                    except ValueError as exc:  # events stay hot rather than the store failing
                        logging.getLogger("companyos.analytics").warning("no cold tier: %s", exc)
                self._partitions[region] = backend
            return backend

    def cold_root(self) -> Path | None:
        """Where the cold tier's files live (``<location>/cold``): embedded engines with a directory only.
        A ClickHouse server cannot read our files; it moves old parts with its own TTL rules instead."""
        if self.engine not in ("duckdb", "chdb") or self.location == ":memory:":
            return None
        return Path(self.location) / "cold"

    def regions(self) -> list[str]:
        with self._lock:
            return sorted(self._partitions)

    def stored_regions(self) -> list[str]:
        """The partitions opened here, plus those on disk (a DuckDB file or a cold directory)."""
        found = set(self.regions())
        if self.location != ":memory:" and self.engine == "duckdb":
            found |= {p.stem for p in Path(self.location).glob("*.duckdb") if REGION_RE.match(p.stem)}
        root = self.cold_root()
        if root is not None and root.is_dir():
            found |= {p.name for p in root.iterdir() if p.is_dir() and REGION_RE.match(p.name)}
        return sorted(found)

    def close(self) -> None:
        with self._lock:
            for backend in self._partitions.values():
                backend.close()
            self._partitions.clear()

    def next_seq(self) -> int:
        return time.time_ns()


def query(
    backend: Backend,
    tenant_id: str,
    sql: str,
    params: dict[str, Any] | None = None,
    *,
    timeout: float | None = None,
) -> list[dict[str, Any]]:
    """Run a canned query (DuckDB dialect, ``:name`` placeholders) for one tenant on ``backend``."""
    tree: Any = sqlglot.parse_one(sql, read="duckdb")
    if params:
        tree = exp.replace_placeholders(tree, **params)
    with backend.held():  # the cold files named stay the ones read (see scoped)
        names, rows = backend.execute(backend.render(scoped(tree, tenant_id, backend)), timeout=timeout)
    return [dict(zip(names, row, strict=True)) for row in rows]
