"""The platform-core command groups: services, alerts, incidents, plans/runs, search, inspect, evidence."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import respx

from .conftest import Cli, problem
from .factories import page

T = "/v1/tenants/acme"
SERVICE = {"id": "svc_1", "name": "checkout", "tier": "tier-1", "owner": {"team": "pay"},
           "environments": ["production"], "slo": {"state": "healthy"}}  # fmt: skip
RUN = {"id": "run_1", "plan_name": "restart", "state": "running", "current_step": "s1",
       "progress": {"done": 0, "total": 1}, "created_at": "t", "error": None}  # fmt: skip


def test_services_list_and_json(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get(T + "/services").respond(json=page([SERVICE]))
    result = cli("services", "list", "--tier", "tier-1")
    assert result.exit_code == 0, result.stderr
    assert "checkout" in result.stdout and route.calls.last.request.url.params["tier"] == "tier-1"
    assert json.loads(cli("-o", "json", "services", "list").stdout)[0]["id"] == "svc_1"


def test_services_get_not_found_exit_4(cli: Cli, api: respx.MockRouter) -> None:
    api.get(T + "/services/svc_x").respond(404, json=problem(404, "Not Found", "no service svc_x"))
    result = cli("services", "get", "svc_x")
    assert result.exit_code == 4
    assert result.stderr.strip() == "error: Not Found: no service svc_x (request id req_test123)"


def test_alerts_ack_silence_open_incident(cli: Cli, api: respx.MockRouter) -> None:
    alert = {"id": "alr_1", "name": "HighLatency", "severity": "critical", "status": "acknowledged"}
    ack = api.post(T + "/alerts/alr_1/acknowledge").respond(json=alert)
    sil = api.post(T + "/alerts/alr_1/silence").respond(json={**alert, "status": "silenced"})
    inc = api.post(T + "/alerts/alr_1/incident").respond(201, json={"id": "inc_1", "title": "HighLatency"})
    assert cli("alerts", "ack", "alr_1").exit_code == 0 and ack.called
    assert cli("alerts", "silence", "alr_1", "--until", "2026-12-01T00:00:00Z").exit_code == 0
    assert json.loads(sil.calls.last.request.content) == {"until": "2026-12-01T00:00:00Z"}
    result = cli("alerts", "open-incident", "alr_1", "--severity", "sev2")
    assert result.exit_code == 0 and "inc_1" in result.stdout
    assert json.loads(inc.calls.last.request.content) == {"severity": "sev2"}


def test_incidents_timeline_and_check(cli: Cli, api: respx.MockRouter) -> None:
    incident = {"id": "inc_1", "timeline": [{"at": "t", "kind": "note", "author": "usr_a", "text": "looking"}],
                "checklist": [{"id": "chk_1", "checked": False, "text": "page owner", "checked_by": None}]}  # fmt: skip
    api.get(T + "/incidents/inc_1").respond(json=incident)
    add = api.post(T + "/incidents/inc_1/timeline").respond(201, json={"id": "tl_2", "kind": "note"})
    tick = api.post(T + "/incidents/inc_1/checklist/chk_1/check").respond(
        json={"id": "chk_1", "checked": True}
    )
    assert "looking" in cli("incidents", "timeline", "inc_1").stdout
    assert cli("incidents", "timeline", "inc_1", "--note", "rolled back").exit_code == 0
    assert json.loads(add.calls.last.request.content) == {"kind": "note", "text": "rolled back"}
    assert "page owner" in cli("incidents", "check", "inc_1").stdout
    assert cli("incidents", "check", "inc_1", "chk_1").exit_code == 0 and tick.called


def test_plans_dry_run(cli: Cli, api: respx.MockRouter) -> None:
    api.post(T + "/plans/plan_1/dry-run").respond(json={
        "plan_id": "plan_1", "plan_version": 2, "plan_name": "restart", "risk": "normal", "requires_step_up": False,
        "adapter": "sim", "changes_made": False,
        "steps": [{"step_id": "s1", "action": "service.restart", "target": "svc_1", "change": "restart svc_1",
                   "risk": "normal", "requires_step_up": False}]})  # fmt: skip
    result = cli("plans", "dry-run", "plan_1")
    assert result.exit_code == 0, result.stderr
    assert "dry-run of restart v2" in result.stdout and "restart svc_1" in result.stdout


def test_runs_watch_streams_events_and_fails_on_failed_run(cli: Cli, api: respx.MockRouter) -> None:
    stream = 'id: 1\nevent: run.started\ndata: {"at":"t1","state":"running","step_id":null}\n\n' \
             'id: 2\nevent: run.failed\ndata: {"at":"t2","state":"failed","step_id":null}\n\n'  # fmt: skip
    api.get(T + "/runs/run_1/events").respond(200, text=stream)
    api.get(T + "/runs/run_1").respond(json={**RUN, "state": "failed", "error": "boom"})
    result = cli("runs", "watch", "run_1")
    assert result.exit_code == 1
    assert "run.started" in result.stderr and "run.failed" in result.stderr
    assert result.stderr.strip().endswith("error: run run_1 failed: boom")


def test_runs_watch_poll(cli: Cli, api: respx.MockRouter) -> None:
    api.get(T + "/runs/run_1").mock(side_effect=[httpx.Response(200, json=RUN),
                                                 httpx.Response(200, json={**RUN, "state": "succeeded"})])  # fmt: skip
    result = cli("runs", "watch", "run_1", "--poll", "--interval", "0")
    assert result.exit_code == 0, result.stderr


def test_search_and_inspect(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get(T + "/search").respond(json={"query": "check", "items": [
        {"ref": "service:svc_1", "kind": "service", "id": "svc_1", "name": "checkout", "match": "prefix",
         "attributes": {}}]})  # fmt: skip
    result = cli("search", "check", "--kinds", "service")
    assert result.exit_code == 0 and "service:svc_1" in result.stdout
    assert route.calls.last.request.url.params["q"] == "check"
    api.get(T + "/inspect").respond(json={
        "entity": {"ref": "service:svc_1", "name": "checkout", "kind": "service", "attributes": {}},
        "neighbours": {"entities": [], "edges": [{"src": "service:svc_1", "relation": "depends_on", "dst": "service:svc_2"}]},
        "audit": [], "changes": [], "links": [], "window": {},
        "actions": [{"action": "services:update", "allowed": True, "reasons": []}]})  # fmt: skip
    result = cli("inspect", "service:svc_1")
    assert result.exit_code == 0 and "depends_on" in result.stdout and "services:update" in result.stdout


def test_evidence_download_and_verify(cli: Cli, api: respx.MockRouter, tmp_path: Path) -> None:
    from tests.unit.sdk.test_platform import _archive

    data, pem = _archive()
    api.get(T + "/evidence-packs/evp_1/archive").respond(200, content=data)
    out = tmp_path / "pack.tar.gz"
    assert cli("evidence", "download", "evp_1", "-O", str(out)).exit_code == 0
    key = tmp_path / "key.pem"
    key.write_bytes(pem)
    result = cli("evidence", "verify", str(out), "--trust", str(key))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("OK: evidence pack evp_1 intact (1 items, signed by a trusted key")
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(_archive("item")[0])
    result = cli("evidence", "verify", str(bad))
    assert result.exit_code == 1 and "was changed" in result.stderr
