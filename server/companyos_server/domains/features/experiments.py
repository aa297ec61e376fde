"""Experiments on flags: control/treatment variants split by the flag's bucketing, exposure events,
a sample-ratio-mismatch check and frequentist results.

* SRM: a χ² goodness-of-fit test of the exposed subjects per arm against the configured weights
  (``scipy.stats.chisquare``); p < 0.001 flags it, and a flagged experiment cannot be concluded.
* Results: per arm the conversion rate with a 95 % Wilson interval; treatment vs control the absolute
  difference with a 95 % Wald interval and a two-sided two-proportion z-test p-value.
* Guardrails: named rates where a hit is good (``checkout_completed``), reported per exposure. One is
  ``breached`` when the 95 % Newcombe interval of treatment - control lies entirely below ``-max_drop``:
  the treatment is worse by more than the tolerated drop with 95 % confidence. Concluding with
  ``ship_treatment`` is refused while a guardrail is breached.
"""

from __future__ import annotations

import math
from typing import Any

from scipy import stats

from companyos_server import errors
from companyos_server.domains.features import store
from companyos_server.domains.features.store import ExperimentRow, ExposureMetricRow, ExposureRow
from companyos_server.domains.tenant_config import flags as tenant_flags
from companyos_server.domains.tenant_config import store as flag_store
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow

SRM_ALPHA = 0.001
Z95 = 1.959963984540054


def srm(counts: dict[str, int], weights: dict[str, float]) -> dict[str, Any]:
    """χ² test of observed arm sizes against the expected split; flagged when p < 0.001."""
    arms = list(weights)
    observed = [counts.get(a, 0) for a in arms]
    total = sum(observed)
    if total == 0:
        return {
            "chi2": None,
            "p_value": None,
            "flagged": False,
            "observed": dict(zip(arms, observed, strict=True)),
        }
    share = sum(weights.values())
    expected = [total * weights[a] / share for a in arms]
    chi2, p = stats.chisquare(observed, expected)
    return {
        "chi2": float(chi2),
        "p_value": float(p),
        "flagged": bool(p < SRM_ALPHA),
        "observed": dict(zip(arms, observed, strict=True)),
        "expected": {a: round(e, 2) for a, e in zip(arms, expected, strict=True)},
    }


def wilson(successes: int, n: int) -> tuple[float, float]:
    if n == 0:
        return (0.0, 0.0)
    p = successes / n
    denom = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denom
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def compare(control: tuple[int, int], treatment: tuple[int, int]) -> dict[str, Any]:
    """(exposed, converted) per arm → difference, 95 % CI and the two-proportion z-test p-value."""
    (n1, c1), (n2, c2) = control, treatment
    if n1 == 0 or n2 == 0:
        return {"difference": None, "ci_low": None, "ci_high": None, "p_value": None, "significant": False}
    p1, p2 = c1 / n1, c2 / n2
    diff = p2 - p1
    se = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    pooled = (c1 + c2) / (n1 + n2)
    se0 = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    p_value = float(2 * stats.norm.sf(abs(diff) / se0)) if se0 > 0 else 1.0
    return {
        "difference": diff,
        "ci_low": diff - Z95 * se,
        "ci_high": diff + Z95 * se,
        "p_value": p_value,
        "significant": p_value < 0.05,
    }


def newcombe(control: tuple[int, int], treatment: tuple[int, int]) -> tuple[float, float, float] | None:
    """Treatment - control with Newcombe's hybrid score 95 % interval (from each arm's Wilson interval):
    unlike the Wald interval it does not collapse at rates of 0 or 1 or on a handful of subjects."""
    (n1, c1), (n2, c2) = control, treatment
    if n1 == 0 or n2 == 0:
        return None
    p1, p2 = c1 / n1, c2 / n2
    (l1, u1), (l2, u2) = wilson(c1, n1), wilson(c2, n2)
    diff = p2 - p1
    return diff, diff - math.hypot(p2 - l2, u1 - p1), diff + math.hypot(u2 - p2, p1 - l1)


def _weights(row: ExperimentRow) -> dict[str, float]:
    return {w["variant"]: float(w["weight"]) for w in row.weights or []}


def to_dict(row: ExperimentRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "key": row.key,
        "tenant_id": row.tenant_id,
        "flag_key": row.flag_key,
        "environment": row.environment,
        "control": row.control,
        "treatment": row.treatment,
        "weights": list(row.weights or []),
        "metric": row.metric,
        "guardrails": list(row.guardrails or []),
        "guardrail_max_drop": float(row.guardrail_max_drop or 0.0),
        "status": row.status,
        "decision": row.decision,
        "outcome": row.outcome,
        "created_at": row.created_at,
        "concluded_at": row.concluded_at,
    }


