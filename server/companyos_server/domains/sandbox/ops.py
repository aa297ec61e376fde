"""Seeded rows of the operations domains: services, deployments, alerts, incidents, ledger-ops' SLO with its
SLI history and pages, and a SecOps attack.

Rows go in through each domain's tables and store helpers with ids and timestamps the seeding fixes
(:class:`~companyos_server.domains.sandbox.stories.Seeding`); the domains' own rules shape them (deployment
state from its stages, an alert's error-budget inputs from its service's objective, an incident's default
runbook, SLO validation, the static alert's replayed pages). The service-layer writers cannot be called
here: they draw ids and clocks of their own, which would break determinism.
"""

from __future__ import annotations

import copy
import hashlib
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import insert, update

from companyos_server.core.intelgraph.models import GraphEdgeRow, GraphEntityRow
from companyos_server.core.maestro.models import SliSampleRow
from companyos_server.domains.alerts import history as alert_history
from companyos_server.domains.alerts import occurrences
from companyos_server.domains.alerts.service import normalize_severity
from companyos_server.domains.alerts.store import AlertRow
from companyos_server.domains.deployments.service import FINAL, STAGES, overall_state
from companyos_server.domains.deployments.store import DeploymentRow
from companyos_server.domains.incidents.service import DEFAULT_RUNBOOK
from companyos_server.domains.incidents.store import (
    IncidentChecklistItemRow,
    IncidentRow,
    IncidentServiceRow,
    IncidentTimelineRow,
)
from companyos_server.domains.sandbox.ids import epoch_ms
from companyos_server.domains.sandbox.profiles import AlertSpec, DeploySpec, IncidentSpec, ServiceSpec
from companyos_server.domains.secops import events as secops_events
from companyos_server.domains.secops.store import SecurityEventRow
from companyos_server.domains.services import sli
from companyos_server.domains.services.store import ServiceDependencyRow, ServiceRow
from companyos_server.domains.slos import budget, doctor, quality
from companyos_server.domains.slos import seed as slo_demo
from companyos_server.domains.slos import service as slo_service

if TYPE_CHECKING:
    from companyos_server.domains.sandbox.stories import Seeding

RUNBOOKS = "https://runbooks.example.com"
FAILURE_DETAIL = {
    "verification": "Error rate 4.2% over the 1% threshold for 10 minutes; p99 latency 2.8 s",
    "deploy": "Readiness probe failed on 3/6 pods (CrashLoopBackOff)",
    "build": "Unit tests failed: 2 failures in test_pricing_rules",
}
STAGE_MINUTES = {"build": (0, 4), "deploy": (5, 9), "verification": (10, 20)}


