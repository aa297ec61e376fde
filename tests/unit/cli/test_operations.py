"""The commands that complete the CLI's coverage of the API: graph, lineage, policy edits and exceptions,
service updates and links, deployment timelines, config saves, Alertmanager ingest and keys, plan versions,
incident responders/dashboards/tasks, and ``status``. Driven with respx: requests sent, output, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import respx

from .conftest import Cli, problem
from .factories import NOW, page

T = "/v1/tenants/acme"
EDGE = {"src": "service:svc_a", "relation": "depends_on", "dst": "service:svc_b", "attributes": {}}
FLIP = {"decision_id": "dec_1", "at": NOW, "principal": "usr_vera", "roles": ["viewer"],
        "action": "incidents:read", "resource": "incident:acme", "before": "allow", "after": "deny",
        "reasons": ["viewers do not read incidents during the audit"]}  # fmt: skip
POLICY = {"id": "no-viewer-incidents", "cedar_id": "tenant:acme:no-viewer-incidents", "source": "tenant",
          "effect": "forbid", "reason": "audit", "text": "forbid(...);", "editable": True, "enabled": True,
          "version": 1, "rule": {}, "updated_by": "usr_tess", "updated_at": NOW}  # fmt: skip
EXCEPTION = {"id": "pex_1", "policy_id": "residency-eu-export", "scope": "tenant", "service_id": None,
             "reason": "audit", "requested_by": "usr_sam", "requested_at": NOW, "expires_at": NOW,
             "approver": None, "approved_at": None, "status": "pending"}  # fmt: skip
KEY = {"id": "aik_1", "name": "alertmanager", "status": "active", "created_by": "usr_a", "created_at": NOW,
       "revoked_at": None, "replaced_by": None, "last_used_at": None}  # fmt: skip
PLAN = {"id": "plan_1", "name": "restart", "version": 2, "effective_risk": "normal", "steps": [{"id": "s1"}],
        "updated_at": NOW, "created_by": "usr_a"}  # fmt: skip
INCIDENT = {"id": "inc_1", "title": "Checkout down", "responders": [], "dashboards": [], "tasks": []}
STEP_UP = {"WWW-Authenticate": 'Bearer error="insufficient_user_authentication", '
                               'acr_values="urn:companyos:acr:mfa", max_age=900'}  # fmt: skip


def body(route: respx.Route) -> object:
    return json.loads(route.calls.last.request.content)


def one_error_line(stderr: str) -> str:
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    return stderr.strip()


# -- search, inspect, graph, lineage ------------------------------------------------------------------
def test_search_filters_and_json(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get(T + "/search").respond(json={"query": "pay", "items": [
        {"ref": "service:svc_1", "kind": "service", "id": "svc_1", "name": "payments", "match": "prefix",
         "environment": "production", "attributes": {}}]})  # fmt: skip
    result = cli("-o", "json", "search", "pay", "--kinds", "service,deployment", "--env", "production")
    assert result.exit_code == 0, result.stderr
    assert [r["ref"] for r in json.loads(result.stdout)] == ["service:svc_1"]
    params = route.calls.last.request.url.params
    assert (params["q"], params["kinds"], params["environment"]) == (
        "pay",
        "service,deployment",
        "production",
    )


def test_inspect_json_and_depth(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get(T + "/inspect").respond(json={"entity": {"ref": "service:svc_a"}, "neighbours": {}})
    result = cli("-o", "json", "inspect", "service:svc_a", "--depth", "2")
    assert result.exit_code == 0 and json.loads(result.stdout)["entity"]["ref"] == "service:svc_a"
    assert route.calls.last.request.url.params["depth"] == "2"


def test_graph_neighbours(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get(T + "/graph/neighbours").respond(json={
        "root": {"ref": "service:svc_a"}, "truncated": True, "edges": [EDGE],
        "entities": [{"ref": "service:svc_b", "kind": "service", "id": "svc_b", "name": "ledger", "depth": 1,
                      "attributes": {}, "exists": True}]})  # fmt: skip
    result = cli("graph", "neighbours", "service:svc_a", "--depth", "2", "--kinds", "service",
                 "--relations", "depends_on")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "ledger" in result.stdout and "depends_on" in result.stdout and "truncated" in result.stderr
    params = route.calls.last.request.url.params
    assert dict(params) == {
        "ref": "service:svc_a",
        "depth": "2",
        "kinds": "service",
        "relations": "depends_on",
    }


def test_graph_paths_and_changes(cli: Cli, api: respx.MockRouter) -> None:
    second = {**EDGE, "src": "service:svc_b", "dst": "service:svc_c"}
    paths = api.get(T + "/graph/paths").respond(
        json={"src": "service:svc_a", "dst": "service:svc_c", "paths": [[EDGE, second]]}
    )
    result = cli("graph", "paths", "service:svc_a", "service:svc_c", "--max-depth", "3")
    assert result.exit_code == 0, result.stderr
    assert "service:svc_a -depends_on-> service:svc_b -depends_on-> service:svc_c" in result.stdout
    assert paths.calls.last.request.url.params["max_depth"] == "3"
    paths.respond(json={"src": "service:svc_a", "dst": "alert:x", "paths": []})
    result = cli("graph", "paths", "service:svc_a", "alert:x")
    assert result.exit_code == 0 and "no path from service:svc_a to alert:x" in result.stderr
    changes = api.get(T + "/graph/changes").respond(json={"ref": "service:svc_a", "since": NOW, "until": NOW,
        "items": [{"id": "chg_1", "ref": "service:svc_a", "actor": "usr_a", "action": "linked",
                   "summary": "depends_on service:svc_b", "details": {}, "at": NOW}]})  # fmt: skip
    result = cli("graph", "changes", "service:svc_a", "--since", "2026-01-01T00:00:00Z", "--depth", "1")
    assert result.exit_code == 0 and "depends_on service:svc_b" in result.stdout
    assert changes.calls.last.request.url.params["since"] == "2026-01-01T00:00:00Z"


def test_lineage(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get(T + "/lineage").respond(json={"ref": "deployment:dep_1", "upstream": ["alert:al_1"],
        "downstream": [], "records": [{"id": "lin_1", "pack_id": "evp_1", "inputs": ["alert:al_1"],
        "process": "maestro:rollback", "outputs": ["deployment:dep_1"], "created_by": "usr_a", "created_at": NOW}]})  # fmt: skip
    result = cli("lineage", "deployment:dep_1")
    assert result.exit_code == 0, result.stderr
    assert "alert:al_1" in result.stdout and "maestro:rollback" in result.stdout and "evp_1" in result.stdout
    assert route.calls.last.request.url.params["ref"] == "deployment:dep_1"
    assert json.loads(cli("-o", "json", "lineage", "deployment:dep_1").stdout)["upstream"] == ["alert:al_1"]


# -- policies -----------------------------------------------------------------------------------------
def test_policy_edit_dry_run_shows_flips(cli: Cli, api: respx.MockRouter) -> None:
    route = api.put(T + "/policies/catalog/no-viewer-incidents").respond(json={
        "dry_run": True, "policy": POLICY, "previous_version": None, "evaluated": 4, "changed": 1, "flips": [FLIP]})  # fmt: skip
    result = cli("policies", "edit", "no-viewer-incidents", "--effect", "forbid", "--action", "incidents:read",
                 "--role", "viewer", "--reason", "audit", "--dry-run")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "dry-run of policy no-viewer-incidents: 4 recent decisions re-evaluated, 1 would change (nothing stored)"
    )
    assert "usr_vera" in result.stdout and "deny" in result.stdout
    assert route.calls.last.request.url.params["dry_run"] == "true"
    assert body(route) == {
        "effect": "forbid",
        "actions": ["incidents:read"],
        "roles": ["viewer"],
        "reason": "audit",
    }


def test_policy_edit_from_file_with_overrides(cli: Cli, api: respx.MockRouter, tmp_path: Path) -> None:
    route = api.put(T + "/policies/catalog/no-viewer-incidents").respond(json={
        "dry_run": False, "policy": {**POLICY, "version": 2}, "previous_version": 1, "evaluated": 3,
        "changed": 0, "flips": []})  # fmt: skip
    rule = tmp_path / "rule.json"
    rule.write_text(json.dumps({"effect": "forbid", "actions": ["incidents:read"], "reason": "audit"}))
    result = cli(
        "policies", "edit", "no-viewer-incidents", "--file", str(rule), "--disabled", "--note", "done"
    )
    assert result.exit_code == 0, result.stderr
    assert "saved as version 2 (was version 1)" in result.stdout
    assert "dry_run" not in route.calls.last.request.url.params
    assert body(route) == {"effect": "forbid", "actions": ["incidents:read"], "reason": "audit",
                           "enabled": False, "change_note": "done"}  # fmt: skip


def test_policy_edit_needs_step_up(cli: Cli, api: respx.MockRouter) -> None:
    api.put(T + "/policies/catalog/p1").respond(
        401,
        json=problem(401, "Unauthorized", "needs a recent multi-factor sign-in", "req_su"),
        headers=STEP_UP,
    )
    result = cli(
        "policies", "edit", "p1", "--effect", "permit", "--action", "incidents:read", "--reason", "x"
    )
    assert result.exit_code == 3
    line = one_error_line(result.stderr)
    assert line.startswith("error: step-up required: needs a recent multi-factor sign-in")
    assert "urn:companyos:acr:mfa" in line and line.endswith("(request id req_su)")


def test_policy_edit_bad_input(cli: Cli, api: respx.MockRouter, tmp_path: Path) -> None:
    result = cli("policies", "edit", "p1", "--effect", "forbid")
    assert result.exit_code == 2
    assert (
        one_error_line(result.stderr) == "error: a policy rule needs --action, --reason (or --file RULE.json)"
    )
    extra = tmp_path / "extra.json"
    extra.write_text('{"effect": "forbid", "actions": ["a:b"], "reason": "r", "colour": "red"}')
    result = cli("policies", "edit", "p1", "--file", str(extra))
    assert result.exit_code == 2 and "unknown field(s) colour" in one_error_line(result.stderr)
    assert not api.calls


def test_policy_versions(cli: Cli, api: respx.MockRouter) -> None:
    api.get(T + "/policies/catalog/no-viewer-incidents/versions").respond(
        json=page([{**POLICY, "version": 2, "enabled": False}, POLICY])
    )
    result = cli("-o", "json", "policies", "versions", "no-viewer-incidents")
    assert [v["version"] for v in json.loads(result.stdout)] == [2, 1]


def test_policy_exceptions_create_get_approve_list(cli: Cli, api: respx.MockRouter) -> None:
    create = api.post(T + "/policies/exceptions").respond(201, json=EXCEPTION)
    result = cli("policies", "exceptions", "create", "residency-eu-export", "--reason", "audit", "--hours", "48",
                 "--service", "svc_1")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "pex_1" in result.stdout and "pending" in result.stdout
    assert body(create) == {"policy_id": "residency-eu-export", "service_id": "svc_1", "reason": "audit",
                            "duration_hours": 48}  # fmt: skip
    api.get(T + "/policies/exceptions/pex_1").respond(json=EXCEPTION)
    assert json.loads(cli("-o", "json", "policies", "exceptions", "get", "pex_1").stdout)["id"] == "pex_1"
    approve = api.post(T + "/policies/exceptions/pex_1/approve").respond(
        json={**EXCEPTION, "status": "active", "approver": "usr_ana"}
    )
    result = cli("policies", "exceptions", "approve", "pex_1")
    assert result.exit_code == 0 and approve.called and "usr_ana" in result.stdout
    listing = api.get(T + "/policies/exceptions").respond(json=page([EXCEPTION]))
    assert "pex_1" in cli("policies", "exceptions", "--status", "pending").stdout  # the group alone lists
    assert listing.calls.last.request.url.params["status"] == "pending"
    assert "pex_1" in cli("policies", "exceptions", "list", "--policy", "residency-eu-export").stdout
    assert listing.calls.last.request.url.params["policy_id"] == "residency-eu-export"


def test_policy_exception_approve_own_request_forbidden(cli: Cli, api: respx.MockRouter) -> None:
    api.post(T + "/policies/exceptions/pex_1/approve").respond(
        403, json=problem(403, "Forbidden", "the requester cannot approve their own exception", "req_f")
    )
    result = cli("policies", "exceptions", "approve", "pex_1")
    assert result.exit_code == 8
    assert one_error_line(result.stderr) == (
        "error: Forbidden: the requester cannot approve their own exception (request id req_f)"
    )


# -- services and deployments -------------------------------------------------------------------------
def test_services_update(cli: Cli, api: respx.MockRouter, tmp_path: Path) -> None:
    route = api.patch(T + "/services/svc_1").respond(
        json={"id": "svc_1", "name": "checkout", "tier": "tier-0"}
    )
    result = cli("services", "update", "svc_1", "--tier", "tier-0", "--team", "payments", "--depends-on", "svc_2",
                 "--depends-on", "svc_3", "--label", "pci=yes", "--if-match", '"v3"')  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert body(route) == {"tier": "tier-0", "owner": {"team": "payments"}, "dependencies": ["svc_2", "svc_3"],
                           "labels": {"pci": "yes"}}  # fmt: skip
    assert route.calls.last.request.headers["if-match"] == '"v3"'
    changes = tmp_path / "svc.json"
    changes.write_text(json.dumps({"owner": {"team": "pay", "contact": "#pay"}, "slo": {"objective": 99.9}}))
    assert cli("services", "update", "svc_1", "-f", str(changes), "--team", "payments").exit_code == 0
    assert body(route) == {"owner": {"team": "payments", "contact": "#pay"}, "slo": {"objective": 99.9}}


def test_services_update_nothing_or_conflict(cli: Cli, api: respx.MockRouter) -> None:
    result = cli("services", "update", "svc_1")
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == "error: nothing to update: pass an option or --file"
    api.patch(T + "/services/svc_1").respond(
        412, json=problem(412, "Precondition Failed", "the service changed", "req_p")
    )
    result = cli("services", "update", "svc_1", "--tier", "tier-1", "--if-match", '"old"')
    assert result.exit_code != 0
    assert one_error_line(result.stderr).endswith("the service changed (request id req_p)")


def test_services_links(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get(T + "/services/svc_1/links").respond(json={"service_id": "svc_1", "from": NOW, "to": NOW,
        "configured": True, "links": [{"kind": "grafana", "title": "Dashboard", "url": "https://g.example/d/1"}]})  # fmt: skip
    result = cli("services", "links", "svc_1", "--env", "production", "--from", "2026-01-01T00:00:00Z")
    assert result.exit_code == 0 and "https://g.example/d/1" in result.stdout
    params = route.calls.last.request.url.params
    assert params["environment"] == "production" and params["from"] == "2026-01-01T00:00:00Z"
    route.respond(json={"service_id": "svc_1", "from": NOW, "to": NOW, "configured": False, "links": []})
    result = cli("services", "links", "svc_1")
    assert result.exit_code == 0 and "no observability URL templates configured" in result.stderr


def test_deployments_timeline_and_rollback_candidates(cli: Cli, api: respx.MockRouter) -> None:
    dep = {"id": "dep_2", "service_name": "checkout", "environment": "production", "version": "v2",
           "state": "succeeded", "actor": "usr_a", "created_at": NOW}  # fmt: skip
    timeline = api.get(T + "/services/svc_1/deployments").respond(json=page([dep]))
    result = cli("deployments", "timeline", "svc_1", "--env", "production", "--state", "succeeded")
    assert result.exit_code == 0 and "dep_2" in result.stdout
    assert timeline.calls.last.request.url.params["state"] == "succeeded"
    candidates = api.get(T + "/services/svc_1/rollback-candidates").respond(json={
        "service_id": "svc_1", "environment": "staging", "current": {**dep, "id": "dep_3", "version": "v3"},
        "candidates": [dep]})  # fmt: skip
    result = cli("deployments", "rollback-candidates", "svc_1", "--env", "staging")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("staging: current v3 (dep_3)") and "dep_2" in result.stdout
    assert candidates.calls.last.request.url.params["environment"] == "staging"


# -- tenant configuration -----------------------------------------------------------------------------
def test_config_put_then_diff(cli: Cli, api: respx.MockRouter, tmp_path: Path) -> None:
    doc = {"observability": {"grafana_url": "https://g.example/d/{service}"}}
    put = api.put(T + "/config").respond(json={"tenant_id": "acme", "version": 4, "author": "usr_a",
                                               "message": "grafana", "created_at": NOW, "document": doc})  # fmt: skip
    file = tmp_path / "config.json"
    file.write_text(json.dumps(doc))
    result = cli("config", "put", "--file", str(file), "-m", "grafana", "--base-version", "3")
    assert result.exit_code == 0, result.stderr
    assert "grafana" in result.stdout and "4" in result.stdout
    assert body(put) == {"document": doc, "message": "grafana", "base_version": 3}
    diff = api.get(T + "/config/diff").respond(json={"from": 3, "to": 4, "operations": [
        {"op": "add", "path": "/observability", "value": doc["observability"]}]})  # fmt: skip
    result = cli("config", "diff", "3", "4")
    assert result.exit_code == 0 and "/observability" in result.stdout
    assert dict(diff.calls.last.request.url.params) == {"from": "3", "to": "4"}


def test_config_put_stale_base_version_conflict(cli: Cli, api: respx.MockRouter, tmp_path: Path) -> None:
    api.put(T + "/config").respond(409, json=problem(409, "Conflict", "version 5 is newer", "req_c"))
    file = tmp_path / "config.json"
    file.write_text("{}")
    result = cli("config", "put", "-f", str(file), "-m", "x", "--base-version", "3")
    assert result.exit_code == 5
    assert one_error_line(result.stderr) == "error: Conflict: version 5 is newer (request id req_c)"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "error: cannot read configuration {file}: [Errno 2] No such file or directory"),
        (
            "{not json",
            "error: cannot read configuration {file}: Expecting property name enclosed in double quotes",
        ),
        ("[1, 2]", "error: cannot read configuration {file}: expected a JSON object"),
    ],
)
def test_config_put_bad_file(
    cli: Cli, api: respx.MockRouter, tmp_path: Path, content: str | None, expected: str
) -> None:
    file = tmp_path / "config.json"
    if content is not None:
        file.write_text(content)
    result = cli("config", "put", "--file", str(file), "-m", "x")
    assert result.exit_code == 2
    assert one_error_line(result.stderr).startswith(expected.format(file=file))
    assert not api.calls


# -- alerts: ingest keys and Alertmanager ingest ------------------------------------------------------
def test_ingest_keys_create_list_rotate(cli: Cli, api: respx.MockRouter) -> None:
    create = api.post(T + "/alerts/ingest-keys").respond(201, json={**KEY, "token": "aik_secret1"})
    result = cli("alerts", "ingest-keys", "create", "alertmanager")
    assert result.exit_code == 0, result.stderr
    assert "aik_secret1" in result.stdout and "shown only once" in result.stderr
    assert body(create) == {"name": "alertmanager"}
    api.get(T + "/alerts/ingest-keys").respond(json=page([KEY]))
    listed = cli("-o", "json", "alerts", "ingest-keys", "list")
    assert [k["id"] for k in json.loads(listed.stdout)] == ["aik_1"] and "token" not in listed.stdout
    rotate = api.post(T + "/alerts/ingest-keys/aik_1/rotate").respond(
        json={**KEY, "id": "aik_2", "token": "aik_secret2"}
    )
    result = cli("-o", "json", "alerts", "ingest-keys", "rotate", "aik_1")
    assert result.exit_code == 0 and rotate.called and json.loads(result.stdout)["token"] == "aik_secret2"


def test_alerts_ingest_from_file_uses_the_key_not_the_login(
    cli: Cli, api: respx.MockRouter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COMPANYOS_TOKEN")  # no login needed: the ingest key is the credential
    payload = {"receiver": "companyos", "status": "firing", "alerts": [], "version": "4"}
    file = tmp_path / "payload.json"
    file.write_text(json.dumps(payload))
    route = api.post(T + "/alerts/ingest/alertmanager").respond(json={"received": 1, "created": 1, "updated": 0,
        "resolved": 0, "truncated_alerts": 0, "alert_ids": ["alr_1"]})  # fmt: skip
    result = cli("alerts", "ingest", "--file", str(file), "--key", "aik_secret1")
    assert result.exit_code == 0, result.stderr
    assert "alr_1" in result.stdout
    assert route.calls.last.request.headers["authorization"] == "Bearer aik_secret1"
    assert body(route) == payload
    result = cli("alerts", "ingest", "-f", str(file), COMPANYOS_INGEST_KEY="aik_from_env")
    assert (
        result.exit_code == 0 and route.calls.last.request.headers["authorization"] == "Bearer aik_from_env"
    )


def test_alerts_ingest_bad_input(cli: Cli, api: respx.MockRouter, tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    result = cli("alerts", "ingest", "--file", str(missing), "--key", "aik_1")
    assert result.exit_code == 2
    assert one_error_line(result.stderr).startswith(
        f"error: cannot read Alertmanager notification {missing}: "
    )
    bad = tmp_path / "bad.json"
    bad.write_text("firing!")
    result = cli("alerts", "ingest", "--file", str(bad), "--key", "aik_1")
    assert result.exit_code == 2 and "Expecting value" in one_error_line(result.stderr)
    bad.write_text("{}")
    api.post(T + "/alerts/ingest/alertmanager").respond(
        401, json=problem(401, "Unauthorized", "unknown or revoked ingest key", "req_k")
    )
    result = cli("alerts", "ingest", "--file", str(bad), "--key", "aik_revoked")
    assert result.exit_code == 3
    assert (
        one_error_line(result.stderr)
        == "error: Unauthorized: unknown or revoked ingest key (request id req_k)"
    )


# -- plans ----------------------------------------------------------------------------------------------
def test_plans_update_and_versions(cli: Cli, api: respx.MockRouter, tmp_path: Path) -> None:
    update = api.patch(T + "/plans/plan_1").respond(json={**PLAN, "version": 3, "name": "restart checkout"})
    steps = tmp_path / "steps.json"
    steps.write_text(json.dumps({"steps": [{"id": "s1", "action": "service.restart", "parameters": {}}]}))
    result = cli("plans", "update", "plan_1", "--file", str(steps), "--name", "restart checkout")
    assert result.exit_code == 0, result.stderr
    assert "restart checkout" in result.stdout
    assert body(update) == {"name": "restart checkout",
                            "steps": [{"id": "s1", "action": "service.restart", "parameters": {}}]}  # fmt: skip
    result = cli("plans", "update", "plan_1")
    assert result.exit_code == 2 and one_error_line(result.stderr).startswith("error: nothing to update")
    versions = api.get(T + "/plans/plan_1/versions").respond(json=page([{**PLAN, "version": 3}, PLAN]))
    result = cli("-o", "json", "plans", "versions", "plan_1", "--page-size", "10")
    assert [p["version"] for p in json.loads(result.stdout)] == [3, 2]
    assert versions.calls.last.request.url.params["page_size"] == "10"
    api.get(T + "/plans/plan_1/versions/2").respond(json=PLAN)
    assert json.loads(cli("-o", "json", "plans", "get", "plan_1", "--version", "2").stdout)["version"] == 2


# -- incidents ----------------------------------------------------------------------------------------
def test_incidents_add_responder_dashboard_task(cli: Cli, api: respx.MockRouter) -> None:
    who = {"added_by": "usr_a", "added_at": NOW}
    responder = api.post(T + "/incidents/inc_1/responders").respond(
        json={**INCIDENT, "responders": [{"subject": "usr_bo", "role": "commander", **who}]}
    )
    result = cli("incidents", "add-responder", "inc_1", "usr_bo", "--role", "commander")
    assert result.exit_code == 0, result.stderr
    assert "usr_bo" in result.stdout and "commander" in result.stdout
    assert body(responder) == {"subject": "usr_bo", "role": "commander"}
    dash = api.post(T + "/incidents/inc_1/dashboards").respond(
        json={**INCIDENT, "dashboards": [{"url": "https://g.example/d/1", "title": "Latency", **who}]}
    )
    assert (
        "Latency"
        in cli("incidents", "add-dashboard", "inc_1", "https://g.example/d/1", "--title", "Latency").stdout
    )
    assert body(dash) == {"url": "https://g.example/d/1", "title": "Latency"}
    task = api.post(T + "/incidents/inc_1/tasks").respond(
        json={**INCIDENT, "tasks": [{"ref": "plan_run:run_1", "title": "Roll back", **who}]}
    )
    result = cli("incidents", "add-task", "inc_1", "run_1", "--title", "Roll back")
    assert result.exit_code == 0 and "plan_run:run_1" in result.stdout
    assert body(task) == {"ref": "plan_run:run_1", "title": "Roll back"}
    cli("incidents", "add-task", "inc_1", "plan_run:run_2")
    assert body(task) == {"ref": "plan_run:run_2"}


def test_incidents_add_checklist_item(cli: Cli, api: respx.MockRouter) -> None:
    route = api.post(T + "/incidents/inc_1/checklist").respond(
        201, json={"id": "chk_2", "text": "page owner"}
    )
    assert cli("incidents", "check", "inc_1", "--add", "page owner").exit_code == 0
    assert body(route) == {"text": "page owner"}


# -- status ---------------------------------------------------------------------------------------------
def test_status_ready_without_login(cli: Cli, api: respx.MockRouter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COMPANYOS_TOKEN")
    health = api.get("/v1/health").respond(json={"status": "ok", "version": "1.4.0"})
    api.get("/v1/ready").respond(
        json={"status": "ready", "checks": [{"name": "database", "ok": True, "detail": "sqlite"}]}
    )
    result = cli("status")
    assert result.exit_code == 0, result.stderr
    assert (
        result.stdout.startswith("https://api.test: ok (version 1.4.0), ready")
        and "database" in result.stdout
    )
    assert "authorization" not in health.calls.last.request.headers
    status = json.loads(cli("-o", "json", "status").stdout)
    assert status["health"]["version"] == "1.4.0" and status["readiness"]["status"] == "ready"


def test_status_not_ready_exits_1(cli: Cli, api: respx.MockRouter) -> None:
    api.get("/v1/health").respond(json={"status": "ok", "version": "1.4.0"})
    api.get("/v1/ready").respond(503, json={"status": "not_ready", "checks": [
        {"name": "database", "ok": True}, {"name": "job_queue", "ok": False, "detail": "no worker"}]})  # fmt: skip
    result = cli("status")
    assert result.exit_code == 1
    assert "no worker" in result.stdout
    assert one_error_line(result.stderr) == "error: https://api.test is not ready: job_queue"
