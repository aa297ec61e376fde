"""The on-call walkthrough, end to end through HTTP (issue 3; docs/walkthroughs/on-call.md).

Alertmanager payload in (real ingest key, made by a tenant admin) → alert in the inbox → incident opened
from it (idempotently) → inspect shows the suspicious deploy → the rollback plan's dry run changes nothing
→ executing without fresh MFA is an RFC 9470 step-up challenge → executing with fresh MFA rolls the
suspicious deploy back (poll + SSE), with a verifiable evidence pack and audit events (chain intact) →
verification (SLO burn-down / error-budget delta) → runbook checklist ticked by the SRE → resolved.

Runs on SQLite and, with COMPANYOS_TEST_POSTGRES_URL, PostgreSQL (the ``runtime`` fixture is parametrized).
Every id used in a step comes from a response of an earlier step, never from the seed module.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from companyos_server.core.spine.store import verify_archive
from companyos_server.platform.principal import ACR_MFA, ACR_PASSWORD
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer

Mint = Callable[..., str]
TENANT = "acme"
BASE = f"/v1/tenants/{TENANT}"
TERMINAL = ("succeeded", "failed", "compensated", "cancelled")


@pytest.fixture
def worker(runtime: Runtime) -> Iterator[Runtime]:
    """An in-process job worker, so plan runs (jobs of kind ``maestro.run``) execute."""
    runtime.jobs.start_worker_thread()
    yield runtime
    runtime.jobs.stop_worker()


def subject_of(runtime: Runtime, username: str) -> str:
    """The seeded user's real subject id (``usr_<ulid>``), as the built-in OIDC provider would issue it."""
    from companyos_server.platform.identity.models import IdpUser

    with runtime.db.session() as session:
        subject = session.scalars(select(IdpUser.id).where(IdpUser.username == username)).one()
    return str(subject)


def iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def alertmanager_payload(started: datetime) -> dict[str, Any]:
    """A webhook notification exactly as Alertmanager (webhook version 4) sends it."""
    labels = {
        "alertname": "HighErrorRate",
        "service": "checkout-api",
        "severity": "critical",
        "namespace": "prod",
        "instance": "checkout-api-7d9f:8080",
    }
    annotations = {
        "summary": "checkout-api 5xx ratio above 5%",
        "description": "5xx ratio is 7.3% over 5m",
        "runbook_url": "https://runbooks.example.com/checkout-api#HighErrorRate",
    }
    return {
        "version": "4",
        "groupKey": '{}:{alertname="HighErrorRate"}',
        "truncatedAlerts": 0,
        "status": "firing",
        "receiver": "companyos",
        "groupLabels": {"alertname": "HighErrorRate"},
        "commonLabels": labels,
        "commonAnnotations": annotations,
        "externalURL": "http://alertmanager.example:9093",
        "alerts": [
            {
                "status": "firing",
                "labels": labels,
                "annotations": annotations,
                "startsAt": started.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f") + "789Z",  # nanoseconds
                "endsAt": "0001-01-01T00:00:00Z",
                "generatorURL": "http://prometheus.example:9090/graph?g0.expr=job%3Acheckout_5xx_ratio%3Arate5m+%3E+0.05",
                "fingerprint": "3f6c2d1a9b8e7f10",
            }
        ],
    }


def parse_sse(text: str) -> list[dict[str, Any]]:
    events = []
    for block in text.strip().split("\n\n"):
        fields = dict(
            line.split(": ", 1) for line in block.splitlines() if ": " in line and not line.startswith(":")
        )
        if "id" in fields:
            events.append(
                {"id": int(fields["id"]), "event": fields["event"], "data": json.loads(fields["data"])}
            )
    return events


async def ok(response: httpx.Response | Any, status: int = 200) -> Any:
    r = await response if asyncio.iscoroutine(response) else response
    assert r.status_code == status, f"{r.request.method} {r.request.url} → {r.status_code}: {r.text}"
    return r.json()


