"""`python -m benchmarks slo_doctor`: SLO Doctor on 100 SLOs x 30 days x 1-minute data (4.3M points).

Measured in one run, on synthetic per-SLO histories (diurnal traffic, background errors, blips a static
alert pages on, an outage, a regression after a deploy; generated outside the timings):

- **backtest core**: what every report does per SLO — significant burns, the static alert and the
  Workbook's multi-window policy replayed over 30 days and scored (pages, precision, recall, detection
  and reset) — with ``companyos_server.domains.slos`` (numpy cumulative sums), and with the
  straightforward pandas version a user would write (``Series.rolling(w).sum()`` per window, run
  detection with ``shift``/``cumsum``/``groupby``), at 10, 100 and 1,000 SLOs (linear scaling checked);
- **full report analysis**: ``flows.diagnose_slo`` per SLO (budget, burn rates, burns, regressions with
  ruptures, alert quality, every recommendation with its backtests, the threshold-tuning grid included)
  at 10 and 100 SLOs (``--quick``: 10 and 30).

Goals (issue 11): 100 SLOs in < 3 s, >= 5x the pandas baseline. Writes
``benchmarks/results/slo_doctor.json``.
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


def full_reports(count: int, data: list[tuple[np.ndarray, np.ndarray, int]]) -> float:
    from companyos_server.domains.slos import doctor, flows, history, regressions

    since = datetime(2026, 11, 1, tzinfo=UTC)
    rule = {
        "name": "static",
        "kind": "static_error_rate",
        "action": "page",
        "error_rate": 0.01,
        "window_minutes": 5,
    }
    started = time.perf_counter()
    for i in range(count):
        good, total, deploy = data[i % len(data)]
        hist = history.History(since, since + timedelta(days=DAYS), good, total,
                               [regressions.Deploy(f"dep_{i}", deploy)], {f"dep_{i}": f"v{i}"})  # fmt: skip
        slo = {"id": f"slo_{i}", "name": f"slo-{i}", "sli_type": "availability", "objective": 99.9,
               "window_days": 30, "budgeting_method": "occurrences", "alerting": [rule]}  # fmt: skip
        flows.diagnose_slo(slo, hist, doctor.Context("bench", f"svc_{i}"))
    return time.perf_counter() - started


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
    reports = {n: full_reports(n, data) for n in ((10, 30) if quick else (10, 100))}
    per_slo = {n: core[n] / n for n in sizes}
    pandas_per_slo = {n: baseline[n] / n for n in pandas_sizes}
    speedup = pandas_per_slo[pandas_sizes[-1]] / per_slo[min(sizes[-1], 100)]
    linear = max(per_slo.values()) / min(per_slo.values())
    report_100 = reports[max(reports)] / max(reports) * 100
    result = {
        "points_per_slo": DAYS * DAY,
        "backtest_core_seconds": core,
        "pandas_seconds": baseline,
        "speedup_vs_pandas": round(speedup, 2),
        "per_slo_spread": round(linear, 2),
        "full_report_seconds": reports,
        "full_report_100_slos_seconds": round(report_100, 2),
        "meets_goal": core[100] < GOAL_SECONDS and speedup >= GOAL_SPEEDUP and linear < 1.5,
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
        f"full report analysis for 100 SLOs ~{report_100:.1f} s; core 100 SLOs {core[100]:.2f} s (goal < 3 s)"
    )
    print("wrote benchmarks/results/slo_doctor.json")
    return 0 if result["meets_goal"] else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    sys.exit(main(quick=parser.parse_args().quick))