def _iso(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


# -- services -------------------------------------------------------------------------------------
def seed_services(s: Seeding, specs: tuple[ServiceSpec, ...], residency: str) -> None:
    created = s.at(minutes_ago=45 * 24 * 60)
    for spec in specs:
        slo = None
        if spec.objective is not None:
            slo = {"objective": spec.objective, "window_days": 28,
                   "indicator": "availability of HTTP requests (non-5xx)",
                   **({"sli": spec.sli} if spec.sli is not None else {})}  # fmt: skip
        s.add(ServiceRow, {
            "id": s.ids.make("svc", f"service/{spec.name}", created), "name": spec.name,
            "description": spec.description, "owner_team": spec.team,
            "owner_contact": spec.contact or f"#{spec.team}-oncall", "tier": spec.tier,
            "environments": [e for e in ("production", "staging", "sandbox") if e in spec.environments],
            "runbooks": [{"title": f"{spec.name} runbook", "url": f"{RUNBOOKS}/{spec.name}"}],
            "data_locations": [residency], "slo": slo, "labels": {}, "revision": 1,
            "isolated_at": None, "isolation_reason": None, "created_at": created, "updated_at": created,
        })  # fmt: skip
        s.services[spec.name] = s.last_id
        s.service_specs[spec.name] = spec
    for spec in specs:
        for dep in spec.deps:
            s.add(ServiceDependencyRow, {
                "id": s.ids.make("sdp", f"dependency/{spec.name}/{dep}", created),
                "service_id": s.services[spec.name], "depends_on_id": s.services[dep], "created_at": created,
            })  # fmt: skip
            s.edge(f"service:{s.services[spec.name]}", "depends_on", f"service:{s.services[dep]}", created)
    s.entities.extend(
        {"kind": "service", "entity_id": s.services[spec.name], "name": spec.name, "at": created,
         "attributes": {"tier": spec.tier, "owner_team": spec.team,
                        "environments": [e for e in ("production", "staging") if e in spec.environments],
                        "data_locations": [residency]},
         "text": " ".join([spec.name, spec.name.replace("-", " "), spec.description, spec.team, spec.tier])}
        for spec in specs
    )  # fmt: skip


# -- deployments ----------------------------------------------------------------------------------
def _stages(start: datetime, outcome: str) -> list[dict[str, Any]]:
    stages: list[dict[str, Any]] = []
    failed = False
    for name in STAGES:
        begin, end = STAGE_MINUTES[name]
        if failed:
            stages.append({"name": name, "state": "pending", "started_at": None, "finished_at": None,
                           "detail": None})  # fmt: skip
            continue
        failed = name == outcome
        stages.append({
            "name": name, "state": "failed" if failed else "succeeded",
            "started_at": _iso(start + timedelta(minutes=begin)),
            "finished_at": _iso(start + timedelta(minutes=end)),
            "detail": FAILURE_DETAIL.get(name) if failed else None,
        })  # fmt: skip
    return stages


def _deployment(s: Seeding, service: str, environment: str, version: str, start: datetime, outcome: str,
                actor: str) -> None:  # fmt: skip
    stages = _stages(start, outcome)
    state = overall_state(stages)
    finished = max(datetime.fromisoformat(st["finished_at"]) for st in stages if st["finished_at"])
    s.add(DeploymentRow, {
        "id": s.ids.make("dep", f"deployment/{service}/{environment}/{version}", start),
        "service_id": s.services[service], "environment": environment, "version": version,
        "commit": hashlib.sha256(f"{service}/{version}".encode()).hexdigest()[:12], "actor": actor,
        "description": f"Release {version} of {service}", "state": state, "stages": stages,
        "evidence_pack_ids": [], "rollback_of": None, "created_at": start, "updated_at": finished,
        "finished_at": finished if state in FINAL else None,
    })  # fmt: skip


def seed_deployments(s: Seeding, specs: tuple[DeploySpec, ...]) -> None:
    rng = s.rng("deployments")
    for spec in specs:
        jitter = rng.randint(0, 9) if spec.minutes_ago > 60 else 0  # the walkthrough's bad deploy stays put
        start = s.at(minutes_ago=spec.minutes_ago + jitter)
        _deployment(s, spec.service, spec.environment, spec.version, start, spec.outcome, spec.actor)


# -- alerts ---------------------------------------------------------------------------------------
def seed_alerts(s: Seeding, specs: tuple[AlertSpec, ...]) -> None:
    for spec in specs:
        starts = s.at(minutes_ago=spec.started_ago)
        ends = s.at(minutes_ago=spec.resolved_ago) if spec.resolved_ago is not None else None
        severity = normalize_severity(spec.severity)
        service = s.service_specs.get(spec.service)
        objective, source = budget.objective_or_default(service.objective if service else None, 28)
        labels = {"alertname": spec.name, "service": spec.service, "severity": spec.severity,
                  "job": spec.service, "namespace": "prod"}  # fmt: skip
        annotations = {"summary": spec.summary, "runbook_url": f"{RUNBOOKS}/{spec.service}#{spec.name}"}
        received = ends or starts
        alert_id = s.ids.make("alt", f"alert/{spec.key}", starts)
        s.alerts[spec.key] = alert_id
        s.add(AlertRow, {
            "id": alert_id, "fingerprint": spec.key, "name": spec.name,
            "status": "resolved" if ends else "firing", "severity": severity, "service_name": spec.service,
            "service_id": s.services.get(spec.service), "summary": spec.summary, "description": "",
            "labels": labels, "annotations": annotations, "starts_at": starts, "ends_at": ends,
            "generator_url": f"http://prometheus.example:9090/graph?g0.expr=ALERTS%7Balertname%3D%22{spec.name}%22%7D",
            "receiver": "companyos", "group_key": f'{{}}:{{alertname="{spec.name}"}}',
            "external_url": "http://alertmanager.example:9093", "occurrences": 1, "last_received_at": received,
            "acknowledged_by": None, "acknowledged_at": None, "silenced_by": None, "silenced_until": None,
            "silence_reason": None, "incident_id": None, "burn_rate": budget.severity_burn_rate(severity),
            "slo_objective": objective.percent, "slo_window_days": objective.window_days, "slo_source": source,
            "category": "operations", "rule": None, "principal": None, "risk": None, "detection": None,
            "created_at": starts, "updated_at": received,
        })  # fmt: skip
        s.occurrence_rows.append({
            "id": s.ids.make("aoc", f"occurrence/{spec.key}", starts), "tenant_id": s.tenant_id,
            "alert_id": alert_id, "fingerprint": spec.key, "alert_name": spec.name,
            "service_id": s.services.get(spec.service), "service_name": spec.service, "severity": severity,
            "starts_at": starts, "ends_at": ends, "source": "alertmanager", "received_at": received,
        })  # fmt: skip
        s.entities.append({
            "kind": "alert", "entity_id": alert_id, "name": spec.name, "at": starts,
            "attributes": {"severity": severity, "status": "resolved" if ends else "firing", "service": spec.service},
            "text": " ".join([spec.name, severity, spec.service, spec.summary]),
        })  # fmt: skip


# -- incidents ------------------------------------------------------------------------------------
def seed_incidents(s: Seeding, specs: tuple[IncidentSpec, ...]) -> None:
    for spec in specs:
        opened = s.at(minutes_ago=spec.opened_ago)
        key = f"incident/{spec.key}"
        incident_id = s.ids.make("inc", key, opened)
        alert = next((a for a in s.profile.alerts if a.key == spec.from_alert), None)
        items = list(spec.checklist) or [t.format(service=spec.service) for t in DEFAULT_RUNBOOK]
        timeline: list[tuple[datetime, str, str, str, dict[str, Any]]] = [
            (opened, "status_change", spec.commander, f"Incident opened ({spec.severity}, investigating)",
             {"status": "investigating"}),
        ]  # fmt: skip
        if alert is not None:
            timeline.append((opened, "alert", spec.commander,
                             f"Opened from alert {alert.name} ({alert.severity}) on {alert.service}: {alert.summary}",
                             {"alert_id": s.alerts[alert.key]}))  # fmt: skip
        helper, role = spec.helper
        joined = opened + timedelta(minutes=3)
        timeline.append(
            (joined, "action", spec.commander, f"{helper} joined as {role}", {"responder": helper})
        )
        for minutes, text in spec.notes:
            timeline.append((opened + timedelta(minutes=minutes), "note", spec.commander, text, {}))
        for i, text in enumerate(items):
            checked_at = opened + timedelta(minutes=5 + 2 * i) if i < spec.checked else None
            author = helper if i % 2 else spec.commander
            s.add(IncidentChecklistItemRow, {
                "id": s.ids.make("chk", f"{key}/checklist/{i}", opened), "incident_id": incident_id,
                "position": i, "text": text, "checked": checked_at is not None,
                "checked_by": author if checked_at else None, "checked_at": checked_at,
            })  # fmt: skip
            if checked_at is not None:
                timeline.append((checked_at, "action", author, f"Checked: {text}",
                                 {"checklist_item_id": s.last_id}))  # fmt: skip
        status, resolved_at = "investigating", None
        for new, minutes, note in spec.statuses:
            at = opened + timedelta(minutes=minutes)
            timeline.append((at, "status_change", spec.commander,
                             f"Status {status} → {new}{f': {note}' if note else ''}",
                             {"previous": status, "status": new}))  # fmt: skip
            status, resolved_at = new, (at if new == "resolved" else None)
        timeline.sort(key=lambda entry: entry[0])
        responders = [
            {"subject": spec.commander, "role": "commander", "added_by": spec.commander, "added_at": opened.isoformat()},
            {"subject": helper, "role": role, "added_by": spec.commander, "added_at": joined.isoformat()},
        ]  # fmt: skip
        s.add(IncidentRow, {
            "id": incident_id, "title": spec.title, "summary": spec.summary, "severity": spec.severity,
            "status": status, "source_alert_id": s.alerts[alert.key] if alert else None,
            "responders": responders, "dashboards": [], "tasks": [], "created_by": spec.commander,
            "created_at": opened, "updated_at": timeline[-1][0], "resolved_at": resolved_at,
        })  # fmt: skip
        s.add(IncidentServiceRow, {"incident_id": incident_id, "service_id": s.services[spec.service],
                                   "position": 0})  # fmt: skip
        for n, (at, kind, author, text, details) in enumerate(timeline):
            s.add(IncidentTimelineRow, {
                "id": s.ids.make("itl", f"{key}/timeline/{n}", at), "incident_id": incident_id, "kind": kind,
                "author": author, "at": at, "text": text, "details": details,
            })  # fmt: skip
        ref = f"incident:{incident_id}"
        s.entities.append({
            "kind": "incident", "entity_id": incident_id, "name": spec.title, "at": opened,
            "attributes": {"severity": spec.severity, "status": status},
            "text": " ".join([spec.title, spec.severity, status, spec.summary]),
        })  # fmt: skip
        s.edge(ref, "affects", f"service:{s.services[spec.service]}", opened)
        if alert is not None:
            s.edge(ref, "opened_from", f"alert:{s.alerts[alert.key]}", opened)


# -- ledger-ops: SLO Doctor's material -------------------------------------------------------------
LEDGER = "ledger-ops"
SLO_BODY: dict[str, Any] = slo_demo.LEDGER_SLO  # the development seed's: one story, told once


def seed_ledger(s: Seeding, residency: str) -> None:
    """ledger-ops as the development seed builds it for acme (slos/seed.py), on the seeded clock: the
    service, its SLO (validated by the SLO service), 30 days of per-minute samples in one bulk insert, the
    noisy static alert's replayed pages as imported occurrences, and the regressing deploy."""
    spec = ServiceSpec(LEDGER, "Posts ledger entries from the payment stream; pages a lot.", "payments", "tier-1",
                       objective=99.9)  # fmt: skip
    seed_services(s, (spec,), residency)
    service_id = s.services[LEDGER]
    created = s.at(minutes_ago=45 * 24 * 60)
    s.flush()
    row = slo_service.create_in(s.session, s.tenant_id, service_id, copy.deepcopy(SLO_BODY))
    row.id = s.ids.make("slo", f"slo/{LEDGER}/{SLO_BODY['name']}", created)
    row.created_at = row.updated_at = created
    s.count("slos")

    days, day = slo_demo.DAYS, slo_demo.DAY
    start = s.anchor - timedelta(minutes=days * day - 1)
    good, total = slo_demo.history(days, seed=s.int_seed("sli"))
    _samples(s, service_id, start, good, total)
    objective = budget.Objective(99.9, days)
    firing = quality.replay(good.astype(np.float64), total.astype(np.float64), objective,
                            doctor.to_rules([slo_demo.NOISY_ALERT], objective))  # fmt: skip
    name = str(slo_demo.NOISY_ALERT["name"])
    fingerprint = s.ids.alias(
        alert_history.derived_fingerprint(name, service_id), f"fingerprint:{name}/{LEDGER}"
    )
    for n, ep in enumerate(quality.episodes(firing)):
        at = start + timedelta(minutes=ep.start)
        s.occurrence_rows.append({
            "id": s.ids.make("aoc", f"occurrence/{name}/{n}", at), "tenant_id": s.tenant_id, "alert_id": None,
            "fingerprint": fingerprint, "alert_name": name, "service_id": service_id, "service_name": LEDGER,
            "severity": "critical", "starts_at": at,
            "ends_at": start + timedelta(minutes=ep.end) if ep.end < total.size else None,
            "source": "import", "received_at": at,
        })  # fmt: skip
    for version, minutes_ago in (("v3.3.0", 6 * day), ("v3.4.0", slo_demo.REGRESSION_MINUTES + 12)):
        _deployment(s, LEDGER, "production", version, s.at(minutes_ago=minutes_ago + 10), "succeeded",
                    "ci:github-actions")  # fmt: skip


def _samples(s: Seeding, service_id: str, start: datetime, good: Any, total: Any) -> None:
    """Rows as slos/seed.py shapes them: the regression's minutes split by region, its errors in ``eu``.

    Built column by column with numpy (row ``i`` of the series, in minute order, then ``eu`` before ``us``
    in a split minute) and inserted in one executemany: on SQLite straight through the driver with each
    value bound as SQLAlchemy would bind it, elsewhere through a Core insert."""
    good = np.asarray(good, dtype=np.int64)
    total = np.asarray(total, dtype=np.int64)
    size = int(total.size)
    regression = max(0, min(size, size - slo_demo.REGRESSION_MINUTES))
    split = size - regression
    # minute of each row: the unsplit minutes once, the regression's twice (eu, us)
    minute = np.concatenate([np.arange(regression), np.repeat(np.arange(regression, size), 2)])
    g_tail, t_tail = good[regression:], total[regression:]
    eu = t_tail // 3
    bad = np.minimum(t_tail - g_tail, eu)
    row_good = np.concatenate(
        [good[:regression], np.column_stack([eu - bad, t_tail - eu - (t_tail - g_tail - bad)]).ravel()]
    )
    row_total = np.concatenate([total[:regression], np.column_stack([eu, t_tail - eu]).ravel()])
    eu_labels, us_labels = {"region": "eu"}, {"region": "us"}
    eu_key, us_key = sli.series_key(eu_labels), sli.series_key(us_labels)
    labels: list[dict[str, str] | None] = [None] * regression + [eu_labels, us_labels] * split
    series = [""] * regression + [eu_key, us_key] * split
    ids = s.ids.series("sli", f"sli/{LEDGER}", epoch_ms(start) + minute * 60_000)
    goods, totals, n = row_good.tolist(), row_total.tolist(), len(ids)
    table = SliSampleRow.__table__
    dialect = s.session.get_bind().dialect
    if dialect.name == "sqlite":
        stamps = _sqlite_minutes(table.c.ts.type.dialect_impl(dialect).bind_processor(dialect), start, size)
        to_json = table.c.labels.type.dialect_impl(dialect).bind_processor(dialect) or (lambda v: v)
        encoded = {None: to_json(None), "eu": to_json(eu_labels), "us": to_json(us_labels)}
        stored = [encoded[None]] * regression + [encoded["eu"], encoded["us"]] * split
        columns = ("tenant_id", "id", "service_ref", "ts", "good", "total", "labels", "series")
        sql = (f"INSERT INTO {SliSampleRow.__tablename__} ({', '.join(columns)}) "  # noqa: S608 - constant names
               f"VALUES ({', '.join('?' for _ in columns)})")  # fmt: skip
        s.session.connection().exec_driver_sql(sql, list(zip(
            [s.tenant_id] * n, ids, [service_id] * n, [stamps[m] for m in minute.tolist()], goods,
            totals, stored, series, strict=True,
        )))  # fmt: skip
        s.count("sli_samples", n)
        return
    times = [start + timedelta(minutes=i) for i in range(size)]
    rows = [
        {"tenant_id": s.tenant_id, "id": ident, "service_ref": service_id, "ts": times[m], "good": g, "total": t,
         "labels": lab, "series": key}
        for ident, m, g, t, lab, key in zip(ids, minute.tolist(), goods, totals, labels, series, strict=True)
    ]  # fmt: skip
    s.bulk(SliSampleRow, "sli_samples", rows)


def _sqlite_minutes(bind: Any, start: datetime, size: int) -> list[Any]:
    """``size`` consecutive minutes from ``start`` as SQLite stores them (``bind``, the column's processor):
    formatted by numpy when that gives exactly what ``bind`` does (checked on the first and last), else by
    ``bind`` one by one."""
    times = [start, start + timedelta(minutes=size - 1)]
    if bind is None:  # pragma: no cover - UTCDateTime binds through a processor on SQLite
        return [start + timedelta(minutes=i) for i in range(size)]
    naive = np.datetime64(start.astimezone(UTC).replace(tzinfo=None), "us")
    iso = np.datetime_as_string(naive + np.arange(size) * np.timedelta64(1, "m"), unit="us")
    if bool((np.char.str_len(iso) == 26).all()):  # YYYY-MM-DDTHH:MM:SS.ffffff
        text = iso.astype("U26")
        text.view(np.uint32).reshape(size, 26)[:, 10] = ord(" ")  # a space for the T, as SQLite's format
        formatted: list[Any] = text.tolist()
        if [formatted[0], formatted[-1]] == [bind(t) for t in times]:
            return formatted
    return [bind(start + timedelta(minutes=i)) for i in range(size)]  # pragma: no cover


# -- SecOps: a credential-stuffing attack ---------------------------------------------------------
def seed_attack(s: Seeding) -> None:
    """Failed sign-ins against several accounts from one address, a success, a sign-in of the same user
    from far away minutes later, then a role grant: what the built-in detections look for. Validated and
    categorised by the SecOps ingest rules; stored as ingested events (detections run when SecOps
    evaluates or backtests its rules, not at seeding)."""
    rng = s.rng("attack")
    start = s.at(minutes_ago=6 * 60 + rng.randint(0, 30))
    attacker = f"203.0.113.{rng.randint(10, 250)}"
    victims = ["usr_alice", "usr_bob", "usr_carol", "usr_dave", "usr_erin"]
    raw: list[dict[str, Any]] = []
    for i in range(40):
        at = start + timedelta(seconds=i * 7 + rng.randint(0, 5))
        raw.append({"occurred_at": at, "action": "identity.sign_in", "outcome": "failure",
                    "principal": victims[i % len(victims)], "principal_kind": "user", "source_ip": attacker,
                    "user_agent": "python-requests/2.31", "details": {"reason": "invalid_password"},
                    "geo": {"lat": 55.75, "lon": 37.62, "country": "RU", "city": "Moscow"}})  # fmt: skip
    breach = start + timedelta(minutes=6)
    raw.append({"occurred_at": breach, "action": "identity.sign_in", "outcome": "success", "principal": "usr_bob",
                "principal_kind": "user", "source_ip": attacker, "user_agent": "python-requests/2.31",
                "geo": {"lat": 55.75, "lon": 37.62, "country": "RU", "city": "Moscow"}})  # fmt: skip
    raw.append({"occurred_at": breach - timedelta(minutes=20), "action": "identity.sign_in", "outcome": "success",
                "principal": "usr_bob", "principal_kind": "user", "source_ip": "198.51.100.23",
                "user_agent": "Mozilla/5.0", "geo": {"lat": 52.52, "lon": 13.40, "country": "DE", "city": "Berlin"}})  # fmt: skip
    raw.append({"occurred_at": breach + timedelta(minutes=4), "action": "tenants:grant_role", "outcome": "success",
                "principal": "usr_bob", "principal_kind": "user", "source_ip": attacker,
                "asset": "identity:usr_bob", "roles": "viewer", "details": {"role": "tenant_admin"}})  # fmt: skip
    raw.sort(key=lambda e: e["occurred_at"])
    rows = []
    for n, event in enumerate(raw):
        fields, problems = secops_events.validate(event, n, s.tenant_id)
        if problems or fields is None:  # pragma: no cover - the scenario is fixed data
            raise RuntimeError(f"sandbox attack event {n} is invalid: {problems}")
        fields["source"] = "ingest"
        at = fields["occurred_at"]
        rows.append({
            "id": s.ids.make("sev", f"security-event/{n}", at), "tenant_id": s.tenant_id, "principal": None,
            "principal_kind": None, "roles": None, "asset": None, "source_ip": None, "user_agent": None,
            "geo_country": None, "geo_city": None, "geo_lat": None, "geo_lon": None, "travel_km": None,
            "travel_kmh": None, "request_id": None, "origin_id": None, **fields, "created_at": at,
        })  # fmt: skip
    s.bulk(SecurityEventRow, "security_events", rows)


# -- finishing: alert occurrences and the graph ---------------------------------------------------
def flush_occurrences(s: Seeding) -> None:
    if s.occurrence_rows:
        occurrences.upsert(s.session, s.occurrence_rows, "keep")
        s.count("alert_occurrences", len(s.occurrence_rows))


def flush_graph(s: Seeding, graph: Any) -> None:
    """Entities through IntelGraph's bulk writer (it indexes them for search), then their seeded times;
    edges as rows with seeded ids (the bulk path records no change history, as for imports)."""
    if s.entities:
        s.flush()
        graph.bulk_upsert_entities(
            s.session, tenant_id=s.tenant_id,
            entities=[{k: v for k, v in e.items() if k != "at"} for e in s.entities],
        )  # fmt: skip
        for e in s.entities:
            s.session.execute(
                update(GraphEntityRow)
                .where(GraphEntityRow.tenant_id == s.tenant_id,
                       GraphEntityRow.ref == f"{e['kind']}:{e['entity_id']}")
                .values(created_at=e["at"], updated_at=e["at"])
            )  # fmt: skip
        s.count("graph_entities", len(s.entities))
    if s.edges:
        s.session.execute(insert(GraphEdgeRow), s.edges)
        s.count("graph_edges", len(s.edges))
