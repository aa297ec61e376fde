"""The cold Parquet tier (coldtier.py): every report reads hot and cold with the same numbers, on DuckDB and on
chDB alike, through crashes, compaction and other tenants' files.

The fixture's March 2026 events (fixtures.py) are tiered as of 2026-03-05 with no hot days, so days 01-04
go cold and 08 and 10 stay hot: data partly in each tier. Loading in two batches with a pass after each
leaves days 01 and 02 with two small files apiece for compaction.
"""

# ruff: noqa: S608 -- the SQL strings are constants of this module

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from companyos_server import errors
from companyos_server.domains.analytics import adhoc, coldtier, ingest, reports
from companyos_server.domains.analytics.warehouse import (
    Backend,
    ChdbBackend,
    Warehouse,
    events_source,
    scoped,
)
from tests.unit.analytics.fixtures import FU, LEAK_MARKERS, PV, RE, T1, T2, load, row
from tests.unit.analytics.test_reports import strip

TODAY = date(2026, 3, 5)  # tier days 01-04; 08 and 10 stay hot
SINCE, UNTIL = date(2026, 3, 1), date(2026, 3, 8)

REPORTS: list[Callable[[Backend], Any]] = [
    lambda b: reports.adoption(b, "t1", feature="x", days=8, until=UNTIL, by="flag_state", flag="x"),
    lambda b: reports.adoption(b, "t1", feature="x", days=8, until=UNTIL, source="raw"),
    lambda b: reports.adoption(b, "t1", feature="y", days=30, until=UNTIL, by="role"),
    lambda b: reports.active_users(b, "t1", days=10, until=UNTIL),
    lambda b: reports.active_users(b, "t1", days=10, until=UNTIL, source="raw"),
    lambda b: reports.retention(b, "t1", start_event=FU, return_event=FU, since=SINCE, until=UNTIL),
    lambda b: reports.retention(b, "t1", start_event=FU, return_event=FU, since=SINCE, until=UNTIL, mode="unbounded",
                                source="raw"),
    lambda b: reports.retention(b, "t1", start_event=PV, return_event=FU, since=SINCE, until=UNTIL, periods=30,
                                mode="cumulative", breakdown="role"),
    lambda b: reports.funnel(b, "t1", steps=[PV, FU, RE], since=SINCE, until=UNTIL),
    lambda b: reports.ops_kpis(b, "t1", days=10, until=UNTIL),
    lambda b: reports.ops_kpis(b, "t2", days=10, until=UNTIL),
    lambda b: adhoc.run(b, "t1", "SELECT name, day, count(*) AS n, sum(latency_ms) AS ms FROM events "
                                 "GROUP BY name, day ORDER BY name, day"),
    lambda b: adhoc.run(b, "t1", "SELECT event_id, ts, received_at, properties FROM events ORDER BY event_id"),
]  # fmt: skip


def numbers(backend: Backend) -> list[Any]:
    """Every report's numbers (not its clocks, nor the ad-hoc result's dialect)."""
    return [{k: v for k, v in strip(call(backend)).items() if k != "dialect"} for call in REPORTS]


def make(engine: str, folder: Path) -> Warehouse:
    return Warehouse(engine, str(folder / engine))


@pytest.fixture(params=["duckdb", "chdb"])
def engine(request: pytest.FixtureRequest) -> Iterator[str]:
    yield request.param
    ChdbBackend.close_all()


@pytest.fixture
def baseline(engine: str, tmp_path: Path) -> list[Any]:
    """The numbers with every event hot."""
    warehouse = make(engine, tmp_path / "hot")
    load(warehouse)
    try:
        return numbers(warehouse.partition("eu"))
    finally:
        warehouse.close()


def tier(warehouse: Warehouse, *, compact: bool = True) -> coldtier.PassReport:
    (report,) = coldtier.run(warehouse, older_than_days=0, today=TODAY, compact=compact)
    return report


def load_in_two_tiered_batches(warehouse: Warehouse, *, compact: bool = True) -> None:
    ingest.write(warehouse, "eu", [dict(r) for r in T1[:8]])
    tier(warehouse, compact=compact)
    ingest.write(warehouse, "eu", [dict(r) for r in T1[8:] + T2])
    tier(warehouse, compact=compact)