def _require(session: Any, tenant_id: str, experiment_id: str) -> ExperimentRow:
    row = store.get_experiment(session, tenant_id, experiment_id)
    if row is None:
        raise errors.not_found("Experiment", experiment_id)
    return row


def create_experiment(db: Database, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    """Define the experiment and put its split rule first on the flag (in the same transaction)."""
    control, treatment = body["control"], body["treatment"]
    share = int(body.get("treatment_percentage", 50))
    weights = [{"variant": control, "weight": 100 - share}, {"variant": treatment, "weight": share}]
    with db.session() as session:
        if store.get_experiment(session, ctx.tenant_id, body["key"]) is not None:
            raise errors.already_exists("Experiment", body["key"])
        flag = flag_store.get_flag(session, ctx.tenant_id, body["flag_key"])
        if flag is None:
            raise errors.not_found("Flag", body["flag_key"])
        missing = [v for v in (control, treatment) if v not in (flag.variants or {})]
        if missing or control == treatment:
            raise errors.failed_precondition(
                f"Flag '{flag.key}' must define distinct control and treatment variants "
                f"(missing: {', '.join(missing) or 'none'})."
            )
        now = utcnow()
        row = ExperimentRow(
            id=new_id("exp"),
            tenant_id=ctx.tenant_id,
            key=body["key"],
            flag_key=flag.key,
            environment=body["environment"],
            control=control,
            treatment=treatment,
            weights=weights,
            metric=body["metric"],
            guardrails=list(body.get("guardrails", [])),
            guardrail_max_drop=float(body.get("guardrail_max_drop", 0.0)),
            status="running",
            decision=None,
            created_at=now,
        )
        session.add(row)
        rule = {
            "name": f"experiment-{row.key}",
            "environments": [row.environment],
            "enabled": True,
            "split": weights,
        }
        before = tenant_flags.changes.flag_summary(flag)
        flag.rules = [rule, *[r for r in flag.rules or [] if r.get("name") != rule["name"]]]
        flag.updated_at = now
        session.flush()
        tenant_flags.changed(session, ctx.tenant_id)
        tenant_flags.changes.flag_changed(
            session,
            ctx.tenant_id,
            ctx.principal.subject,
            flag.key,
            before,
            tenant_flags.changes.flag_summary(flag),
        )
        return to_dict(row)


def record_exposures(
    db: Database, ctx: TenantContext, experiment_id: str, body: dict[str, Any]
) -> dict[str, Any]:
    with db.session() as session:
        row = _require(session, ctx.tenant_id, experiment_id)
        if row.status != "running":
            raise errors.failed_precondition(f"Experiment '{row.key}' is {row.status}: exposures are closed.")
        arms = {row.control, row.treatment}
        now = utcnow()
        guardrails = set(row.guardrails or [])
        problems = [
            errors.FieldError(f"events[{i}].variant", "is not an arm of the experiment")
            for i, e in enumerate(body["events"])
            if e["variant"] not in arms
        ]
        problems += [
            errors.FieldError(f"events[{i}].metrics.{name}", "is not a guardrail of the experiment")
            for i, e in enumerate(body["events"])
            for name in e.get("metrics") or {}
            if name not in guardrails
        ]
        if problems:
            raise errors.invalid_argument(
                f"Events must name the experiment's arms ({', '.join(sorted(arms))}) and guardrail metrics "
                f"({', '.join(sorted(guardrails)) or 'none'}).",
                problems[:20],
            )
        for event in body["events"]:
            exposure = ExposureRow(
                id=new_id("exr"),
                tenant_id=ctx.tenant_id,
                experiment_id=row.id,
                subject=event["subject"],
                variant=event["variant"],
                converted=bool(event.get("converted", False)),
                value=event.get("value"),
                at=now,
            )
            session.add(exposure)
            for metric, hit in (event.get("metrics") or {}).items():
                session.add(
                    ExposureMetricRow(
                        tenant_id=ctx.tenant_id,
                        exposure_id=exposure.id,
                        metric=metric,
                        experiment_id=row.id,
                        variant=exposure.variant,
                        hit=bool(hit),
                    )
                )
        return {"accepted": len(body["events"])}


def guardrail_results(
    row: ExperimentRow, counts: dict[tuple[str, str], tuple[int, int]]
) -> list[dict[str, Any]]:
    """Per guardrail: each arm's measured subjects, hits and rate, and treatment - control."""
    max_drop = float(row.guardrail_max_drop or 0.0)
    found = []
    for metric in row.guardrails or []:
        control, treatment = (
            counts.get((metric, row.control), (0, 0)),
            counts.get((metric, row.treatment), (0, 0)),
        )
        interval = newcombe(control, treatment)
        status, difference, low, high, p_value = "no_data", None, None, None, None
        if interval is not None:
            difference, low, high = interval
            status = "breached" if high < -max_drop else "pass"
            p_value = compare(control, treatment)["p_value"]
        found.append({
            "metric": metric, "status": status, "max_drop": max_drop, "control": _guardrail_arm(control),
            "treatment": _guardrail_arm(treatment), "difference": difference, "ci_low": low, "ci_high": high,
            "p_value": p_value,
        })  # fmt: skip
    return found


def _guardrail_arm(counts: tuple[int, int]) -> dict[str, Any]:
    measured, hits = counts
    return {"measured": measured, "hits": hits, "rate": hits / measured if measured else None}


def results(db: Database, ctx: TenantContext, experiment_id: str) -> dict[str, Any]:
    with db.session() as session:
        row = _require(session, ctx.tenant_id, experiment_id)
        counts = store.exposure_counts(session, ctx.tenant_id, row.id)
        guardrail_counts = store.guardrail_counts(session, ctx.tenant_id, row.id) if row.guardrails else {}
        data = to_dict(row)
    arms = []
    for variant in (row.control, row.treatment):
        n, c = counts.get(variant, (0, 0))
        low, high = wilson(c, n)
        arms.append({"variant": variant, "exposed": n, "converted": c, "rate": c / n if n else None,
                     "ci_low": low, "ci_high": high})  # fmt: skip
    check = srm({v: counts.get(v, (0, 0))[0] for v in (row.control, row.treatment)}, _weights(row))
    comparison = compare(counts.get(row.control, (0, 0)), counts.get(row.treatment, (0, 0)))
    return {"experiment": data, "arms": arms, "srm": check, "comparison": comparison, "metric": row.metric,
            "guardrails": guardrail_results(row, guardrail_counts)}  # fmt: skip


def conclude(db: Database, ctx: TenantContext, experiment_id: str, body: dict[str, Any]) -> dict[str, Any]:
    outcome = results(db, ctx, experiment_id)
    if outcome["srm"]["flagged"]:
        raise errors.failed_precondition(
            f"Sample ratio mismatch (χ² p = {outcome['srm']['p_value']:.2e} < {SRM_ALPHA}): the assignment is "
            "broken; fix it before concluding."
        )
    breached = [g for g in outcome["guardrails"] if g["status"] == "breached"]
    if body.get("outcome") == "ship_treatment" and breached:
        raise errors.failed_precondition(
            "A guardrail is breached, so the treatment cannot ship: "
            + "; ".join(
                f"{g['metric']} {g['difference']:+.2%} (95 % CI up to {g['ci_high']:+.2%})" for g in breached
            )
            + "."
        )
    with db.session() as session:
        row = _require(session, ctx.tenant_id, experiment_id)
        if row.status != "running":
            raise errors.failed_precondition(f"Experiment '{row.key}' is already {row.status}.")
        row.status = "concluded"
        row.decision = body["decision"]
        row.outcome = body.get("outcome")
        row.concluded_at = utcnow()
        flag = flag_store.get_flag(session, ctx.tenant_id, row.flag_key)
        if flag is not None:
            before = tenant_flags.changes.flag_summary(flag)
            flag.rules = [r for r in flag.rules or [] if r.get("name") != f"experiment-{row.key}"]
            flag.updated_at = utcnow()
            session.flush()
            tenant_flags.changed(session, ctx.tenant_id)
            tenant_flags.changes.flag_changed(
                session,
                ctx.tenant_id,
                ctx.principal.subject,
                flag.key,
                before,
                tenant_flags.changes.flag_summary(flag),
            )
        return to_dict(row)


def get_experiment(db: Database, ctx: TenantContext, experiment_id: str) -> dict[str, Any]:
    with db.session() as session:
        return to_dict(_require(session, ctx.tenant_id, experiment_id))


def list_experiments(
    db: Database, ctx: TenantContext, *, page_size: int | None = None, page_token: str | None = None
) -> Page[dict[str, Any]]:
    with db.session() as session:
        page = paginate(
            lambda after, limit: store.experiments_page(session, ctx.tenant_id, after=after, limit=limit),
            key=lambda r: r.key,
            page_size=page_size,
            page_token=page_token,
            filters={},
        )
        return Page([to_dict(r) for r in page.items], page.next_page_token)
