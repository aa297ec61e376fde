"""Capacity, circuit-breaker and hedging recommendations, tightening a rule that misses burns, regression
windows, per-rule alert quality and what the report makes of them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

from companyos_server.domains.slos import capacity, doctor, flows, history, regressions, report, service

DAY = 1440
RUNBOOK = [{"title": "rb", "url": "https://wiki.example.com/rb"}]
CTX = doctor.Context("acme", "svc_1", RUNBOOK)
SINCE = datetime(2026, 11, 1, tzinfo=UTC)


def _slo(**extra: Any) -> dict[str, Any]:
    slo: dict[str, Any] = {"id": "slo_1", "name": "avail", "sli_type": "availability", "objective": 99.9,
                           "window_days": 28, "budgeting_method": "occurrences"}  # fmt: skip
    slo["alerting"] = doctor.workbook_rules(service.objective(slo))
    return {**slo, **extra}


def _load_sensitive(days: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(11)
    total = rng.integers(500, 1500, size=days * DAY).astype(np.float64)
    bad = np.where(total > 1350, np.round((total - 1350) * 0.05), 0.0)
    return total - bad, total


def test_errors_rising_with_load_propose_capacity_with_a_counterfactual_backtest() -> None:
    good, total = _load_sensitive()
    slo = _slo()
    load = capacity.load_sensitivity(good, total, service.objective(slo))
    assert load is not None
    (rec,) = doctor.recommend(slo, good, total, CTX, load=load)
    assert rec["kind"] == "capacity" and rec["title"].startswith("Add capacity")
    busy = total >= load.busy_threshold
    bad = total - good
    # the busiest minutes at the others' error rate: the events saved, over the window's allowance
    kept = np.minimum(bad[busy], np.round(total[busy] * load.other_error_rate))
    allowance = total.sum() * (28 * DAY / total.size) * 0.001
    assert rec["expected_impact"]["budget_saved"] == round(float((bad[busy] - kept).sum()) / allowance, 4)
    assert rec["proposal"]["capacity"]["busy_events_per_minute"] == round(load.busy_threshold, 1)
    verification = rec["follow_up"]["verification"]
    assert verification["kind"] == "busy_error_rate"
    assert doctor.check(verification, slo, good, total)["result"] == "failing"
    fixed_good = total.copy()
    assert doctor.check(verification, slo, fixed_good, total) == {"result": "passing", "value": 0.0}


def test_a_flat_error_rate_proposes_no_capacity() -> None:
    rng = np.random.default_rng(3)
    total = rng.integers(500, 1500, size=3 * DAY).astype(np.float64)
    good = total - np.round(total * 0.002)
    slo = _slo()
    assert capacity.load_sensitivity(good, total, service.objective(slo)) is None
    hist = history.History(SINCE, SINCE + timedelta(days=3), good, total)
    diagnosed = flows.diagnose_slo(slo, hist, CTX)  # the path that computes the load sensitivity itself
    assert diagnosed["load_sensitivity"] is None and diagnosed["recommendations"] == []
    loaded, loaded_total = _load_sensitive()
    hist = history.History(SINCE, SINCE + timedelta(days=3), loaded, loaded_total)
    assert [r["kind"] for r in flows.diagnose_slo(slo, hist, CTX)["recommendations"]] == ["capacity"]


def _upstream_outages(days: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    total = np.full(days * DAY, 1000.0)
    upstream = np.zeros(total.size, dtype=bool)
    for start in (300, DAY + 500, 2 * DAY + 700):
        upstream[start : start + 40] = True
    bad = np.where(upstream, 150.0, 0.0)
    bad[2000:2010] = 5.0  # ten bad minutes of its own
    return total - bad, total, upstream


def test_bad_minutes_explained_by_an_upstream_propose_a_circuit_breaker() -> None:
    good, total, upstream = _upstream_outages()
    (rec,) = doctor.recommend(_slo(), good, total, CTX, upstream_bad={"ledger": upstream})
    assert rec["kind"] == "circuit_breaker"
    assert rec["proposal"] == {"circuit_breaker": {"upstreams": ["ledger"], "explained_share": 0.9231}}
    # 120 upstream minutes of 150 bad events go to the service's own rate (0 outside its bad minutes)
    allowance = total.sum() * (28 * DAY / total.size) * 0.001
    assert rec["expected_impact"]["budget_saved"] == round(120 * 150 / allowance, 4)
    assert rec["expected_impact"]["pages_before"] == 3 and rec["expected_impact"]["pages_after"] == 0
    assert rec["follow_up"]["verification"]["kind"] == "error_rate_p95"


def test_a_latency_slo_is_told_to_hedge_and_an_unrelated_upstream_changes_nothing() -> None:
    good, total, upstream = _upstream_outages()
    (rec,) = doctor.recommend(_slo(sli_type="latency"), good, total, CTX, upstream_bad={"ledger": upstream})
    assert rec["kind"] == "hedging" and rec["title"].startswith("Hedge")
    elsewhere = np.roll(upstream, DAY // 2)  # its bad minutes never meet the service's
    assert doctor.recommend(_slo(), good, total, CTX, upstream_bad={"ledger": elsewhere}) == []


def test_a_rule_that_misses_burns_is_tightened() -> None:
    """A 5 % / 5 min rule never sees an hour-long burn at 2 %: tightened it pages once, on it."""
    total = np.full(3 * DAY, 1000.0)
    bad = np.zeros(total.size)
    bad[DAY : DAY + 60] = 20.0
    static = {"name": "static", "kind": "static_error_rate", "action": "page", "error_rate": 0.05,
              "window_minutes": 5}  # fmt: skip
    recs = doctor.recommend(_slo(alerting=[static]), total - bad, total, CTX)
    (tuning,) = [r for r in recs if r["kind"] == "threshold_tuning"]
    assert tuning["title"].startswith("Tighten static")
    (rule,) = tuning["proposal"]["alerting"]
    assert (rule["error_rate"], rule["window_minutes"]) == (0.0125, 5)
    impact = tuning["expected_impact"]
    assert (impact["significant_burns_missed_before"], impact["significant_burns_missed_after"]) == (1, 0)
    assert (impact["pages_before"], impact["pages_after"]) == (0, 1)


def test_a_regression_that_recovered_has_an_end_and_is_no_rollback_candidate() -> None:
    total = np.full(3 * DAY, 1000.0)
    bad = np.zeros(total.size)
    bad[DAY + 20 : DAY + 260] = 20.0  # 2 % for four hours after the deploy, then fixed forward
    bad[2 * DAY : 2 * DAY + 3] = 300.0  # a 3-minute blip 10 minutes after another deploy
    deploys = [regressions.Deploy("dep_1", DAY), regressions.Deploy("dep_2", 2 * DAY - 10)]
    (found,) = regressions.regressions(total - bad, total, service.objective(_slo()), deploys)
    assert (found.minute, found.end, found.deploy_id) == (DAY + 20, DAY + 260, "dep_1")
    assert [r["kind"] for r in doctor.recommend(_slo(), total - bad, total, CTX, deploys=deploys)] == []
    hist = history.History(SINCE, SINCE + timedelta(days=3), total - bad, total, deploys, {"dep_1": "v1"})
    (described,) = flows.diagnose_slo(_slo(), hist, CTX)["regressions"]
    assert described["until"] == SINCE + timedelta(minutes=DAY + 260) and described["version"] == "v1"
    # still raised at the end of the history: a rollback candidate, its counterfactual from the change on
    bad[DAY + 260 :] = 20.0
    (rec,) = doctor.recommend(_slo(), total - bad, total, CTX, deploys=deploys)
    assert rec["kind"] == "rollback" and "has stayed there" in rec["summary"]
    allowance = total.sum() * (28 * DAY / total.size) * 0.001
    assert rec["expected_impact"]["budget_saved"] == round(float(bad[DAY + 20 :].sum()) / allowance, 4)


def test_each_rule_is_scored_alone_and_the_report_names_the_noisy_one() -> None:
    total = np.full(3 * DAY, 1000.0)
    bad = np.where((np.arange(total.size) % 120 < 3) & (np.arange(total.size) >= 120), 30.0, 0.0)
    bad[DAY : DAY + 30] = 500.0
    slo = _slo()
    noisy = {"name": "blips", "kind": "static_error_rate", "action": "page", "error_rate": 0.01,
             "window_minutes": 5}  # fmt: skip
    slo["alerting"] = [*slo["alerting"], noisy]
    hist = history.History(SINCE, SINCE + timedelta(days=3), total - bad, total)
    fired = {"PagerStorm": np.zeros(total.size, dtype=bool), "Real": np.zeros(total.size, dtype=bool)}
    for start in range(200, 3 * DAY, 300):
        fired["PagerStorm"][start : start + 2] = True
    fired["Real"][DAY + 2 : DAY + 20] = True
    diagnosed = flows.diagnose_slo(slo, hist, CTX, fired=fired)
    by_rule = {rule["name"]: rule for rule in diagnosed["alert_rules"]}
    assert set(by_rule) == {"page-fast", "page-slow", "blips"}
    assert by_rule["page-fast"]["pages"] == 1 and by_rule["page-fast"]["precision"] == 1.0
    assert by_rule["blips"]["pages"] == 35 and by_rule["blips"]["precision"] < 0.1
    twin = {**slo, "id": "slo_2", "name": "avail-twin"}  # a second SLO must not count the same pages twice
    found = {
        "service": {"id": "svc_1", "name": "check|out <b>", "runbooks": RUNBOOK},
        "period": {"since": hist.since, "until": hist.until, "days": 3, "minutes": hist.minutes},
        "history": hist,
        "objectives": [slo, twin],
        "fired": fired,
        "slos": [diagnosed, flows.diagnose_slo(twin, hist, CTX, fired=fired)],
    }
    built = report.build(found, [])
    titles = [f["title"] for f in built["findings"]]
    assert (
        "avail: rule blips pages on noise" in titles and "avail: rule page-fast pages on noise" not in titles
    )
    summary = built["executive_summary"]
    assert summary["observed_pages"] == 14 + 1 and summary["observed_noise_score"] == round(14 / 15, 4)
    assert "Alerts actually fired 15 time(s), 93% of them on no significant burn." in summary["note"]
    md, page = report.render(found, built, with_charts=False)
    assert "# Health report: check\\|out \\<b\\>" in md and "<b>" not in md
    assert "(<https://wiki.example.com/rb>)" in md
    assert "Alerts that fired: 15" in md and "check|out &lt;b&gt;" in page
    backtested = sum(1 for r in built["recommendations"] if r["expected_impact"])
    assert backtested >= 1 and page.count("<p>Backtest: pages ") == backtested
    lanes = {row.get("lane") for rows in report.charts(found)["alert_timeline"].to_dict()["datasets"].values()
             for row in rows}  # fmt: skip
    assert {"PagerStorm · fired", "Real · fired", "avail · current"} <= lanes


def test_charts_of_a_service_with_many_slos_draw_the_eight_with_least_budget_left() -> None:
    """12 SLOs over 30 days were 8,640 hourly points a chart, past altair's 5,000-row limit: the report
    job failed. The charts now draw the 8 SLOs with the least budget left, at a coarser step."""
    days, count = 30, 12
    minutes = days * DAY
    rng = np.random.default_rng(5)
    totals = np.full((count, minutes), 100.0)
    bads = rng.binomial(100, [[0.0002 * (i + 1)] for i in range(count)], size=(count, minutes)).astype(float)
    samples = history.Samples(
        np.tile(SINCE.timestamp() + 60.0 * np.arange(minutes), count),
        (totals - bads).ravel(),
        totals.ravel(),
        np.repeat(np.arange(count), minutes),
        [{"sli": f"slo-{i}"} for i in range(count)],
    )
    hist = history.History(SINCE, SINCE + timedelta(days=days), np.zeros(minutes), np.zeros(minutes),
                           samples=samples)  # fmt: skip
    slos = [_slo(id=f"slo_{i}", name=f"slo-{i}", indicator={"name": f"slo-{i}"}) for i in range(count)]
    diagnosed = [flows.diagnose_slo(slo, hist, CTX) for slo in slos]
    found = {"history": hist, "objectives": slos, "slos": diagnosed, "fired": {}}
    drawn = [slo["name"] for slo in report.charted(found)]
    assert drawn == [f"slo-{i}" for i in range(count - 1, count - 9, -1)]  # the most errors first
    specs = report.charts(found)
    burn = specs["budget_burndown"].to_dict()
    rows = next(iter(burn["datasets"].values()))
    assert len(rows) == 8 * days * 24 // 2 and {row["slo"] for row in rows} == set(drawn)
    assert burn["title"] == "Error budget burn-down (8 of 12 SLOs, least budget left)"
    assert all(report.svg(chart).startswith("<svg") for chart in specs.values())


def test_recommendations_replay_the_current_rules_as_the_report_scores_them() -> None:
    """Each current rule keeps its own low-traffic guard in every replay: a guard on one rule does not
    silence another, so a proposal's "pages before" is the report's alert_quality pages."""
    total = np.full(3 * DAY, 5.0)
    total[DAY : DAY + 240] = 5000.0
    good = total.copy()
    good[::97] -= 1  # a failure every 97 minutes at 5 requests a minute: 20 % of that minute
    good[DAY : DAY + 60] -= 2500
    guarded = {"name": "guarded", "kind": "static_error_rate", "action": "page", "error_rate": 0.1,
               "window_minutes": 5, "min_events": 1000}  # fmt: skip
    loose = {"name": "loose", "kind": "static_error_rate", "action": "page", "error_rate": 0.1,
             "window_minutes": 1}  # fmt: skip
    slo = _slo(alerting=[guarded, loose])
    hist = history.History(SINCE, SINCE + timedelta(days=3), good, total)
    diagnosed = flows.diagnose_slo(slo, hist, CTX)
    pages = diagnosed["alert_quality"]["pages"]
    assert pages > 20  # the unguarded rule pages on the night's single failures
    assert {rule["name"]: rule["pages"] for rule in diagnosed["alert_rules"]}["guarded"] == 1
    policy = next(r for r in diagnosed["recommendations"] if r["kind"] == "burn_rate_policy")
    assert policy["expected_impact"]["pages_before"] == pages
    assert all(rule.get("min_events") == 1000 for rule in policy["proposal"]["alerting"])


def test_the_workbook_policy_counts_as_adopted_by_its_thresholds_not_its_names() -> None:
    total = np.full(3 * DAY, 1000.0)
    bad = np.where((np.arange(total.size) % 120 < 3) & (np.arange(total.size) >= 120), 30.0, 0.0)
    bad[DAY : DAY + 30] = 500.0
    renamed = [{**rule, "name": f"ours-{i}"} for i, rule in enumerate(_slo()["alerting"])]
    kinds = [r["kind"] for r in doctor.recommend(_slo(alerting=renamed), total - bad, total, CTX)]
    assert "burn_rate_policy" not in kinds
    # the Workbook's names on other thresholds are not the Workbook policy
    loose = [{**rule, "burn_rate": rule["burn_rate"] * 1000} for rule in _slo()["alerting"]]  # pages never
    kinds = [r["kind"] for r in doctor.recommend(_slo(alerting=loose), total - bad, total, CTX)]
    assert "burn_rate_policy" in kinds