def hot_count(backend: Backend, tenant: str | None = None) -> int:
    where = f" WHERE tenant_id = '{tenant}'" if tenant else ""
    return int(
        backend.execute(f"SELECT count(*) FROM {backend.render(backend.qualify('events'))}{where}")[1][0][0]
    )


def listed(backend: Backend, tenant: str = "t1") -> list[coldtier.ColdFile]:
    assert backend.cold is not None
    return backend.cold.files(tenant)


def test_reports_are_the_same_before_tiering_after_it_and_after_compaction(
    engine: str, tmp_path: Path, baseline: list[Any]
) -> None:
    warehouse = make(engine, tmp_path)
    load_in_two_tiered_batches(warehouse, compact=False)
    backend = warehouse.partition("eu")
    days = [f.day for f in listed(backend)]
    assert days == ["2026-03-01", "2026-03-01", "2026-03-02", "2026-03-02", "2026-03-03"]
    assert hot_count(backend, "t1") == 3 and hot_count(backend, "t2") == 0  # days 08 and 10 only
    assert numbers(backend) == baseline

    report = tier(warehouse)
    assert (report.compacted_days, report.compacted_files, report.moved_rows) == (2, 4, 0)
    assert [f.day for f in listed(backend)] == ["2026-03-01", "2026-03-02", "2026-03-03"]
    assert numbers(backend) == baseline
    warehouse.close()


def test_duckdb_and_chdb_agree_on_every_prebuilt_report_with_a_cold_tier(tmp_path: Path) -> None:
    duck, ch = make("duckdb", tmp_path), make("chdb", tmp_path)
    try:
        for warehouse in (duck, ch):
            load_in_two_tiered_batches(warehouse, compact=False)
        assert numbers(duck.partition("eu")) == numbers(ch.partition("eu"))
        for warehouse in (duck, ch):
            tier(warehouse)
        assert numbers(duck.partition("eu")) == numbers(ch.partition("eu"))
    finally:
        duck.close()
        ch.close()
        ChdbBackend.close_all()


class Crash(BaseException):
    """The process dies here (nothing after it runs, no handler catches it)."""


