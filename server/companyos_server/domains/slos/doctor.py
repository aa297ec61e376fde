"""Recommendations proven by backtest, and the follow-ups that accepting one creates.

Every recommendation replays the service's own history (:func:`quality.backtest`) under the rules it
proposes and under the rules that page today (the SLO's ``alerting``), scored against the same significant
budget burns, so its expected impact is measured: pages before and after, significant burns missed before
and after. Kinds:

- ``burn_rate_policy``: adopt the Workbook's multi-window, multi-burn-rate policy (thresholds scaled to the
  SLO's window) in place of the current rules;
- ``threshold_tuning``: a static rule's error rate and window moved to the grid point with the fewest pages
  that misses no more significant burns than today;
- ``rollback``: a regression after a deploy that lasts to the end of the history; its impact is the current rules replayed over the history as
  it would have been at the pre-regression error rate (pages and budget saved), with the Maestro plan that
  runs ``deployment.rollback`` linked;
- ``capacity``: the error rate rises with load (:mod:`capacity`); its impact is the current rules replayed
  over the history with the busiest minutes at the error rate of the other minutes;
- ``circuit_breaker`` (``hedging`` for a latency SLO): most of the SLO's bad minutes coincide with an
  upstream's (:mod:`attribution`); its impact is the history replayed with those minutes at the service's
  own error rate, which is what a breaker with a fallback (or a hedged request) buys at best;
- ``runbook``: page rules without a runbook to follow.

Threshold tuning loosens a noisy static rule (fewest pages, no more significant burns missed) or tightens
one that misses burns (fewest misses, at most ``TIGHTENING_PAGE_LIMIT`` as many pages a week, or one a day).

Confidence grows with evidence: the number of significant burns and the days of data behind the backtest.
IDs are content hashes (service, SLO, kind, proposal): the same history proposes the same id, which is what
accepting names.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from companyos_server.domains.slos import attribution, budget, capacity, quality, regressions
from companyos_server.domains.slos.budget import BurnRateRule, Objective
from companyos_server.domains.slos.quality import StaticThresholdRule

Rule = BurnRateRule | StaticThresholdRule
FloatArray = npt.NDArray[np.float64]
RATE_FACTORS = (0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0)
TUNING_WINDOWS = (5, 15, 30, 60)
TIGHTENING_PAGE_LIMIT = 2.0  # a rule tightened to catch missed burns may page at most twice as often ...
TIGHTENING_PAGE_FLOOR = 7.0  # ... or once a day, whichever is more
MIN_BUDGET_SAVED = 0.02  # a hint saving less than a significant burn's worth of budget is not worth a change


@dataclass(frozen=True)
class Context:
    """What a recommendation may link to."""

    tenant_id: str
    service_id: str
    runbooks: Sequence[dict[str, str]] = ()
    rollback_plans: Mapping[str, str] = field(default_factory=dict)  # deployment id -> plan rolling it back
    min_events: int = 0


def to_rules(alerting: Sequence[dict[str, Any]], objective: Objective) -> list[Rule]:
    """An SLO's ``alerting`` as replayable rules (page rules only: tickets wake nobody)."""
    rules: list[Rule] = []
    for rule in alerting:
        if rule.get("action", "page") != "page":
            continue
        if rule.get("kind") == "static_error_rate":
            rules.append(
                StaticThresholdRule(
                    rule["name"],
                    float(rule["error_rate"]),
                    timedelta(minutes=int(rule["window_minutes"])),
                    int(rule.get("min_events") or 0),
                )
            )
        elif rule.get("kind") == "burn_rate":
            long = timedelta(minutes=int(rule["long_window_minutes"]))
            share = float(rule["burn_rate"]) * (long.total_seconds() / 3600.0) / objective.window_hours
            rules.append(
                BurnRateRule(
                    rule["name"],
                    "page",
                    long,
                    timedelta(minutes=int(rule["short_window_minutes"])),
                    share,
                    int(rule.get("min_events") or 0),
                )
            )
    return rules


