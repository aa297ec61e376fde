"""The doctor's own precision and recall over a mixed synthetic corpus.

Thirty 3-day histories (fixed seeds), six of each: nothing wrong, a regression after a deploy, errors that
rise with load, outages explained by an upstream, and a noisy static alert. Every history has random
traffic, background errors and an innocent deploy; histories without the noisy alert page on the Workbook
policy and list a runbook, so any recommendation there is the doctor's own mistake. Each injected problem
has one right answer (a rollback of the culprit, a capacity hint, a circuit breaker naming the upstream,
a tuning or policy change that cuts pages); anything else the doctor proposes is a false positive. Measured:
precision and recall 1.0 for every kind; the assertions leave one miss or false alarm per kind.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

from companyos_server.domains.slos import doctor, flows, history, regressions, service

DAY = 1440
KINDS = ("regression", "load", "upstream", "noisy")
PER_KIND = 6
SINCE = datetime(2026, 11, 1, tzinfo=UTC)
RUNBOOK = [{"title": "rb", "url": "https://wiki.example.com/rb"}]
STATIC = {"name": "static", "kind": "static_error_rate", "action": "page", "error_rate": 0.01,
          "window_minutes": 5}  # fmt: skip


def _case(problem: str | None, seed: int) -> tuple[dict[str, Any], history.History, dict[str, Any]]:
    rng = np.random.default_rng(seed)
    n = 3 * DAY
    total = rng.integers(500, 1500, size=n).astype(np.float64)
    bad = rng.binomial(total.astype(np.int64), 0.00005).astype(np.float64)
    innocent = regressions.Deploy("dep_innocent", int(rng.integers(200, DAY)))
    culprit = regressions.Deploy("dep_culprit", int(rng.integers(DAY + 200, 2 * DAY)))
    upstream = np.zeros(n, dtype=bool)
    if problem == "regression":
        after = culprit.minute + int(rng.integers(5, 40))
        bad[after:] = rng.binomial(total[after:].astype(np.int64), 0.01)
    elif problem == "load":
        bad = np.maximum(bad, np.round(np.clip(total - 1350, 0, None) * 0.05))
    elif problem == "upstream":
        for start in rng.choice(np.arange(100, n - 100, 200), size=4, replace=False):
            upstream[start : start + int(rng.integers(20, 60))] = True
        bad[upstream] = np.round(total[upstream] * 0.1)
    elif problem == "noisy":
        blips = (np.arange(n) % 120 < 3) & (np.arange(n) >= 120)
        bad[blips] = np.round(total[blips] * 0.03)
        outage = int(rng.integers(DAY, 2 * DAY))
        bad[outage : outage + 30] = np.round(total[outage : outage + 30] * 0.5)
    slo: dict[str, Any] = {"id": f"slo_{seed}", "name": "avail", "sli_type": "availability", "objective": 99.9,
                           "window_days": 28, "budgeting_method": "occurrences"}  # fmt: skip
    slo["alerting"] = [STATIC] if problem == "noisy" else doctor.workbook_rules(service.objective(slo))
    hist = history.History(SINCE, SINCE + timedelta(days=3), total - bad, total, [innocent, culprit], {})
    return slo, hist, {"ledger": upstream}


def _detected(recs: list[dict[str, Any]]) -> tuple[set[str], int]:
    """The problems the recommendations name, and how many recommendations name none of them."""
    found: set[str] = set()
    wrong = 0
    for rec in recs:
        impact = rec["expected_impact"] or {}
        if rec["kind"] == "rollback" and rec["proposal"]["rollback"]["deployment_id"] == "dep_culprit":
            found.add("regression")
        elif rec["kind"] == "capacity":
            found.add("load")
        elif rec["kind"] == "circuit_breaker" and rec["proposal"]["circuit_breaker"]["upstreams"] == [
            "ledger"
        ]:
            found.add("upstream")
        elif (
            rec["kind"] in ("threshold_tuning", "burn_rate_policy")
            and (impact.get("page_reduction") or 0) >= 0.5
        ):
            found.add("noisy")
        else:
            wrong += 1
    return found, wrong


def test_the_doctors_precision_and_recall_over_a_mixed_corpus() -> None:
    true_pos: Counter[str] = Counter()
    false_pos: Counter[str] = Counter()
    false_neg: Counter[str] = Counter()
    unexplained = 0
    for i, problem in enumerate([None, *KINDS] * PER_KIND):
        slo, hist, upstream = _case(problem, seed=100 + i)
        context = doctor.Context("acme", "svc", RUNBOOK)
        recs = flows.diagnose_slo(slo, hist, context, upstream_bad=upstream)["recommendations"]
        found, wrong = _detected(recs)
        unexplained += wrong
        for kind in KINDS:
            if kind in found and kind == problem:
                true_pos[kind] += 1
            elif kind in found:
                false_pos[kind] += 1
            elif kind == problem:
                false_neg[kind] += 1
    for kind in KINDS:
        precision = true_pos[kind] / max(true_pos[kind] + false_pos[kind], 1)
        recall = true_pos[kind] / PER_KIND
        assert precision >= 5 / 6 and recall >= 5 / 6, (kind, true_pos, false_pos, false_neg)
    found_total = sum(true_pos.values())
    assert found_total / (found_total + sum(false_pos.values()) + unexplained) >= 0.9
    assert found_total / (PER_KIND * len(KINDS)) >= 0.9