def test_a_crash_between_the_parquet_write_and_the_hot_delete_duplicates_nothing(
    engine: str, tmp_path: Path, baseline: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = make(engine, tmp_path)
    load(warehouse)
    backend = warehouse.partition("eu")
    hot_before = hot_count(backend)

    def crash(*_: Any) -> None:
        raise Crash

    monkeypatch.setattr(coldtier, "_delete_hot", crash)
    with pytest.raises(Crash):
        tier(warehouse)
    # The first tenant-day's file is written and listed (pending), and its rows are still hot.
    (pending,) = listed(backend)
    assert pending.pending and hot_count(backend) == hot_before
    assert numbers(backend) == baseline  # read once, not twice
    assert ingest.write(warehouse, "eu", [dict(T1[0])]) == 0

    monkeypatch.undo()
    report = tier(warehouse)
    assert report.healed_files == 1 and not any(f.pending for f in listed(backend))
    assert hot_count(backend) == hot_before - report.moved_rows - pending.rows
    assert numbers(backend) == baseline
    warehouse.close()


def test_a_crash_before_the_manifest_lists_a_file_leaves_an_orphan_the_next_pass_removes(
    engine: str, tmp_path: Path, baseline: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = make(engine, tmp_path)
    load(warehouse)
    backend = warehouse.partition("eu")
    assert backend.cold is not None

    def crash(*_: Any) -> None:
        raise Crash

    monkeypatch.setattr(coldtier.ColdStore, "update", crash)
    with pytest.raises(Crash):
        tier(warehouse)
    assert len(list(backend.cold.dir.rglob("*.parquet"))) == 1 and listed(backend) == []
    assert numbers(backend) == baseline

    monkeypatch.undo()
    report = tier(warehouse)
    assert report.orphans_removed == 1
    assert sorted(str(p) for p in backend.cold.dir.rglob("*.parquet")) == sorted(
        backend.cold.path_of(t, f) for t in ("t1", "t2") for f in listed(backend, t)
    )
    assert numbers(backend) == baseline
    warehouse.close()


def test_compaction_merges_small_files_into_one_with_the_same_rows(engine: str, tmp_path: Path) -> None:
    warehouse = make(engine, tmp_path)
    backend = warehouse.partition("eu")
    assert backend.cold is not None
    batches = [[row("t1", FU, user, "02", hour) for user in "abc"] for hour in (8, 9, 10)]
    for batch in batches:
        ingest.write(warehouse, "eu", batch)
        tier(warehouse, compact=False)
    small = listed(backend)
    assert len(small) == 3 and hot_count(backend) == 0

    def content(files: list[coldtier.ColdFile]) -> list[dict[str, Any]]:
        tables = [pq.ParquetFile(backend.cold.path_of("t1", f)).read() for f in files]  # type: ignore[union-attr]
        return sorted(pa.concat_tables(tables).to_pylist(), key=lambda r: r["event_id"])

    before = content(small)
    report = tier(warehouse)
    assert (report.compacted_days, report.compacted_files, report.compacted_rows) == (1, 3, 9)
    (merged,) = listed(backend)
    assert merged.rows == 9 and content([merged]) == before and len(before) == 9
    assert sorted(p.name for p in backend.cold.dir.rglob("*.parquet")) == [merged.path.split("/")[1]]
    assert (
        pq.ParquetFile(backend.cold.path_of("t1", merged)).metadata.row_group(0).column(0).compression
        == "ZSTD"
    )
    warehouse.close()


def test_compaction_leaves_the_files_when_the_counts_disagree(engine: str, tmp_path: Path) -> None:
    warehouse = make(engine, tmp_path)
    backend = warehouse.partition("eu")
    assert backend.cold is not None
    for hour in (8, 9):
        ingest.write(warehouse, "eu", [row("t1", FU, "a", "02", hour)])
        tier(warehouse, compact=False)
    small = listed(backend)
    backend.cold.update("t1", lambda files: [files[0], replace(files[1], rows=5)])
    report = tier(warehouse)  # reported; the pass goes on with the other days and tenants
    assert (
        report.compacted_days == 0
        and len(report.problems) == 1
        and "2 rows read, 6 listed" in report.problems[0]
    )
    assert len(listed(backend)) == 2
    assert all(Path(backend.cold.path_of("t1", f)).exists() for f in small)
    warehouse.close()


def test_ingest_still_catches_an_event_id_that_went_cold(engine: str, tmp_path: Path) -> None:
    warehouse = make(engine, tmp_path)
    load_in_two_tiered_batches(warehouse)
    backend = warehouse.partition("eu")
    assert hot_count(backend, "t1") == 3
    assert ingest.write(warehouse, "eu", [dict(r) for r in T1 + T2]) == 0  # resent: all of them known
    resent = dict(T1[0], properties="{}", received_at=T1[0]["ts"])  # same tenant and id, other content
    assert ingest.write(warehouse, "eu", [resent]) == 0
    assert ingest.write(warehouse, "eu", [dict(T1[0], tenant_id="t3")]) == 1  # another tenant's own event
    warehouse.close()


def test_the_roll_up_neither_misses_nor_double_counts_tiered_events(engine: str, tmp_path: Path) -> None:
    warehouse = make(engine, tmp_path)
    backend = warehouse.partition("eu")
    ingest.write(warehouse, "eu", [dict(r) for r in T1[:8]])  # not rolled up yet when the pass starts
    tier(warehouse)
    ingest.write(warehouse, "eu", [dict(r) for r in T1[8:]])
    tier(warehouse)
    reports.refresh(backend)
    tier(warehouse)  # a pass with nothing new to roll up

    def total(table: str, count: str) -> int:
        return int(adhoc.run(backend, "t1", f"SELECT {count} AS n FROM {table}")["rows"][0][0])

    assert total("daily_usage", "sum(events)") == total("events", "count(*)") == len(T1)
    warehouse.close()


def test_a_tenants_queries_never_read_another_tenants_cold_files(engine: str, tmp_path: Path) -> None:
    warehouse = make(engine, tmp_path)
    load_in_two_tiered_batches(warehouse)
    backend = warehouse.partition("eu")
    assert backend.cold is not None and listed(backend, "t2")
    everything = adhoc.run(backend, "t1", "SELECT * FROM events")
    assert everything["row_count"] == len(T1)
    assert not any(v in LEAK_MARKERS for r in everything["rows"] for v in r[:1] + r[10:11] + r[19:20])
    sql = backend.render(
        scoped(adhoc.check("SELECT count(*) FROM events e JOIN events f ON true"), "t1", backend)
    )
    assert "tenant=t1/" in sql and "tenant=t2" not in sql and sql.count("tenant_id = 't1'") == 4
    # A tenant id that could climb out of its directory has no cold files (and keeps its filter).
    climbing = backend.render(events_source(backend, "../t2"))
    assert "parquet" not in climbing.lower() and "file(" not in climbing and "tenant_id = '../t2'" in climbing


def test_removing_a_tenants_cold_files_leaves_the_others(engine: str, tmp_path: Path) -> None:
    warehouse = make(engine, tmp_path)
    load_in_two_tiered_batches(warehouse)
    backend = warehouse.partition("eu")
    cold_t1 = sum(f.rows for f in listed(backend, "t1"))
    t2_before = adhoc.run(backend, "t2", "SELECT count(*) FROM events")["rows"]
    assert cold_t1 and coldtier.remove_tenant(backend, "t1") == cold_t1
    assert listed(backend, "t1") == [] and not any(backend.cold.tenant_dir("t1").glob("day=*/*.parquet"))
    hot_t1 = adhoc.run(backend, "t1", "SELECT count(*) FROM events")["rows"]
    assert hot_t1 == [[len(T1) - cold_t1]]  # the hot rows stay (a reset deletes them itself)
    assert adhoc.run(backend, "t2", "SELECT count(*) FROM events")["rows"] == t2_before
    assert coldtier.remove_tenant(backend, "t1") == 0
    warehouse.close()


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_parquet('{cold}/tenant=t2/*/*.parquet', hive_partitioning = true)",
        "SELECT * FROM parquet_scan('{cold}/tenant=t2/day=2026-03-01/x.parquet')",
        "SELECT * FROM '{cold}/tenant=t2/day=2026-03-01/x.parquet'",
        'SELECT * FROM "{cold}/tenant=t2/_manifest.json"',
        "SELECT * FROM file('{cold}/tenant=t2/*/*.parquet', 'Parquet')",
        "SELECT count(*) FROM events WHERE event_id IN (SELECT event_id FROM read_parquet('{cold}/*/*/*.parquet'))",
        "SELECT * FROM glob('{cold}/*')",
        "SELECT * FROM events UNION ALL SELECT * FROM read_csv_auto('{cold}/tenant=t2/_manifest.json')",
        "WITH x AS (SELECT * FROM read_parquet(['{cold}/tenant=t2/day=2026-03-01/x.parquet'])) SELECT * FROM x",
    ],
)
def test_ad_hoc_sql_cannot_name_a_cold_file(sql: str, tmp_path: Path) -> None:
    with pytest.raises(errors.DomainError) as refused:
        adhoc.check(sql.format(cold=tmp_path / "cold" / "eu"))
    assert refused.value.status == 400 and "outside the allowed SQL subset" in str(refused.value)