def workbook_rules(objective: Objective, min_events: int = 0) -> list[dict[str, Any]]:
    """The Workbook policy in the SLO ``alerting`` shape (thresholds for this objective's window), keeping
    the low-traffic guard the SLO's rules already have."""
    return [
        {
            "name": rule.name,
            "kind": "burn_rate",
            "action": rule.action,
            "burn_rate": round(rule.threshold(objective), 4),
            "long_window_minutes": int(rule.long / timedelta(minutes=1)),
            "short_window_minutes": int(rule.short / timedelta(minutes=1)),
            **({"min_events": min_events} if min_events else {}),
        }
        for rule in budget.WORKBOOK_POLICY
    ]


def _policy_shape(alerting: Sequence[dict[str, Any]]) -> set[tuple[str, int, int, float]]:
    """Burn-rate rules as (action, long window, short window, threshold): what makes two policies the same."""
    return {
        (
            str(rule.get("action", "page")),
            int(rule["long_window_minutes"]),
            int(rule["short_window_minutes"]),
            round(float(rule["burn_rate"]), 2),
        )
        for rule in alerting
        if rule.get("kind") == "burn_rate"
    }


def _id(*parts: Any) -> str:
    text = json.dumps(parts, sort_keys=True, default=str)
    return "rec_" + hashlib.sha256(text.encode()).hexdigest()[:20]


def confidence(burns: int, days: float, missed_after: int = 0) -> tuple[str, float]:
    """More significant burns and more days behind a backtest: more confidence; a miss costs some."""
    score = min(burns, 5) / 5 * 0.6 + min(days, 28) / 28 * 0.4 - 0.2 * missed_after
    score = round(max(0.05, min(score, 1.0)), 2)
    return ("high" if score >= 0.7 else "medium" if score >= 0.4 else "low"), score


def _impact(result: quality.Backtest, budget_saved: float | None = None) -> dict[str, Any]:
    reduction = result.page_reduction
    return {
        "pages_before": result.current.pages,
        "pages_after": result.proposed.pages,
        "page_reduction": None if reduction is None else round(reduction, 4),
        "significant_burns_missed_before": result.current.missed_burns,
        "significant_burns_missed_after": result.proposed.missed_burns,
        "budget_saved": None if budget_saved is None else round(budget_saved, 4),
    }


def _backtest_dict(result: quality.Backtest, days: float) -> dict[str, Any]:
    return {
        "days": round(days, 2),
        "current": result.current.as_dict(),
        "proposed": result.proposed.as_dict(),
    }


def _describe(rule: dict[str, Any]) -> str:
    if rule.get("kind") == "static_error_rate":
        return f"error rate >= {100 * float(rule['error_rate']):g} % over {rule['window_minutes']} min"
    return (
        f"burn rate >= {rule['burn_rate']}x over {rule['long_window_minutes']} min "
        f"and {rule['short_window_minutes']} min"
    )