async def all_audit_events(
    client: httpx.AsyncClient, headers: dict[str, str], **params: str
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    query: dict[str, Any] = {"page_size": 500, **params}
    while True:
        page = await ok(client.get(f"{BASE}/audit/events", params=query, headers=headers))
        items.extend(page["items"])
        if not page.get("next_page_token"):
            return items
        query["page_token"] = page["next_page_token"]


async def test_on_call_walkthrough(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime, worker: Runtime
) -> None:
    alice_sub = subject_of(runtime, "alice")
    erin_sub = subject_of(runtime, "erin")
    erin = bearer(mint(erin_sub, tenants={TENANT: ["tenant_admin"]}))
    alice = bearer(mint(alice_sub, tenants={TENANT: ["sre"]}, acr=ACR_PASSWORD, auth_time=int(time.time())))
    # Fresh MFA: acr = the MFA class and an auth_time within the last 15 minutes (docs/maestro.md).
    alice_mfa = bearer(mint(alice_sub, tenants={TENANT: ["sre"]}, acr=ACR_MFA, auth_time=int(time.time())))

    # -- 0. context: the service and its suspicious recent deploy, as the on-call engineer finds them --------
    services = await ok(client.get(f"{BASE}/services", params={"name_prefix": "checkout-api"}, headers=alice))
    [checkout] = [s for s in services["items"] if s["name"] == "checkout-api"]
    service_id = checkout["id"]
    feed = await ok(
        client.get(
            f"{BASE}/services/{service_id}/deployments", params={"environment": "production"}, headers=alice
        )
    )
    suspicious = feed["items"][0]  # newest first
    assert (suspicious["version"], suspicious["state"]) == ("v2.14.0", "failed"), suspicious
    assert [s["state"] for s in suspicious["stages"]] == ["succeeded", "succeeded", "failed"]
    deployed_at = datetime.fromisoformat(suspicious["created_at"])
    assert timedelta(0) < datetime.now(UTC) - deployed_at < timedelta(hours=2), "a *recent* deploy"
    candidates = await ok(client.get(f"{BASE}/services/{service_id}/rollback-candidates", headers=alice))
    assert candidates["current"]["id"] == suspicious["id"], candidates.get("current")
    good = candidates["candidates"][0]
    assert (good["version"], good["state"]) == ("v2.13.2", "succeeded")

    # -- 1. a tenant admin creates the Alertmanager ingest key (shown once) ----------------------------------
    key = await ok(
        client.post(f"{BASE}/alerts/ingest-keys", json={"name": "alertmanager-prod"}, headers=erin), 201
    )
    assert key["id"].startswith("aik_") and key["token"].startswith(f"{key['id']}.")
    assert key["created_by"] == erin_sub and key["status"] == "active"
    # an SRE may not create one (tenant admins only)
    r = await client.post(f"{BASE}/alerts/ingest-keys", json={"name": "nope"}, headers=alice)
    assert r.status_code == 403, r.text

    # -- 2. Alertmanager posts its webhook payload (version 4) with that key ----------------------------------
    started = datetime.now(UTC) - timedelta(minutes=12)
    payload = alertmanager_payload(started)
    ingest_url = f"{BASE}/alerts/ingest/alertmanager"
    r = await client.post(ingest_url, json=payload, headers={"Authorization": "Bearer not-a-key"})
    assert r.status_code == 401, r.text
    result = await ok(client.post(ingest_url, json=payload, headers=bearer(key["token"])))
    assert (result["received"], result["created"], result["updated"], result["resolved"]) == (1, 1, 0, 0)
    [alert_id] = result["alert_ids"]
    # Alertmanager re-notifies (group_interval): the same alert, updated, not a second one
    again = await ok(client.post(ingest_url, json=payload, headers=bearer(key["token"])))
    assert (again["created"], again["updated"], again["alert_ids"]) == (0, 1, [alert_id])
    keys = await ok(client.get(f"{BASE}/alerts/ingest-keys", headers=erin))
    [listed_key] = [k for k in keys["items"] if k["id"] == key["id"]]
    assert listed_key["last_used_at"] is not None and "token" not in listed_key

    # -- 3. the alert is in the inbox: service, severity, error-budget impact --------------------------------
    inbox = await ok(
        client.get(
            f"{BASE}/alerts",
            params={"status": "firing", "severity": "critical", "service_id": service_id},
            headers=alice,
        )
    )
    [alert] = [a for a in inbox["items"] if a["id"] == alert_id]
    assert (
        alert["name"] == "HighErrorRate" and alert["status"] == "firing" and alert["severity"] == "critical"
    )
    assert (alert["service"], alert["service_id"]) == ("checkout-api", service_id)
    assert alert["fingerprint"] == "3f6c2d1a9b8e7f10" and alert["incident_id"] is None
    impact = alert["error_budget_impact"]
    assert impact["burn_rate"] == 14.4 and impact["slo_source"] == "service"
    assert impact["slo_objective"] == checkout["slo"]["objective"]
    assert impact["slo_window_days"] == checkout["slo"]["window_days"]
    assert 11.5 <= impact["firing_minutes"] <= 20 and impact["budget_consumed_percent"] > 0
    alert = await ok(client.post(f"{BASE}/alerts/{alert_id}/acknowledge", headers=alice))
    assert alert["status"] == "acknowledged" and alert["acknowledged_by"] == alice_sub

    # -- 4. open an incident from the alert: 201, then the same incident (200) on every later call -----------
    r = await client.post(f"{BASE}/alerts/{alert_id}/incident", json={}, headers=alice)
    assert r.status_code == 201, r.text
    incident = r.json()
    incident_id = incident["id"]
    assert incident_id.startswith("inc_")
    assert incident["severity"] == "sev2" and incident["status"] == "investigating"
    assert incident["service_ids"] == [service_id] and incident["source_alert_id"] == alert_id, incident
    assert any(
        resp["subject"] == alice_sub and resp["role"] == "commander" for resp in incident["responders"]
    )
    [alert_entry] = [e for e in incident["timeline"] if e["kind"] == "alert"]
    assert alert_id in json.dumps(alert_entry), incident["timeline"]
    checklist = incident["checklist"]
    assert len(checklist) >= 4 and not any(item["checked"] or item["checked_by"] for item in checklist)
    assert any("deploy" in item["text"].lower() for item in checklist), checklist
    again = await client.post(f"{BASE}/alerts/{alert_id}/incident", json={}, headers=alice)
    assert again.status_code == 200 and again.json()["id"] == incident_id
    same = await client.post(
        f"{BASE}/incidents", json={"alert_id": alert_id, "title": "dup", "severity": "sev2"}, headers=alice
    )
    assert same.status_code == 200 and same.json()["id"] == incident_id, same.text
    assert (await ok(client.get(f"{BASE}/alerts/{alert_id}", headers=alice)))["incident_id"] == incident_id

    # -- 5. inspect: the incident's neighbourhood reaches the service and its suspicious deploy -------------
    inspected = await ok(
        client.get(f"{BASE}/inspect", params={"ref": f"incident:{incident_id}", "depth": 2}, headers=alice)
    )
    assert inspected["entity"]["ref"] == f"incident:{incident_id}"
    refs = {e["ref"] for e in inspected["neighbours"]["entities"]}
    assert {f"service:{service_id}", f"alert:{alert_id}", f"deployment:{suspicious['id']}"} <= refs, refs
    edges = {(e["src"], e["relation"], e["dst"]) for e in inspected["neighbours"]["edges"]}
    assert (f"incident:{incident_id}", "affects", f"service:{service_id}") in edges
    assert (f"incident:{incident_id}", "opened_from", f"alert:{alert_id}") in edges
    assert (f"deployment:{suspicious['id']}", "deploys", f"service:{service_id}") in edges
    # … and the service's "what changed" over the last two hours names that deploy, with its actor
    service_view = await ok(
        client.get(
            f"{BASE}/inspect",
            params={"ref": f"service:{service_id}", "since": iso(datetime.now(UTC) - timedelta(hours=2))},
            headers=alice,
        )
    )
    changed = [c for c in service_view["changes"] if c["ref"] == f"deployment:{suspicious['id']}"]
    assert changed, service_view["changes"]
    assert changed[0]["actor"] == suspicious["actor"]
    assert any(link["url"].startswith("http") for link in service_view["links"])
    actions = {a["action"]: a for a in service_view["actions"]}
    assert actions["services:read"]["allowed"] is True

    # -- 6. the rollback plan: its dry run shows the impact and changes nothing -------------------------------
    plans = await ok(client.get(f"{BASE}/plans", headers=alice))
    [plan] = [p for p in plans["items"] if p["name"] == "Roll back checkout-api"]
    assert plan["effective_risk"] == "high"
    assert plan["steps"][0]["action"] == "deployment.rollback"
    assert plan["steps"][0]["parameters"]["deployment_id"] == suspicious["id"], (
        "the plan targets the bad deploy"
    )

    before = await snapshot(client, alice, suspicious["id"], service_id)
    dry = await ok(client.post(f"{BASE}/plans/{plan['id']}/dry-run", headers=alice))
    assert dry["changes_made"] is False and dry["risk"] == "high" and dry["requires_step_up"] is True
    assert dry["plan_id"] == plan["id"] and dry["plan_version"] == plan["version"]
    assert [(s["step_id"], s["action"], s["target"]) for s in dry["steps"]] == [
        ("rollback", "deployment.rollback", suspicious["id"]),
        ("restart", "service.restart", service_id),
    ]
    assert dry["steps"][0]["requires_step_up"] is True and dry["steps"][0]["change"]
    dry_mfa = await ok(
        client.post(f"{BASE}/plans/{plan['id']}/runs", params={"dry_run": "true"}, headers=alice_mfa)
    )
    assert dry_mfa["requires_step_up"] is False and dry_mfa["changes_made"] is False
    after = await snapshot(client, alice, suspicious["id"], service_id)
    assert after[:3] == before[:3], "a dry run changes nothing: no run, no job, the deployment untouched"
    # the audit trail gains only the platform's request records of the two dry-run calls themselves
    # (every POST is audited), no Maestro step or run event
    assert new_events(before, after) == [
        ("maestro:dry_run", "success", 200, f"plan:{plan['id']}"),
        ("maestro:execute", "success", 200, f"plan:{plan['id']}"),
    ]
    before = after

    # -- 7. executing it without a fresh multi-factor sign-in: RFC 9470 step-up challenge ---------------------
    runs_url = f"{BASE}/plans/{plan['id']}/runs"
    run_body = {
        "reason": f"{alert['summary']} after {suspicious['version']}",
        "inputs": {"incident_id": incident_id},
    }
    r = await client.post(runs_url, json=run_body, headers=alice)
    assert r.status_code == 401, r.text
    challenge = r.headers["www-authenticate"]
    assert challenge.startswith("Bearer ")
    assert 'error="insufficient_user_authentication"' in challenge
    assert f'acr_values="{ACR_MFA}"' in challenge
    assert r.headers["content-type"].startswith("application/problem+json")
    after = await snapshot(client, alice, suspicious["id"], service_id)
    assert after[:3] == before[:3], "a refused run changes nothing"
    assert new_events(before, after) == [("maestro:execute", "denied", 401, f"plan:{plan['id']}")]

    # -- 8. with fresh MFA: the run is a job; poll it to the end, and replay it as Server-Sent Events ---------
    r = await client.post(
        runs_url, json=run_body, headers={**alice_mfa, "Idempotency-Key": f"rollback-{incident_id}"}
    )
    assert r.status_code == 202, r.text
    run = r.json()
    run_id = run["id"]
    assert r.headers["location"] == f"{BASE}/runs/{run_id}"
    assert run["plan_id"] == plan["id"] and run["risk"] == "high" and run["state"] in ("queued", "running")
    done = await wait_for_run(client, run_id, alice)
    assert done["state"] == "succeeded", done
    assert done["progress"] == {"done": 2, "total": 2}
    assert [(s["id"], s["state"], s["attempts"]) for s in done["steps"]] == [
        ("rollback", "succeeded", 1),
        ("restart", "succeeded", 1),
    ]
    assert done["steps"][0]["target"] == suspicious["id"]
    assert (done["steps"][0]["output"]["rolled_back"], done["steps"][0]["output"]["to"]) == (
        suspicious["id"],
        good["id"],
    )
    r = await client.get(f"{BASE}/runs/{run_id}/events", headers=alice)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    events = parse_sse(r.text)
    assert [e["event"] for e in events] == ["run.queued", "run.started", "step.running", "step.succeeded",
                                           "step.running", "step.succeeded", "run.succeeded"]  # fmt: skip

    # the deployment rolled back is the suspicious one; the service now runs the last good version
    rolled = await ok(client.get(f"{BASE}/deployments/{suspicious['id']}", headers=alice))
    assert rolled["state"] == "rolled_back"
    feed = await ok(
        client.get(
            f"{BASE}/services/{service_id}/deployments", params={"environment": "production"}, headers=alice
        )
    )
    current = feed["items"][0]
    assert current["rollback_of"] == suspicious["id"], current
    assert (current["version"], current["state"]) == (good["version"], "succeeded")
    run_graph = await ok(client.get(f"{BASE}/inspect", params={"ref": f"plan_run:{run_id}"}, headers=alice))
    run_edges = {(e["src"], e["relation"], e["dst"]) for e in run_graph["neighbours"]["edges"]}
    assert (f"plan_run:{run_id}", "rolls_back", f"deployment:{suspicious['id']}") in run_edges
    assert (f"plan_run:{run_id}", "remediates", f"service:{service_id}") in run_edges

    # -- 9. evidence: the run's pack, downloaded and verified offline -----------------------------------------
    pack_id = done["evidence_pack_id"]
    assert pack_id
    pack = await ok(client.get(f"{BASE}/evidence-packs/{pack_id}", headers=alice))
    assert pack["subject"] == f"plan_run:{run_id}"
    assert {i["name"] for i in pack["items"]} == {"step-log.json", "inputs.json", "outputs.json"}
    r = await client.get(f"{BASE}/evidence-packs/{pack_id}/archive", headers=alice)
    assert r.status_code == 200, r.text
    report = verify_archive(r.content)
    assert report["ok"] is True, report["problems"]
    assert (report["pack_id"], report["items"]) == (pack_id, 3)
    tampered = bytearray(r.content)
    tampered[len(tampered) // 2] ^= 0xFF
    assert verify_archive(bytes(tampered))["ok"] is False

    # -- 10. audit: every step and the run are in the trail, by the SRE; the hash chain still verifies --------
    trail = await all_audit_events(client, alice, resource=f"plan_run:{run_id}")
    steps = sorted(
        (a["details"]["step_id"], a["details"]["transition"]) for a in trail if a["action"] == "maestro:step"
    )
    assert steps == sorted(
        [("rollback", "started"), ("rollback", "succeeded"), ("restart", "started"), ("restart", "succeeded")]
    ), trail
    [run_event] = [a for a in trail if a["action"] == "maestro:run"]
    assert run_event["outcome"] == "success" and run_event["actor"] == alice_sub
    chain = await ok(client.get(f"{BASE}/audit/verification", headers=alice))
    assert chain["ok"] is True, chain

    # -- 11. verification: SLO burn-down and error-budget delta for checkout-api, and the handoff checklist --
    verification = await ok(client.get(f"{BASE}/runs/{run_id}/verification", headers=alice))
    assert verification["run_id"] == run_id and verification["run_state"] == "succeeded"
    [svc] = verification["services"]
    assert svc["service_id"] == service_id
    if svc["state"] == "ok":  # the demo seed gives checkout-api 24 h of SLI samples with a bad-deploy spike
        assert svc["objective"] == pytest.approx(checkout["slo"]["objective"] / 100)
        assert svc["objective_source"] == "service"
        assert 1 <= len(svc["burn_down"]) <= 24
        assert svc["error_budget"]["delta"] is not None
        before_side, after_side = svc["before"], svc["after"]
        # the bad-deploy spike is visible before the action: errors well over the 0.1 % the SLO allows
        assert before_side["total"] > 0 and before_side["error_rate"] > 1 - svc["objective"]
        assert before_side["burn_rate"] > 1
        assert max(b["error_rate"] or 0 for b in svc["burn_down"]) > 0.01
        budget = svc["error_budget"]
        assert svc["burn_down"][-1]["budget_remaining"] == pytest.approx(budget["remaining_at_end"])
        assert budget["delta"] == pytest.approx(budget["remaining_at_end"] - budget["remaining_at_action"])
        if after_side["total"] == 0:  # nothing measured since the action yet: an explicit "no verdict yet"
            assert after_side["error_rate"] is None and svc["verdict"] is None
        else:
            assert svc["verdict"] in ("improved", "unchanged", "degraded")
    else:  # an explicit empty state, never a silent zero
        assert svc["state"] == "no_data" and svc["message"]
    assert verification["checklist"]["source"] == "incident"
    assert verification["checklist"]["incident_id"] == incident_id
    assert [i["id"] for i in verification["checklist"]["items"]] == [i["id"] for i in checklist]

    # Measurements arrive through the SLI API (a recording rule would push every minute): the bad minute
    # before the rollback and a healthy one after it. Now the verification has a verdict.
    action_at = datetime.fromisoformat(verification["window"]["action_at"])
    pushed = [
        {"ts": (action_at - timedelta(minutes=5)).isoformat(), "good": 29000, "total": 30000},
        {"ts": datetime.now(UTC).isoformat(), "good": 29997, "total": 30000},
    ]
    r = await client.post(
        f"{BASE}/services/{service_id}/sli-samples", json={"samples": pushed}, headers=alice
    )
    assert r.status_code == 200 and r.json()["recorded"] == 2, r.text
    measured = (await ok(client.get(f"{BASE}/runs/{run_id}/verification", headers=alice)))["services"][0]
    assert measured["state"] == "ok" and measured["after"]["total"] == 30000
    assert measured["after"]["error_rate"] == pytest.approx(0.0001)
    assert measured["before"]["error_rate"] > measured["after"]["error_rate"]
    assert measured["verdict"] == "improved"

    # -- 12. the incident: link the run as its task, tick the runbook checklist (who ticked what), resolve -----
    linked = await ok(
        client.post(
            f"{BASE}/incidents/{incident_id}/tasks",
            json={"ref": f"plan_run:{run_id}", "title": plan["name"]},
            headers=alice,
        )
    )
    assert [(t["ref"], t["added_by"]) for t in linked["tasks"]] == [(f"plan_run:{run_id}", alice_sub)]
    for item in checklist:
        ticked = await ok(
            client.post(f"{BASE}/incidents/{incident_id}/checklist/{item['id']}/check", headers=alice)
        )
        assert (ticked["id"], ticked["checked"], ticked["checked_by"]) == (item["id"], True, alice_sub), (
            ticked
        )
    current_incident = await ok(client.get(f"{BASE}/incidents/{incident_id}", headers=alice))
    for item in current_incident["checklist"]:
        assert item["checked"] and item["checked_by"] == alice_sub and item["checked_at"], item
    # ticking again is idempotent: the first ticker is kept
    retick = await ok(
        client.post(f"{BASE}/incidents/{incident_id}/checklist/{checklist[0]['id']}/check", headers=erin)
    )
    assert (retick["checked_by"], retick["checked_at"]) == (
        alice_sub,
        current_incident["checklist"][0]["checked_at"],
    )
    ticks = [
        e for e in current_incident["timeline"] if e["kind"] != "alert" and checklist[2]["text"] in e["text"]
    ]
    assert ticks and ticks[0]["author"] == alice_sub, current_incident["timeline"]
    handoff = await ok(client.get(f"{BASE}/runs/{run_id}/verification", headers=alice))
    assert all(i["done"] and i["done_by"] == alice_sub for i in handoff["checklist"]["items"]), handoff[
        "checklist"
    ]

    resolved = await ok(
        client.patch(
            f"{BASE}/incidents/{incident_id}",
            json={
                "status": "resolved",
                "status_note": f"Rolled back {suspicious['version']} → {good['version']} (run {run_id})",
            },
            headers=alice,
        )
    )
    assert resolved["status"] == "resolved" and resolved["resolved_at"]
    status_changes = [e for e in resolved["timeline"] if e["kind"] == "status_change"]
    assert status_changes[-1]["author"] == alice_sub
    listed = await ok(
        client.get(
            f"{BASE}/incidents", params={"status": "resolved", "service_id": service_id}, headers=alice
        )
    )
    assert incident_id in [i["id"] for i in listed["items"]]
    chain = await ok(client.get(f"{BASE}/audit/verification", headers=alice))
    assert chain["ok"] is True, chain


async def snapshot(
    client: httpx.AsyncClient, headers: dict[str, str], deployment_id: str, service_id: str
) -> Any:
    """What a dry run or a refused run must leave alone: runs, the deployment, the service's deploys, audit."""
    runs = await ok(client.get(f"{BASE}/runs", headers=headers))
    deployment = await ok(client.get(f"{BASE}/deployments/{deployment_id}", headers=headers))
    deploys = await ok(client.get(f"{BASE}/services/{service_id}/deployments", headers=headers))
    audit = await all_audit_events(client, headers)
    return (
        [r["id"] for r in runs["items"]],
        (deployment["state"], deployment["updated_at"]),
        [d["id"] for d in deploys["items"]],
        {a["id"]: (a["action"], a["outcome"], a.get("status"), a["resource"]) for a in audit},
    )


def new_events(before: Any, after: Any) -> list[tuple[Any, ...]]:
    """Audit events present in ``after`` and not in ``before`` (sorted)."""
    return sorted(event for event_id, event in after[3].items() if event_id not in before[3])


async def wait_for_run(client: httpx.AsyncClient, run_id: str, headers: dict[str, str]) -> Any:
    deadline = time.monotonic() + 60
    while True:
        run = await ok(client.get(f"{BASE}/runs/{run_id}", headers=headers))
        if run["state"] in TERMINAL:
            return run
        assert time.monotonic() < deadline, f"run {run_id} still {run['state']}: {run}"
        await asyncio.sleep(0.05)