def test_a_manifest_naming_a_path_outside_the_tenant_is_refused(tmp_path: Path) -> None:
    warehouse = make("duckdb", tmp_path)
    load_in_two_tiered_batches(warehouse)
    backend = warehouse.partition("eu")
    assert backend.cold is not None
    manifest = backend.cold.tenant_dir("t1") / coldtier.MANIFEST
    t2_file = listed(backend, "t2")[0].path
    document = json.loads(manifest.read_text())
    document["files"][0]["path"] = f"../tenant=t2/{t2_file}"
    manifest.write_text(json.dumps(document))
    with pytest.raises(coldtier.ColdTierError, match="foreign path"):
        reports.funnel(backend, "t1", steps=[PV, FU], since=SINCE, until=UNTIL)
    warehouse.close()


def test_one_pass_at_a_time_per_partition(tmp_path: Path) -> None:
    warehouse = make("duckdb", tmp_path)
    load(warehouse)
    backend = warehouse.partition("eu")
    assert backend.cold is not None
    with backend.cold.lock() as mine:
        assert mine
        assert tier(warehouse).skipped == "another process is running a pass on this partition"
    assert tier(warehouse).moved_files == 5
    warehouse.close()


def test_a_clickhouse_server_keeps_no_cold_tier_here() -> None:
    """Its own TTL moves tier it; the pass is a no-op (it does not even connect)."""
    server = Warehouse("clickhouse", "http://127.0.0.1:1/never-contacted")
    assert server.cold_root() is None
    assert coldtier.run(server, older_than_days=30) == []
