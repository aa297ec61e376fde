"""tenants, audit, jobs, permissions and queue: happy paths and output formats."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import respx
import yaml

from .conftest import Cli
from .factories import event, job, page, tenant


# -- tenants ------------------------------------------------------------------------------------------
def test_tenants_list_pages_lazily_up_to_limit(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get("/v1/tenants").mock(
        side_effect=[
            httpx.Response(200, json=page([tenant("acme"), tenant("globex")], "p2")),
            httpx.Response(200, json=page([tenant("initech")])),
        ]
    )
    result = cli("tenants", "list", "--limit", "2")
    assert result.exit_code == 0, result.stderr
    assert "acme" in result.stdout and "globex" in result.stdout and route.call_count == 1
    result = cli("-o", "json", "tenants", "list", "--all", "--tier", "enterprise")
    assert [t["id"] for t in json.loads(result.stdout)] == ["initech"] or route.call_count == 2


def test_tenants_list_all_follows_pages(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get("/v1/tenants").mock(
        side_effect=[
            httpx.Response(200, json=page([tenant("acme")], "p2")),
            httpx.Response(200, json=page([tenant("globex")])),
        ]
    )
    result = cli("-o", "json", "tenants", "list", "--all", "--tier", "enterprise")
    assert [t["id"] for t in json.loads(result.stdout)] == ["acme", "globex"]
    assert route.calls[1].request.url.params["page_token"] == "p2"
    assert route.calls[0].request.url.params["tier"] == "enterprise"


def test_tenants_get_defaults_to_context_tenant(cli: Cli, api: respx.MockRouter) -> None:
    api.get("/v1/tenants/acme").respond(json=tenant("acme"))
    result = cli("-o", "yaml", "tenants", "get")
    assert yaml.safe_load(result.stdout)["id"] == "acme"


def test_tenants_get_cross_tenant_sends_purpose(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get("/v1/tenants/globex").respond(json=tenant("globex"))
    assert cli("tenants", "get", "globex", "--purpose", "incident 42").exit_code == 0
    assert route.calls.last.request.headers["x-companyos-purpose"] == "incident 42"


def test_tenants_create_and_update(cli: Cli, api: respx.MockRouter) -> None:
    create = api.post("/v1/tenants").respond(201, json=tenant("initech", labels={"team": "core"}))
    result = cli(
        "tenants", "create", "initech", "--name", "Initech", "--tier", "free", "--label", "team=core"
    )
    assert result.exit_code == 0, result.stderr
    body = json.loads(create.calls.last.request.content)
    assert body == {"id": "initech", "display_name": "Initech", "tier": "free", "labels": {"team": "core"}}
    assert create.calls.last.request.headers["idempotency-key"]
    update = api.patch("/v1/tenants/acme").respond(json=tenant("acme", display_name="Acme 2"))
    assert cli("tenants", "update", "--display-name", "Acme 2").exit_code == 0
    assert json.loads(update.calls.last.request.content) == {"display_name": "Acme 2"}


def test_bad_label_is_usage_error(cli: Cli) -> None:
    result = cli("tenants", "update", "--label", "novalue")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: bad label 'novalue': use KEY=VALUE"


def test_no_tenant_is_usage_error(cli: Cli, monkeypatch) -> None:
    monkeypatch.delenv("COMPANYOS_TENANT")
    result = cli("audit", "verify")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: no tenant: pass --tenant or set COMPANYOS_TENANT"


# -- audit --------------------------------------------------------------------------------------------
def test_audit_list_filters(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get("/v1/tenants/acme/audit/events").respond(json=page([event(1), event(2)]))
    result = cli("audit", "list", "--actor", "usr_alice", "--outcome", "success", "--page-size", "10")
    assert result.exit_code == 0, result.stderr
    assert "tenants:update" in result.stdout
    params = route.calls.last.request.url.params
    assert params["actor"] == "usr_alice" and params["outcome"] == "success" and params["page_size"] == "10"


def test_audit_verify_ok(cli: Cli, api: respx.MockRouter) -> None:
    api.get("/v1/tenants/acme/audit/verification").respond(
        json={
            "tenant_id": "acme",
            "ok": True,
            "checked": 12,
            "first_broken_position": None,
            "reason": None,
            "detail": None,
        }
    )
    result = cli("audit", "verify")
    assert result.exit_code == 0
    assert result.stdout.startswith("OK: acme audit chain intact (12 events checked)")


def test_audit_verify_broken_exits_1(cli: Cli, api: respx.MockRouter) -> None:
    api.get("/v1/tenants/globex/audit/verification").respond(
        json={
            "tenant_id": "globex",
            "ok": False,
            "checked": 7,
            "first_broken_position": 5,
            "reason": "edited",
            "detail": "hash mismatch",
        }
    )
    result = cli("--tenant", "globex", "audit", "verify")
    assert result.exit_code == 1
    assert (
        result.stderr.strip() == "error: audit chain of globex broken at position 5: edited (hash mismatch)"
    )
    result = cli("-o", "json", "--tenant", "globex", "audit", "verify")
    assert result.exit_code == 1 and json.loads(result.stdout)["first_broken_position"] == 5


def test_audit_export_and_watch(cli: Cli, api: respx.MockRouter) -> None:
    api.post("/v1/tenants/acme/audit/exports").respond(202, json=job(state="queued"))
    api.get("/v1/tenants/acme/jobs/job_1").mock(
        side_effect=[
            httpx.Response(200, json=job(state="queued")),
            httpx.Response(200, json=job(done=5)),
            httpx.Response(200, json=job(state="succeeded", done=10, finished_at="x")),
        ]
    )
    result = cli("audit", "export", "--watch", "--interval", "0")
    assert result.exit_code == 0, result.stderr
    assert "succeeded" in result.stdout and "10/10" in result.stdout


# -- jobs ---------------------------------------------------------------------------------------------
def test_jobs_list_get_cancel_retry(cli: Cli, api: respx.MockRouter) -> None:
    listing = api.get("/v1/tenants/acme/jobs").respond(
        json=page([job("job_1"), job("job_2", state="failed")])
    )
    result = cli("jobs", "list", "--state", "running")
    assert result.exit_code == 0 and "job_2" in result.stdout
    assert listing.calls.last.request.url.params["state"] == "running"
    api.get("/v1/tenants/acme/jobs/job_1").respond(json=job("job_1"))
    assert json.loads(cli("-o", "json", "jobs", "get", "job_1").stdout)["id"] == "job_1"
    api.post("/v1/tenants/acme/jobs/job_1/cancel").respond(json=job("job_1", state="cancelled"))
    assert "cancelled" in cli("jobs", "cancel", "job_1").stdout
    api.post("/v1/tenants/acme/jobs/job_1/retry").respond(json=job("job_1", state="queued"))
    assert "queued" in cli("jobs", "retry", "job_1").stdout


def test_jobs_watch_failed_exits_1(cli: Cli, api: respx.MockRouter) -> None:
    api.get("/v1/tenants/acme/jobs/job_1").mock(
        side_effect=[
            httpx.Response(200, json=job(done=3)),
            httpx.Response(
                200, json=job(state="failed", done=3, errors=[{"message": "disk full", "at": "t"}])
            ),
        ]
    )
    result = cli("jobs", "watch", "job_1", "--interval", "0")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == "error: job job_1 failed: disk full"


def test_jobs_watch_cancelled_exits_1(cli: Cli, api: respx.MockRouter) -> None:
    api.get("/v1/tenants/acme/jobs/job_1").respond(json=job(state="cancelled", total=None))
    result = cli("jobs", "watch", "job_1")
    assert result.exit_code == 1 and result.stderr.strip().endswith("error: job job_1 was cancelled")


def test_jobs_download(cli: Cli, api: respx.MockRouter, tmp_path: Path) -> None:
    api.get("/v1/tenants/acme/jobs/job_1/artifact").respond(content=b'{"a":1}\n')
    out = tmp_path / "export.ndjson"
    assert cli("jobs", "download", "job_1", "--out", str(out)).exit_code == 0
    assert out.read_bytes() == b'{"a":1}\n'


# -- permissions --------------------------------------------------------------------------------------
def test_permissions(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get("/v1/tenants/acme/permissions").respond(
        json={
            "resource": "tenant:acme",
            "principal": "usr_alice",
            "actions": [
                {"action": "tenants:read", "allowed": True, "reasons": [], "requires_step_up": False},
                {
                    "action": "tenants:create",
                    "allowed": False,
                    "reasons": ["no policy permits it"],
                    "requires_step_up": True,
                },
            ],
        }
    )
    result = cli("permissions", "tenant:acme")
    assert result.exit_code == 0
    assert route.calls.last.request.url.params["resource"] == "tenant:acme"
    assert "no policy permits it" in result.stdout and "tenants:create" in result.stdout
    assert json.loads(cli("-o", "json", "permissions").stdout)["actions"][0]["allowed"] is True


# -- offline queue ------------------------------------------------------------------------------------
def test_queue_offline_mutation_then_flush(cli: Cli, api: respx.MockRouter) -> None:
    update = api.patch("/v1/tenants/acme").mock(side_effect=httpx.ConnectError("refused"))
    result = cli("--offline", "tenants", "update", "--display-name", "Later")
    assert result.exit_code == 9
    assert "mutation queued offline as oq_" in result.stderr
    status = json.loads(cli("-o", "json", "queue", "status").stdout)
    assert status["pending"] == 1 and status["entries"][0]["operation_id"] == "update_tenant"
    assert "1 pending" in cli("queue", "status").stdout
    update.mock(side_effect=None, return_value=httpx.Response(200, json=tenant("acme")))
    result = cli("queue", "flush")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("1 replayed, 0 rejected, 0 remaining")
    assert "0 pending" in cli("queue", "status").stdout