def recommend(
    slo: dict[str, Any],
    good: FloatArray,
    total: FloatArray,
    context: Context,
    *,
    deploys: Sequence[regressions.Deploy] = (),
    versions: dict[str, str] | None = None,
    found_regressions: Sequence[regressions.Regression] | None = None,
    load: capacity.LoadSensitivity | None = None,
    upstream_bad: dict[str, npt.NDArray[np.bool_]] | None = None,
) -> list[dict[str, Any]]:
    """The recommendations for one SLO over one (budgeted) per-minute history, strongest first."""
    objective = Objective(float(slo["objective"]), int(slo["window_days"]))
    days = good.size / 1440
    if total.sum() == 0:
        return []
    burns = quality.significant_burns(good, total, objective)
    alerting = list(slo.get("alerting") or [])
    # The low-traffic guard the team declared on its rules applies to every replay, theirs and ours.
    declared_guard = max((int(rule.get("min_events") or 0) for rule in alerting), default=0)
    if declared_guard > context.min_events:
        context = replace(context, min_events=declared_guard)
    current = to_rules(alerting, objective)
    out: list[dict[str, Any]] = []
    base = {"slo_id": slo.get("id"), "slo_name": slo["name"]}

    # The current rules replay with their own guards (as the report's alert_quality does); the Workbook
    # policy proposed in their place carries the strictest of them.
    current_firing = quality.replay(good, total, objective, current)
    current_quality = quality.score(current_firing, burns)
    workbook_firing = quality.replay(
        good, total, objective, budget.WORKBOOK_POLICY, min_events=context.min_events
    )
    workbook_quality = quality.score(workbook_firing, burns)
    adoption = quality.Backtest(current_quality, workbook_quality)
    workbook = workbook_rules(objective, context.min_events)
    already = _policy_shape(alerting) >= _policy_shape(workbook)  # by windows and thresholds, not by name
    better = workbook_quality.missed_burns < current_quality.missed_burns or (
        workbook_quality.missed_burns <= current_quality.missed_burns
        and workbook_quality.pages < current_quality.pages
    )
    if not already and better:
        level, score = confidence(len(burns), days, workbook_quality.missed_burns)
        proposal = {"alerting": [*(r for r in alerting if r.get("action", "page") != "page"), *workbook]}
        out.append(
            {
                **base,
                "id": _id(context.service_id, slo["name"], "burn_rate_policy", proposal),
                "kind": "burn_rate_policy",
                "title": f"Page on the Workbook's multi-window burn rates for {slo['name']}",
                "summary": (
                    f"Replayed over {days:g} days: {current_quality.pages} pages -> {workbook_quality.pages}, "
                    f"{current_quality.missed_burns} -> {workbook_quality.missed_burns} of {len(burns)} "
                    "significant burns missed."
                ),
                "evidence": [
                    f"current rules: {', '.join(_describe(r) for r in alerting) or 'none that page'}",
                    f"{len(burns)} significant budget burn(s) in {days:g} days",
                    f"current precision {current_quality.as_dict()['precision']}, "
                    f"{current_quality.as_dict()['pages_per_week']} pages/week",
                ],
                "confidence": level,
                "confidence_score": score,
                "expected_impact": _impact(adoption),
                "backtest": _backtest_dict(adoption, days),
                "proposal": proposal,
                "links": [],
                "follow_up": _pages_follow_up(slo, workbook_quality, days),
            }
        )
    for i, rule in enumerate(alerting):
        if rule.get("kind") != "static_error_rate" or rule.get("action", "page") != "page":
            continue
        tuned = _tune(
            good, total, objective, alerting, i, burns, current_quality, int(rule.get("min_events") or 0)
        )
        if tuned is None:
            continue
        proposal_rule, result = tuned
        level, score = confidence(len(burns), days, result.proposed.missed_burns)
        proposal = {"alerting": [*alerting[:i], proposal_rule, *alerting[i + 1 :]]}
        verb = "Tighten" if result.proposed.missed_burns < result.current.missed_burns else "Tune"
        out.append(
            {
                **base,
                "id": _id(context.service_id, slo["name"], "threshold_tuning", proposal),
                "kind": "threshold_tuning",
                "title": f"{verb} {rule['name']}: {_describe(rule)} -> {_describe(proposal_rule)}",
                "summary": (
                    f"Replayed over {days:g} days: {result.current.pages} pages -> {result.proposed.pages}, "
                    f"significant burns missed {result.current.missed_burns} -> {result.proposed.missed_burns}."
                ),
                "evidence": [
                    f"{rule['name']} paged {result.current.pages} times "
                    f"({result.current.as_dict()['pages_per_week']}/week), precision "
                    f"{result.current.as_dict()['precision']}",
                    f"{len(burns)} significant budget burn(s) in {days:g} days",
                ],
                "confidence": level,
                "confidence_score": score,
                "expected_impact": _impact(result),
                "backtest": _backtest_dict(result, days),
                "proposal": proposal,
                "links": [],
                "follow_up": _pages_follow_up(slo, result.proposed, days),
            }
        )
    found = (
        found_regressions
        if found_regressions is not None
        else regressions.regressions(good, total, objective, list(deploys))
    )
    for reg in found:
        if not reg.deploy_id or reg.end is not None:
            continue  # no deploy to roll back, or the error rate already came back down
        out.append(_rollback(slo, good, total, objective, current, burns, reg, context, versions or {}, days))
    replay = _Replay(good, total, objective, current, burns, context.min_events)
    if load is not None:
        out.extend(_capacity(slo, replay, load, context, days))
    if upstream_bad:
        out.extend(_upstream(slo, replay, upstream_bad, context, days))
    if (current or burns) and not context.runbooks:
        out.append(
            {
                **base,
                "id": _id(context.service_id, slo["name"], "runbook"),
                "kind": "runbook",
                "title": f"Give {slo['name']}'s pages a runbook",
                "summary": "The service pages but lists no runbook for its responders.",
                "evidence": [
                    f"{current_quality.pages} pages and {len(burns)} significant burn(s) without a runbook"
                ],
                "confidence": "medium",
                "confidence_score": 0.5,
                "expected_impact": None,
                "backtest": None,
                # no backtest: a runbook changes how fast a page is handled, not whether it fires
                "proposal": {
                    "runbook": {
                        "title": f"{slo['name']} is burning its error budget",
                        "sections": [
                            "what the SLO measures and its dashboards",
                            "recent deploys and how to roll one back",
                            "upstreams to check",
                            "mitigations (shed load, fail over)",
                            "who to escalate to",
                        ],
                        "add_with": "companyos services update SERVICE --file runbooks.json",
                    }
                },
                "links": [],
                "follow_up": {
                    "success_metric": "the service lists at least one runbook",
                    "verification": {"kind": "runbook_present", "query": "count(service.runbooks) >= 1"},
                },
            }
        )
    order = {"rollback": 0, "burn_rate_policy": 1, "threshold_tuning": 2, "capacity": 3, "circuit_breaker": 3,
             "hedging": 3, "runbook": 4}  # fmt: skip
    out.sort(key=lambda r: (order[r["kind"]], -(r["expected_impact"] or {}).get("pages_before", 0)))
    # Whoever acts on a recommendation (or is paged by its new rules) needs the service's runbooks at hand.
    runbooks = [
        {"rel": "runbook", "title": str(rb.get("title") or rb.get("url")), "href": str(rb["url"])}
        for rb in context.runbooks
        if rb.get("url")
    ]
    for rec in out:
        rec["links"] = [*rec["links"], *runbooks]
    return out


