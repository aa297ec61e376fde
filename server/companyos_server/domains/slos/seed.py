"""SLO Doctor demo: an ops-heavy service (``ledger-ops`` in acme) with 30 days of 1-minute SLI data, a noisy
static alert with the pages it sent (alert occurrences) and a regression after a deploy (its errors in one
region), so its report recommends changes whose backtests cut pages, scores the alert that fired and
names the region.

Deterministic values (a seeded generator) on a timeline anchored at the current minute, so the analysis
window always covers them. Idempotent: a service that already has its SLO is left alone. The samples (43,200
minutes, the last 36 hours by region) go in as one bulk insert.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import insert

from companyos_server.core.maestro.models import SliSampleRow
from companyos_server.domains.alerts import history as alert_history
from companyos_server.domains.alerts import occurrences
from companyos_server.domains.deployments import service as deployments
from companyos_server.domains.services import service as services
from companyos_server.domains.services import sli
from companyos_server.domains.services import store as services_store
from companyos_server.domains.slos import budget, doctor, quality, service, store
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import new_id, utcnow

SEED_ORDER = 40  # after services (10) and deployments (20)
ACTOR = "seed"
TENANT = "acme"
NAME = "ledger-ops"
DAYS = 30
DAY = 24 * 60
REGRESSION_MINUTES = 36 * 60
NOISY_ALERT = {"name": "ledger-5xx-1pct", "kind": "static_error_rate", "action": "page", "error_rate": 0.01,
               "window_minutes": 5}  # fmt: skip

# The demo's SLO (also the sandbox's ops-heavy story's): ledger posts, paged by the noisy static rule.
LEDGER_SLO: dict[str, Any] = {
    "name": "ledger-availability",
    "display_name": "Ledger posts succeed",
    "sli_type": "availability",
    "objective": 99.9,
    "window_days": 30,
    "indicator": {"name": "ledger-posts", "endpoint": "POST /ledger/entries", "kind": "ratio",
                  "metric_source": {"type": "Prometheus",
                                    "good": {"query": 'sum(rate(ledger_posts_total{code!~"5.."}[1m]))'},
                                    "total": {"query": "sum(rate(ledger_posts_total[1m]))"}}},
    "alerting": [NOISY_ALERT],
}  # fmt: skip


def history(days: int = DAYS, *, seed: int = 11) -> tuple[np.ndarray, np.ndarray]:
    """Per-minute good/total: diurnal traffic (600-1,400 a minute), background errors around 0.01 %,
    4-minute blips at 2.5 % every 3 hours (the static alert pages on each), two outages, and a regression
    to 0.9 % errors for the last 36 hours."""
    rng = np.random.default_rng(seed)
    minutes = np.arange(days * DAY)
    total = np.round(1000 + 400 * np.sin(2 * np.pi * (minutes % DAY) / DAY)).astype(np.int64)
    bad = rng.binomial(total, 0.0001)
    blips = (minutes % 180 < 4) & (minutes >= 180)
    bad[blips] = np.round(total[blips] * 0.025)
    for start, length, rate in ((9 * DAY + 600, 40, 0.3), (20 * DAY + 200, 25, 0.5)):
        bad[start : start + length] = np.round(total[start : start + length] * rate)
    regression = days * DAY - REGRESSION_MINUTES
    bad[regression:] = rng.binomial(total[regression:], 0.009)
    return (total - bad).astype(np.int64), total


def _fired(service_id: str, start: datetime, good: np.ndarray, total: np.ndarray) -> list[dict[str, Any]]:
    """What the noisy alert actually paged, as Alertmanager would have reported it: one occurrence per
    firing of its rule over the history (the report sets them beside the replayed pages)."""
    objective = budget.Objective(99.9, DAYS)
    rule = doctor.to_rules([NOISY_ALERT], objective)
    firing = quality.replay(good.astype(np.float64), total.astype(np.float64), objective, rule)
    name = str(NOISY_ALERT["name"])
    fingerprint = alert_history.derived_fingerprint(name, service_id)
    return [
        {"id": new_id("aoc"), "tenant_id": TENANT, "alert_id": None, "fingerprint": fingerprint,
         "alert_name": name, "service_id": service_id, "service_name": NAME, "severity": "critical",
         "starts_at": start + timedelta(minutes=ep.start),
         "ends_at": start + timedelta(minutes=ep.end) if ep.end < total.size else None,
         "source": "import", "received_at": start + timedelta(minutes=ep.start)}
        for ep in quality.episodes(firing)
    ]  # fmt: skip


def _samples(
    service_id: str, start: datetime, good: np.ndarray, total: np.ndarray
) -> Iterator[dict[str, Any]]:
    """The history as rows; the regression's minutes split by region, with its errors all in ``eu`` (a
    third of the traffic), so the report names the hotspot."""
    regression = total.size - REGRESSION_MINUTES
    for i, (g, t) in enumerate(zip(good.tolist(), total.tolist(), strict=True)):
        row = {"tenant_id": TENANT, "service_ref": service_id, "ts": start + timedelta(minutes=i)}
        if i < regression:
            yield {**row, "id": new_id("sli"), "good": g, "total": t, "labels": None, "series": ""}
            continue
        eu = t // 3
        bad = min(t - g, eu)
        for region, region_good, region_total in (
            ("eu", eu - bad, eu),
            ("us", t - eu - (t - g - bad), t - eu),
        ):
            labels = {"region": region}
            yield {**row, "id": new_id("sli"), "good": region_good, "total": region_total, "labels": labels,
                   "series": sli.series_key(labels)}  # fmt: skip


def seed_demo(runtime: Runtime) -> None:
    with runtime.db.session() as session:
        row = services_store.get_by_name(session, TENANT, NAME)
        if row is None:
            body = {
                "name": NAME,
                "description": "Posts ledger entries from the payment stream; pages a lot.",
                "owner": {"team": "payments", "contact": "#payments-oncall"},
                "tier": "tier-1",
                "environments": ["production", "staging"],
                "slo": {"objective": 99.9, "window_days": 30, "indicator": "ledger posts without a 5xx"},
            }
            service_id = services.create_service_in(session, TENANT, body, ACTOR)["id"]
        else:
            service_id = row.id
        if store.slo_by_name(session, TENANT, service_id, "ledger-availability") is not None:
            return
        service.create_in(session, TENANT, service_id, copy.deepcopy(LEDGER_SLO))
        now = utcnow().replace(second=0, microsecond=0)
        start = now - timedelta(minutes=DAYS * DAY - 1)
        good, total = history()
        session.execute(insert(SliSampleRow), list(_samples(service_id, start, good, total)))
        occurrences.upsert(session, _fired(service_id, start, good, total), "keep")
        for version, minutes_ago in (("v3.3.0", 6 * DAY), ("v3.4.0", 36 * 60 + 12)):
            at = now - timedelta(minutes=minutes_ago)
            stages = [
                {
                    "name": name,
                    "state": "succeeded",
                    "started_at": at.isoformat(),
                    "finished_at": at.isoformat(),
                    "detail": None,
                }
                for name in deployments.STAGES
            ]
            deployments.create_deployment_in(
                session, TENANT, service_id, {"version": version, "environment": "production"}, ACTOR,
                stages=stages, at=at - timedelta(minutes=10),
            )  # fmt: skip
