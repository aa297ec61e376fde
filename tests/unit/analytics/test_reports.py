"""Every prebuilt report against hand-computed numbers, on DuckDB and on chDB, raw and materialised.

The fixture (fixtures.py), tenant t1, March 2026 (PV Page Viewed, FU Feature Used, RE Report Exported):
  a: PV 01 08h · FU x 01 12h (10 ms) · RE 02 09h · FU x 02 (20 ms) · FU y 08 (30 ms)
  b: PV 01 09h · RE 01 10h · FU y 01 12h (40 ms) · FU x 03 (50 ms, flag x on)
  c: FU y 02 (60 ms, role sre) · PV 10 (outside the window)
  d: FU x 08 (70 ms, flag x on)
  ops: SLI svc1 01 990/1000, 02 1000/1000; one Deployment Finished on 02.
Tenant t2 shares the partition; nothing of it may show.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from companyos_server.domains.analytics import reports
from companyos_server.domains.analytics.warehouse import Backend
from tests.unit.analytics.fixtures import FU, PV, RE

UNTIL = date(2026, 3, 8)
SINCE = date(2026, 3, 1)
SOURCES = ["raw", "materialized"]


def strip(result: dict[str, Any]) -> dict[str, Any]:
    """The numbers only (freshness carries clocks)."""
    return {k: v for k, v in result.items() if k not in ("freshness", "source")}


@pytest.mark.parametrize("source", SOURCES)
def test_adoption_by_tenant_role_and_flag_state(engine: Backend, source: str) -> None:
    result = reports.adoption(engine, "t1", feature="x", days=8, until=UNTIL, source=source)
    assert result["groups"] == [
        {"group": "t1", "active_users": 4, "adopters": 3, "adoption_rate": 0.75, "feature_events": 4}
    ]
    by_role = reports.adoption(engine, "t1", feature="x", days=8, until=UNTIL, by="role", source=source)
    assert by_role["groups"] == [
        {"group": "sre", "active_users": 1, "adopters": 0, "adoption_rate": 0.0, "feature_events": 0},
        {"group": "viewer", "active_users": 3, "adopters": 3, "adoption_rate": 1.0, "feature_events": 4},
    ]
    by_flag = reports.adoption(engine, "t1", feature="x", days=8, until=UNTIL, by="flag_state", flag="x",
                               source=source)  # fmt: skip
    assert by_flag["groups"] == [
        {"group": "off", "active_users": 3, "adopters": 1, "adoption_rate": 0.333333, "feature_events": 2},
        {"group": "on", "active_users": 2, "adopters": 2, "adoption_rate": 1.0, "feature_events": 2},
    ]
    assert result["sampling"]["sampled"] is False and "no sampling" in result["sampling"]["notice"]
    assert result["freshness"]["events"] == 15 and result["freshness"]["data_as_of"] == "2026-03-10T08:00:00Z"


@pytest.mark.parametrize("source", SOURCES)
def test_dau_wau_mau_and_stickiness(engine: Backend, source: str) -> None:
    result = reports.active_users(engine, "t1", days=8, until=UNTIL, source=source)
    assert (result["dau"], result["wau"], result["mau"], result["stickiness"]) == (2, 4, 4, 0.5)
    assert [(d["dau"], d["wau"], d["mau"]) for d in result["series"]] == [
        (2, 2, 2), (2, 3, 3), (1, 3, 3), (0, 3, 3), (0, 3, 3), (0, 3, 3), (0, 3, 3), (2, 4, 4),
    ]  # fmt: skip
    assert result["deltas"] == {"compared_with": "2026-03-01", "dau": 0, "wau": 2, "mau": 2}
    only_x = reports.active_users(engine, "t1", days=1, until=UNTIL, feature="x", source=source)
    assert (only_x["dau"], only_x["wau"], only_x["mau"]) == (1, 3, 3)  # d; a (02), b (03), d


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize(
    ("mode", "cohort_0301", "overall"),
    [
        ("n_day", [2, 1, 1, 0, 0, 0, 0, 1], [4, 1, 1, 0, 0, 0, 0, 1]),
        ("unbounded", [2, 2, 2, 1, 1, 1, 1, 1], [4, 2, 2, 1, 1, 1, 1, 1]),
        ("cumulative", [2, 1, 2, 2, 2, 2, 2, 2], [4, 1, 2, 2, 2, 2, 2, 2]),
    ],
)
def test_retention_modes(
    engine: Backend, source: str, mode: str, cohort_0301: list[int], overall: list[int]
) -> None:
    result = reports.retention(engine, "t1", start_event=FU, return_event=FU, since=SINCE, until=UNTIL, periods=7,
                               mode=mode, source=source)  # fmt: skip
    cohorts = {c["cohort"]: c for c in result["cohorts"]}
    assert sorted(cohorts) == ["2026-03-01", "2026-03-02", "2026-03-08"]
    assert cohorts["2026-03-01"]["retained"] == cohort_0301
    assert cohorts["2026-03-02"]["retained"] == [1, 0, 0, 0, 0, 0, 0, 0]
    assert result["overall"][0]["retained"] == overall
    assert result["overall"][0]["rates"][1] == overall[1] / 4


def test_retention_weekly_periods_and_breakdown(engine: Backend) -> None:
    weekly = reports.retention(engine, "t1", start_event=FU, return_event=FU, since=SINCE, until=UNTIL,
                               period_days=7, periods=2)  # fmt: skip
    assert weekly["overall"][0]["retained"] == [4, 1, 0]  # a returns on day 7 (week 1); b on day 2 (week 0)
    by_role = reports.retention(engine, "t1", start_event=FU, return_event=FU, since=SINCE, until=UNTIL,
                                periods=2, breakdown="role")  # fmt: skip
    assert [(o["group"], o["retained"]) for o in by_role["overall"]] == [
        ("sre", [1, 0, 0]),
        ("viewer", [3, 1, 1]),
    ]


def test_funnel(engine: Backend) -> None:
    result = reports.funnel(engine, "t1", steps=[PV, FU, RE], since=SINCE, until=UNTIL, window_days=7)
    assert [(s["name"], s["users"], s["conversion_from_start"]) for s in result["steps"]] == [
        (PV, 2, 1.0), (FU, 2, 1.0), (RE, 1, 0.5),
    ]  # fmt: skip
    short = reports.funnel(engine, "t1", steps=[PV, RE], since=SINCE, until=UNTIL, window_days=1)
    assert [s["users"] for s in short["steps"]] == [2, 1]  # b within the hour; a 25 h after entering


def test_ops_kpis(engine: Backend) -> None:
    result = reports.ops_kpis(engine, "t1", days=8, until=UNTIL)
    assert result["uptime"] == 0.995 and (result["good_events"], result["total_events"]) == (1990, 2000)
    assert result["latency_ms"] == {"p50": 40.0, "p90": 70.0, "p99": 70.0}
    assert result["ops_events"] == {"Deployment Finished": 1, "Sli Sample Recorded": 2}
    days = {d["day"]: d for d in result["series"]}
    assert (days["2026-03-01"]["uptime"], days["2026-03-01"]["latency_p50_ms"], days["2026-03-01"]["latency_p90_ms"]) == (
        0.99, 10.0, 40.0,
    )  # fmt: skip
    assert (days["2026-03-08"]["latency_p50_ms"], days["2026-03-08"]["latency_p99_ms"]) == (30.0, 70.0)
    assert days["2026-03-05"] == {"day": "2026-03-05", "uptime": None, "latency_p50_ms": None,
                                  "latency_p90_ms": None, "latency_p99_ms": None}  # fmt: skip
    svc = reports.ops_kpis(engine, "t1", days=8, until=UNTIL, service_id="nope")
    assert svc["uptime"] is None and svc["ops_events"] == {}


def test_duckdb_and_chdb_agree_on_every_prebuilt_report(both: tuple[Backend, Backend]) -> None:
    duck, ch = both
    calls = [
        lambda b: reports.adoption(b, "t1", feature="x", days=8, until=UNTIL, by="flag_state", flag="x"),
        lambda b: reports.adoption(b, "t1", feature="y", days=30, until=UNTIL, by="role", source="raw"),
        lambda b: reports.active_users(b, "t1", days=10, until=UNTIL),
        lambda b: reports.retention(b, "t1", start_event=FU, return_event=FU, since=SINCE, until=UNTIL, mode="unbounded"),
        lambda b: reports.retention(b, "t1", start_event=PV, return_event=FU, since=SINCE, until=UNTIL, periods=30,
                                    mode="cumulative", breakdown="role"),
        lambda b: reports.funnel(b, "t1", steps=[PV, FU, RE], since=SINCE, until=UNTIL),
        lambda b: reports.ops_kpis(b, "t1", days=10, until=UNTIL),
        lambda b: reports.ops_kpis(b, "t2", days=10, until=UNTIL),
    ]  # fmt: skip
    for call in calls:
        assert strip(call(duck)) == strip(call(ch))