def _pages_follow_up(slo: dict[str, Any], proposed: quality.Quality, days: float) -> dict[str, Any]:
    target = round(max(proposed.pages_per_week, 0.0) * 1.25 + 0.5, 2)
    return {
        "success_metric": f"{slo['name']} pages at most {target} times a week with no significant burn missed",
        "verification": {
            "kind": "pages_per_week",
            "slo_name": slo["name"],
            "threshold": target,
            "days": 7,
            "query": f"pages_per_week(slo={slo['name']}, days=7) <= {target} and missed_burns == 0",
        },
    }


def _tune(
    good: FloatArray,
    total: FloatArray,
    objective: Objective,
    alerting: list[dict[str, Any]],
    index: int,
    burns: list[quality.Episode],
    current_quality: quality.Quality,
    min_events: int,
) -> tuple[dict[str, Any], quality.Backtest] | None:
    """The grid point missing the fewest burns (never more than today), then with the fewest pages (ties:
    faster detection); one that catches more burns may page up to the tightening limit."""
    rule = alerting[index]
    page_limit = max(current_quality.pages_per_week * TIGHTENING_PAGE_LIMIT, TIGHTENING_PAGE_FLOOR)
    others = to_rules([r for j, r in enumerate(alerting) if j != index], objective)
    others_firing = quality.replay(good, total, objective, others)  # each with its own guard
    best: tuple[tuple[int, int, float, float, int], dict[str, Any], quality.Quality] | None = None
    for window in sorted({int(rule["window_minutes"]), *TUNING_WINDOWS}):
        # one pass of trailing sums per window; each factor is then a comparison (same as quality.replay)
        window_total = budget.trailing_sums(total, window)
        window_bad = window_total - budget.trailing_sums(good, window)
        enough = (window_total > 0) & (window_total >= min_events)
        with np.errstate(invalid="ignore", divide="ignore"):
            rate_now = np.where(enough, window_bad / np.where(enough, window_total, 1.0), 0.0)
        for factor in RATE_FACTORS:
            if factor == 1.0 and window == int(rule["window_minutes"]):
                continue
            rate = min(float(rule["error_rate"]) * factor, 1.0)
            firing = others_firing | (enough & (rate_now >= rate))
            scored = quality.score(firing, burns)
            if scored.missed_burns > current_quality.missed_burns:
                continue
            if scored.missed_burns < current_quality.missed_burns and scored.pages_per_week > page_limit:
                continue
            # ties go to the smallest change of the error rate, then the shortest window
            key = (
                scored.missed_burns,
                scored.pages,
                scored.detection_minutes or 0.0,
                abs(np.log(factor)),
                window,
            )
            if best is None or key < best[0]:
                best = (key, {**rule, "error_rate": round(rate, 6), "window_minutes": window}, scored)
    if best is None or (
        best[2].missed_burns == current_quality.missed_burns and best[2].pages >= current_quality.pages
    ):
        return None
    return best[1], quality.Backtest(current_quality, best[2])


