"""`python -m benchmarks slo_doctor`: SLO Doctor on 100 SLOs x 30 days x 1-minute data (4.3M points).

Measured in one run, on synthetic per-SLO histories (diurnal traffic, background errors, blips a static
alert pages on, an outage, a regression after a deploy; generated outside the timings):

- **backtest core**: what every report does per SLO — significant burns, the static alert and the
  Workbook's multi-window policy replayed over 30 days and scored (pages, precision, recall, detection
  and reset) — with ``companyos_server.domains.slos`` (numpy cumulative sums), and with the
  straightforward pandas version a user would write (``Series.rolling(w).sum()`` per window, run
  detection with ``shift``/``cumsum``/``groupby``), at 10, 100 and 1,000 SLOs (linear scaling checked);
- **full report**: from a service's history on, everything the report job computes and draws — each SLO's
  own SLI cut from the service's labelled samples, ``flows.diagnose_slo`` per SLO (budget, burn rates,
  burns, regressions with ruptures, alert quality per rule, every recommendation with its backtests, the
  tuning grid included), the report built, Markdown and HTML rendered with the three altair charts — in
  services of up to 50 SLOs, at 10, 100 and 1,000 SLOs (linear scaling checked);
- **the report job on SQLite**: one service of 50 SLOs (``--quick``: 10) stored as 1-minute samples,
  ``reports.generate`` end to end (the read included). Reported, not gated: reading 2 million rows out of
  SQLite dominates, and no baseline reads them faster from the same table.

Goals (issue 11): a full report for 100 SLOs in < 3 s, >= 5x the pandas baseline on the backtest core.
Writes ``benchmarks/results/slo_doctor.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

BENCHMARK = True
RESULTS = Path(__file__).resolve().parent / "results"
DAY = 1440
DAYS = 30
GOAL_SECONDS = 3.0
GOAL_SPEEDUP = 5.0


def synthetic(seed: int) -> tuple[np.ndarray, np.ndarray, int]:
    rng = np.random.default_rng(seed)
    n = DAYS * DAY
    minutes = np.arange(n)
    total = np.round(1000 + 400 * np.sin(2 * np.pi * (minutes % DAY) / DAY + seed)).astype(np.float64)
    bad = rng.binomial(total.astype(np.int64), 0.0001).astype(np.float64)
    blips = (minutes % 180 < 4) & (minutes >= 180)
    bad[blips] = np.round(total[blips] * 0.025)
    start = int(rng.integers(2 * DAY, 20 * DAY))
    bad[start : start + 30] = np.round(total[start : start + 30] * 0.4)
    deploy = n - int(rng.integers(24, 72)) * 60
    bad[deploy + 15 :] = rng.binomial(total[deploy + 15 :].astype(np.int64), 0.009)
    return total - bad, total, deploy


# -- the pandas baseline: what a user would write ---------------------------------------------------------


def pandas_backtest(
    good: np.ndarray, total: np.ndarray, objective: float, window_days: int
) -> dict[str, Any]:
    allowed = 1 - objective / 100
    frame = pd.DataFrame({"good": good, "total": total})
    frame["bad"] = frame["total"] - frame["good"]

    def burn(width: int) -> pd.Series:
        sums = frame[["bad", "total"]].rolling(width, min_periods=1).sum()
        return (sums["bad"] / sums["total"]) / allowed

    hours = window_days * 24
    page = pd.Series(False, index=frame.index)
    for long, short, share in ((60, 5, 0.02), (360, 30, 0.05)):
        threshold = share * hours / (long / 60)
        page |= (burn(long).fillna(0) >= threshold) & (burn(short).fillna(0) >= threshold)
    sums = frame[["bad", "total"]].rolling(5, min_periods=1).sum()
    static = (sums["total"] > 0) & (sums["bad"] / sums["total"] >= 0.01)

    cum_bad = frame["bad"].cumsum()

    def runs(mask: pd.Series, gap: int = 0) -> pd.DataFrame:
        starts = mask.index[mask & ~mask.shift(1, fill_value=False)]
        ends = mask.index[mask & ~mask.shift(-1, fill_value=False)] + 1
        found = pd.DataFrame({"start": starts, "end": ends})
        if gap and len(found):
            new_run = (found["start"] - found["end"].shift(1)).fillna(gap + 1) > gap
            found = found.groupby(new_run.cumsum()).agg(start=("start", "min"), end=("end", "max"))
        before = cum_bad.reindex(found["start"] - 1).fillna(0).to_numpy()
        found["bad"] = cum_bad.reindex(found["end"] - 1).to_numpy() - before
        return found.reset_index(drop=True)

    burning = frame["bad"] > frame["total"] * allowed
    allowance = frame["total"].sum() * (window_days * DAY / len(frame)) * allowed
    burns = runs(burning, gap=15)
    burns = burns[burns["bad"] / allowance >= 0.02]

    def score(mask: pd.Series) -> dict[str, Any]:
        pages = runs(mask)
        hits = [((pages["start"] < b.end) & (b.start < pages["end"])) for b in burns.itertuples()]
        detected = sum(bool(h.any()) for h in hits)
        true_pages = pd.concat(hits, axis=1).any(axis=1).sum() if hits else 0
        return {"pages": len(pages), "recall": detected / len(burns) if len(burns) else None,
                "precision": true_pages / len(pages) if len(pages) else None}  # fmt: skip

    return {"burns": len(burns), "static": score(static), "workbook": score(page)}


# -- ours ---------------------------------------------------------------------------------------------------


def ours_backtest(good: np.ndarray, total: np.ndarray, objective: float, window_days: int) -> dict[str, Any]:
    from datetime import timedelta as td

    from companyos_server.domains.slos import budget, quality

    result = quality.backtest(
        good,
        total,
        budget.Objective(objective, window_days),
        [quality.StaticThresholdRule("s", 0.01, td(minutes=5))],
    )
    return {
        "burns": result.current.significant_burns,
        "static": result.current.pages,
        "workbook": result.proposed.pages,
    }


def _time(fn: Any, count: int, data: list[tuple[np.ndarray, np.ndarray, int]]) -> float:
    started = time.perf_counter()
    for i in range(count):
        good, total, _ = data[i % len(data)]
        fn(good, total, 99.9, 30)
    return time.perf_counter() - started


SLOS_PER_SERVICE = 50  # the most a service may have (domains/slos/service.py)


def _service_history(first: int, count: int, data: list[tuple[np.ndarray, np.ndarray, int]]) -> Any:
    """One service whose SLOs each read their own SLI (samples labelled ``sli``), as a real one does."""
    from companyos_server.domains.slos import history, regressions

    since = datetime(2026, 11, 1, tzinfo=UTC)
    minute_stamps = since.timestamp() + 60.0 * np.arange(DAYS * DAY)
    goods, totals = [], []
    for i in range(first, first + count):
        good, total, _ = data[i % len(data)]
        goods.append(good)
        totals.append(total)
    _, _, deploy = data[first % len(data)]
    samples = history.Samples(
        np.tile(minute_stamps, count),
        np.concatenate(goods),
        np.concatenate(totals),
        np.repeat(np.arange(count), DAYS * DAY),
        [{"sli": f"slo-{i}"} for i in range(first, first + count)],
    )
    return history.History(since, since + timedelta(days=DAYS), np.zeros(DAYS * DAY), np.zeros(DAYS * DAY),
                           [regressions.Deploy("dep_1", deploy)], {"dep_1": "v1"}, samples=samples)  # fmt: skip


def full_reports(count: int, data: list[tuple[np.ndarray, np.ndarray, int]]) -> float:
    """The whole report from the history on: every SLO diagnosed (budget, burns, regressions with
    ruptures, alert quality per rule, every recommendation with its backtests), the report built and
    rendered to Markdown and HTML with its three charts; services of up to 50 SLOs."""
    from companyos_server.domains.slos import doctor, flows, report

    rule = {"name": "static", "kind": "static_error_rate", "action": "page", "error_rate": 0.01,
            "window_minutes": 5}  # fmt: skip
    groups = [(first, min(SLOS_PER_SERVICE, count - first)) for first in range(0, count, SLOS_PER_SERVICE)]
    services = [(first, size, _service_history(first, size, data)) for first, size in groups]
    started = time.perf_counter()
    for first, size, hist in services:
        slos = [{"id": f"slo_{i}", "name": f"slo-{i}", "sli_type": "availability", "objective": 99.9,
                 "window_days": 30, "budgeting_method": "occurrences", "indicator": {"name": f"slo-{i}"},
                 "alerting": [rule]} for i in range(first, first + size)]  # fmt: skip
        context = doctor.Context("bench", f"svc_{first}")
        found = {
            "service": {"id": f"svc_{first}", "name": f"svc-{first}", "runbooks": []},
            "period": {"since": hist.since, "until": hist.until, "days": DAYS, "minutes": hist.minutes},
            "history": hist,
            "objectives": slos,
            "hotspots": [],
            "slos": [flows.diagnose_slo(slo, hist, context) for slo in slos],
        }
        built = report.build(found, [])
        report.render(found, built, with_charts=True)
    return time.perf_counter() - started


def database_report(count: int, data: list[tuple[np.ndarray, np.ndarray, int]]) -> dict[str, float]:
    """The report job end to end on an embedded SQLite database (what ``./dev up`` runs): one service with
    ``count`` SLOs of 30 days stored as 1-minute samples, read back, diagnosed, rendered and kept."""
    import tempfile

    from sqlalchemy import insert

    from companyos_server.core.maestro.models import SliSampleRow
    from companyos_server.domains.services.service import create_service_in
    from companyos_server.domains.services.sli import series_key
    from companyos_server.domains.slos import reports
    from companyos_server.domains.slos import service as slo_service
    from companyos_server.platform.migrations import migrate
    from companyos_server.platform.runtime import Runtime, set_runtime
    from companyos_server.platform.storage import new_id
    from companyos_server.seed import seed_tenants
    from companyos_server.settings import Settings

    tmp = Path(tempfile.mkdtemp(prefix="companyos-bench-slo-"))
    settings = Settings(env="test", var_dir=tmp / "var", public_base_url="http://bench",
                        rate_limit_enabled=False, validate_responses=False)  # fmt: skip
    runtime = Runtime(settings)
    migrate(runtime.db)
    set_runtime(runtime)
    seed_tenants(runtime)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    stamps = [now - timedelta(minutes=DAYS * DAY - 1 - m) for m in range(DAYS * DAY)]
    with runtime.db.session() as session:
        service_id = create_service_in(session, "acme", {"name": "bench-doctor", "owner": {"team": "sre"},
                                                         "tier": "tier-1"}, "usr_bench")["id"]  # fmt: skip
        for i in range(count):
            slo_service.create_in(session, "acme", service_id, {"name": f"slo-{i}", "sli_type": "availability",
                "objective": 99.9, "window_days": 30, "indicator": {"name": f"slo-{i}"},
                "alerting": [{"name": "static", "kind": "static_error_rate", "action": "page",
                              "error_rate": 0.01, "window_minutes": 5}]})  # fmt: skip
    for i in range(count):
        good, total, _ = data[i % len(data)]
        labels = {"sli": f"slo-{i}"}
        key = series_key(labels)
        with runtime.db.session() as session:
            session.execute(insert(SliSampleRow), [
                {"id": new_id("sli"), "tenant_id": "acme", "service_ref": service_id, "ts": ts, "good": int(g),
                 "total": int(t), "labels": labels, "series": key}
                for ts, g, t in zip(stamps, good.tolist(), total.tolist(), strict=True)])  # fmt: skip
    marks: list[float] = []
    started = time.perf_counter()
    reports.generate(runtime.db, "acme", service_id, days=DAYS, actor="usr_bench",
                     progress=lambda done, total: marks.append(time.perf_counter()))  # fmt: skip
    elapsed = time.perf_counter() - started
    runtime.close()
    set_runtime(None)
    return {"seconds": round(elapsed, 2), "read_and_diagnose_seconds": round(marks[1] - started, 2)}


def main(*, quick: bool = False, profile: bool = False) -> int:
    distinct = 10
    data = [synthetic(seed) for seed in range(distinct)]
    # same answers first: the comparison is between equivalent computations
    for good, total, _ in data[:3]:
        ours, theirs = ours_backtest(good, total, 99.9, 30), pandas_backtest(good, total, 99.9, 30)
        assert ours["burns"] == theirs["burns"], (ours, theirs)
        assert ours["static"] == theirs["static"]["pages"] and ours["workbook"] == theirs["workbook"]["pages"]
    sizes = (10, 100) if quick else (10, 100, 1000)
    pandas_sizes = (10,) if quick else (10, 100)
    core = {n: _time(ours_backtest, n, data) for n in sizes}
    baseline = {n: _time(pandas_backtest, n, data) for n in pandas_sizes}
    reports = {n: full_reports(n, data) for n in sizes}
    database = database_report(10 if quick else SLOS_PER_SERVICE, data)
    per_slo = {n: core[n] / n for n in sizes}
    pandas_per_slo = {n: baseline[n] / n for n in pandas_sizes}
    speedup = pandas_per_slo[pandas_sizes[-1]] / per_slo[min(sizes[-1], 100)]
    linear = max(per_slo.values()) / min(per_slo.values())
    report_100 = reports[100]
    # per-SLO cost across whole services (a service's charts are a fixed cost a 10-SLO run cannot spread)
    whole = [n for n in sizes if n % SLOS_PER_SERVICE == 0]
    report_spread = max(reports[n] / n for n in whole) / min(reports[n] / n for n in whole)
    result = {
        "points_per_slo": DAYS * DAY,
        "backtest_core_seconds": core,
        "pandas_seconds": baseline,
        "speedup_vs_pandas": round(speedup, 2),
        "per_slo_spread": round(linear, 2),
        "full_report_seconds": reports,
        "full_report_100_slos_seconds": round(report_100, 2),
        "full_report_per_slo_spread": round(report_spread, 2),
        "database_report": {"slos": 10 if quick else SLOS_PER_SERVICE, **database},
        "meets_goal": report_100 < GOAL_SECONDS
        and speedup >= GOAL_SPEEDUP
        and linear < 1.5
        and report_spread < 1.5,
        "quick": quick,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "slo_doctor.json").write_text(
        json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8"
    )
    print(f"{'SLOs':>6}{'core s':>10}{'ms/SLO':>9}{'pandas s':>10}{'full report s':>15}")
    for n in sizes:
        print(f"{n:>6}{core[n]:>10.2f}{1000 * per_slo[n]:>9.1f}{baseline.get(n, float('nan')):>10.2f}"
              f"{reports.get(n, float('nan')):>15.2f}")  # fmt: skip
    print(
        f"speedup vs pandas {speedup:.1f}x (goal {GOAL_SPEEDUP:.0f}x); per-SLO spread {linear:.2f} (linear: ~1); "
        f"full report for 100 SLOs {report_100:.2f} s (goal < 3 s; per-SLO spread {report_spread:.2f}); "
        f"backtest core 100 SLOs {core[100]:.2f} s"
    )
    print(
        f"report job on SQLite, one service of {result['database_report']['slos']} SLOs x 30 days: "
        f"{database['seconds']:.2f} s ({database['read_and_diagnose_seconds']:.2f} s reading and diagnosing)"
    )
    print("wrote benchmarks/results/slo_doctor.json")
    return 0 if result["meets_goal"] else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    sys.exit(main(quick=parser.parse_args().quick))