@dataclass(frozen=True)
class _Replay:
    """One SLO's history and its current page rules, to replay counterfactual versions of it against."""

    good: FloatArray
    total: FloatArray
    objective: Objective
    current: list[Rule]
    burns: list[quality.Episode]
    min_events: int

    def counterfactual(self, fixed_bad: FloatArray) -> tuple[quality.Backtest, float | None]:
        """The current rules (the Workbook's without any) on the history as it is and with ``fixed_bad`` bad
        events a minute (never more than happened), each scored against its own significant burns; and the
        share of the window's budget the difference saves."""
        bad = self.total - self.good
        fixed_bad = np.minimum(bad, fixed_bad)
        fixed_good = self.total - fixed_bad
        allowance = (
            float(self.total.sum())
            * (self.objective.window_days * 1440 / max(self.total.size, 1))
            * self.objective.allowed_error
        )
        budget_saved = float((bad - fixed_bad).sum()) / allowance if allowance > 0 else None
        rules = self.current or budget.WORKBOOK_POLICY
        guard = 0 if self.current else self.min_events  # current rules carry their own guards
        before = quality.score(
            quality.replay(self.good, self.total, self.objective, rules, min_events=guard),
            self.burns,
        )
        after = quality.score(
            quality.replay(fixed_good, self.total, self.objective, rules, min_events=guard),
            quality.significant_burns(fixed_good, self.total, self.objective),
        )
        return quality.Backtest(before, after), budget_saved


def _error_rate_follow_up(slo: dict[str, Any], objective: Objective) -> dict[str, Any]:
    return {
        "success_metric": f"{slo['name']}'s 5-minute error rate p95 stays below the SLO's allowance for 7 days",
        "verification": {
            "kind": "error_rate_p95",
            "slo_name": slo["name"],
            "threshold": round(objective.allowed_error, 8),
            "days": 7,
            "query": f"p95(error_rate_5m, slo={slo['name']}, days=7) < {objective.allowed_error:.6g}",
        },
    }


def _rollback(
    slo: dict[str, Any],
    good: FloatArray,
    total: FloatArray,
    objective: Objective,
    current: list[Rule],
    burns: list[quality.Episode],
    reg: regressions.Regression,
    context: Context,
    versions: dict[str, str],
    days: float,
) -> dict[str, Any]:
    """Counterfactual backtest: the history from the regression on at the error rate before it."""
    window = slice(reg.minute, None)
    fixed_bad = total - good
    fixed_bad[window] = np.round(total[window] * reg.error_rate_before)
    result, budget_saved = _Replay(good, total, objective, current, burns, context.min_events).counterfactual(
        fixed_bad
    )
    version = versions.get(reg.deploy_id or "", "")
    level, score = confidence(max(len(burns), 1), days)
    links = [
        {
            "rel": "deployment",
            "title": f"deployment {version or reg.deploy_id}",
            "href": f"/v1/tenants/{context.tenant_id}/deployments/{reg.deploy_id}",
        }
    ]
    plan_id = context.rollback_plans.get(reg.deploy_id or "")
    if plan_id:
        links.append(
            {
                "rel": "maestro_plan",
                "title": f"Maestro plan rolling back {version or reg.deploy_id}",
                "href": f"/v1/tenants/{context.tenant_id}/plans/{plan_id}",
            }
        )
    ratio = round(reg.ratio, 1)
    return {
        "slo_id": slo.get("id"),
        "slo_name": slo["name"],
        "id": _id(context.service_id, slo["name"], "rollback", reg.deploy_id),
        "kind": "rollback",
        "title": f"Roll back {version or reg.deploy_id}: error rate {ratio}x since it shipped",
        "summary": (
            f"The error rate rose from {100 * reg.error_rate_before:.3f} % to {100 * reg.error_rate_after:.3f} % "
            f"{reg.lag_minutes} min after deployment {reg.deploy_id} and has stayed there; at the earlier rate the period "
            f"would have kept {100 * (budget_saved or 0):.1f} % more of its budget."
        ),
        "evidence": [
            f"change point (ruptures) {reg.lag_minutes} min after {reg.deploy_id}",
            f"error rate {100 * reg.error_rate_before:.3f} % -> {100 * reg.error_rate_after:.3f} %",
            *(
                []
                if plan_id
                else [
                    f"no Maestro plan rolls back {reg.deploy_id} yet: create one with a deployment.rollback "
                    "step for it (companyos plans create)"
                ]
            ),
        ],
        "confidence": level,
        "confidence_score": score,
        "expected_impact": _impact(result, budget_saved),
        "backtest": _backtest_dict(result, days),
        "proposal": {"rollback": {"deployment_id": reg.deploy_id, "plan_id": plan_id}},
        "links": links,
        "follow_up": _error_rate_follow_up(slo, objective),
    }


def _capacity(
    slo: dict[str, Any],
    replay: _Replay,
    load: capacity.LoadSensitivity,
    context: Context,
    days: float,
) -> list[dict[str, Any]]:
    """Counterfactual: the busiest minutes failing no more often than the others."""
    busy = replay.total >= load.busy_threshold
    fixed_bad = replay.total - replay.good
    fixed_bad[busy] = np.round(replay.total[busy] * load.other_error_rate)
    result, budget_saved = replay.counterfactual(fixed_bad)
    if (budget_saved or 0) < MIN_BUDGET_SAVED and result.proposed.pages >= result.current.pages:
        return []
    level, score = confidence(min(load.minutes // 1440, 5), days)
    threshold = round(load.busy_threshold, 1)
    allowed = replay.objective.allowed_error
    return [
        {
            "slo_id": slo.get("id"),
            "slo_name": slo["name"],
            # one per SLO: the id must not move with the busy threshold, which shifts as the window does
            "id": _id(context.service_id, slo["name"], "capacity"),
            "kind": "capacity",
            "title": f"Add capacity (or a cache) for {slo['name']}'s busiest minutes",
            "summary": (
                f"At {threshold:g} events/min and more the error rate is {100 * load.busy_error_rate:.3f} %, "
                f"{100 * load.other_error_rate:.3f} % otherwise. Had busy minutes failed no more often, the "
                f"period would have kept {100 * (budget_saved or 0):.1f} % more of its budget "
                f"({result.current.pages} pages -> {result.proposed.pages})."
            ),
            "evidence": [
                f"Spearman rho {load.rho:.3f} between load and error rate over {load.minutes} minutes "
                f"(p = {load.p_value:.3g})",
                f"busiest tenth of minutes fail {load.ratio:.1f}x as often as the rest",
            ],
            "confidence": level,
            "confidence_score": score,
            "expected_impact": _impact(result, budget_saved),
            "backtest": _backtest_dict(result, days),
            "proposal": {
                "capacity": {
                    "busy_events_per_minute": threshold,
                    "target_error_rate": round(load.other_error_rate, 6),
                    "options": [
                        "scale out or raise pool sizes",
                        "cache hot reads",
                        "shed or queue excess load",
                    ],
                }
            },
            "links": [],
            "follow_up": {
                "success_metric": (
                    f"{slo['name']}'s error rate in minutes with >= {threshold:g} events stays below the SLO's "
                    "allowance for 7 days"
                ),
                "verification": {
                    "kind": "busy_error_rate",
                    "slo_name": slo["name"],
                    "threshold": round(allowed, 8),
                    "events_per_minute": threshold,
                    "days": 7,
                    "query": f"error_rate(slo={slo['name']}, events_per_minute >= {threshold:g}, days=7) "
                    f"< {allowed:.6g}",
                },
            },
        }
    ]


def _upstream(
    slo: dict[str, Any],
    replay: _Replay,
    upstream_bad: dict[str, npt.NDArray[np.bool_]],
    context: Context,
    days: float,
) -> list[dict[str, Any]]:
    """Counterfactual: the bad minutes an upstream explains at the service's own error rate (the rest)."""
    own = attribution.bad_minutes(replay.good, replay.total, replay.objective)
    share = attribution.dependency_contribution(own, upstream_bad)
    explained_share = cast(float, share["explained_share"])
    if not share["bad_minutes"] or explained_share < attribution.EXPLAINED_SHARE:
        return []
    explained = own & np.logical_or.reduce([np.asarray(m, dtype=bool) for m in upstream_bad.values()])
    bad = replay.total - replay.good
    quiet = ~own & (replay.total > 0)
    own_rate = float(bad[quiet].sum() / replay.total[quiet].sum()) if quiet.any() else 0.0
    fixed_bad = bad.copy()
    fixed_bad[explained] = np.round(replay.total[explained] * own_rate)
    result, budget_saved = replay.counterfactual(fixed_bad)
    if (budget_saved or 0) < MIN_BUDGET_SAVED and result.proposed.pages >= result.current.pages:
        return []
    by_upstream: dict[str, float] = share["by_upstream"]  # type: ignore[assignment]
    top = [name for name, part in by_upstream.items() if part > 0][:3]
    latency = slo.get("sli_type") == "latency"
    kind = "hedging" if latency else "circuit_breaker"
    remedy = (
        f"Hedge (or time-box and retry) {slo['name']}'s calls to {', '.join(top)}"
        if latency
        else f"Put a circuit breaker with a fallback in front of {', '.join(top)} for {slo['name']}"
    )
    level, score = confidence(len(replay.burns), days)
    return [
        {
            "slo_id": slo.get("id"),
            "slo_name": slo["name"],
            "id": _id(context.service_id, slo["name"], kind),  # one per SLO, whichever upstreams lead
            "kind": kind,
            "title": remedy,
            "summary": (
                f"{100 * explained_share:.0f} % of {share['bad_minutes']} bad minutes coincide "
                f"with an upstream's. Served at the service's own error rate ({100 * own_rate:.3f} %), those "
                f"minutes would have kept {100 * (budget_saved or 0):.1f} % more of the budget "
                f"({result.current.pages} pages -> {result.proposed.pages})."
            ),
            "evidence": [
                f"{name}: {100 * part:.0f} % of the bad minutes"
                for name, part in by_upstream.items()
                if part > 0
            ][:5],
            "confidence": level,
            "confidence_score": score,
            "expected_impact": _impact(result, budget_saved),
            "backtest": _backtest_dict(result, days),
            "proposal": {kind: {"upstreams": top, "explained_share": explained_share}},
            "links": [],
            "follow_up": _error_rate_follow_up(slo, replay.objective),
        }
    ]


# -- follow-ups -------------------------------------------------------------------------------------------


def check(
    verification: dict[str, Any],
    slo: dict[str, Any] | None,
    good: FloatArray,
    total: FloatArray,
    *,
    runbooks: int = 0,
) -> dict[str, Any]:
    """Re-run a follow-up's verification query over the last ``days`` of the history given."""
    kind = verification.get("kind")
    if kind == "runbook_present":
        return {"result": "passing" if runbooks else "failing", "value": runbooks}
    if slo is None:
        return {"result": "no_data", "value": None}
    width = int(verification.get("days", 7)) * 1440
    g, t = good[-width:], total[-width:]
    if t.sum() == 0:
        return {"result": "no_data", "value": None}
    objective = Objective(float(slo["objective"]), int(slo["window_days"]))
    threshold = float(verification["threshold"])
    if kind == "pages_per_week":
        burns = quality.significant_burns(g, t, objective)
        scored = quality.score(
            quality.replay(g, t, objective, to_rules(slo.get("alerting") or [], objective)), burns
        )
        value = round(scored.pages_per_week, 2)
        ok = value <= threshold and scored.missed_burns == 0
        return {"result": "passing" if ok else "failing", "value": value}
    if kind == "busy_error_rate":
        busy = t >= float(verification.get("events_per_minute") or 0)
        if not busy.any():
            return {"result": "no_data", "value": None}
        value = float((t[busy] - g[busy]).sum() / t[busy].sum())
        return {"result": "passing" if value < threshold else "failing", "value": round(value, 8)}
    if kind == "error_rate_p95":
        usable = (t.size // 5) * 5
        tb = t[:usable].reshape(-1, 5).sum(axis=1)
        bb = tb - g[:usable].reshape(-1, 5).sum(axis=1)
        rates = bb[tb > 0] / tb[tb > 0]
        if rates.size == 0:
            return {"result": "no_data", "value": None}
        value = float(np.percentile(rates, 95))
        return {"result": "passing" if value < threshold else "failing", "value": round(value, 8)}
    return {"result": "no_data", "value": None}
