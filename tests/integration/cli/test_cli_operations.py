"""The commands completing the CLI's API coverage, against the real app (SQLite and, in CI, PostgreSQL):
search, inspect, graph, lineage, policy edits and exceptions, service updates, config saves, Alertmanager
ingest and keys, plan versions, incident responders and tasks, status."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from companyos_server.core.spine.store import EvidenceItem
from companyos_server.platform.principal import ACR_MFA
from tests.integration.alerts.helpers import alertmanager_payload, am_alert
from tests.integration.policies.test_policies_api import record

from .conftest import Cli

Mint = Callable[..., str]


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def one_line(result: Any, code: int) -> str:
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return str(result.stderr.strip())


def member(mint: Mint, subject: str, role: str, *, mfa: bool = False) -> dict[str, str]:
    extra: dict[str, Any] = {"acr": ACR_MFA, "auth_time": int(time.time())} if mfa else {}
    return {"COMPANYOS_TOKEN": mint(subject, tenants={"acme": [role]}, **extra), "COMPANYOS_TENANT": "acme"}


def make_services(cli: Cli, env: dict[str, str]) -> dict[str, str]:
    """checkout -> ledger -> vault (depends_on), registered and wired through the CLI."""
    ids = {}
    for name in ("vault", "ledger", "checkout"):
        created = ok(
            cli("-o", "json", "services", "create", name, "--team", "payments", "--tier", "tier-1", **env)
        )
        ids[name] = created["id"]
    ok(cli("-o", "json", "services", "update", ids["ledger"], "--depends-on", ids["vault"], **env))
    updated = ok(cli("-o", "json", "services", "update", ids["checkout"], "--depends-on", ids["ledger"],
                     "--description", "takes the money", "--label", "pci=yes", **env))  # fmt: skip
    assert updated["dependencies"] == [ids["ledger"]] and updated["description"] == "takes the money"
    assert updated["labels"] == {"pci": "yes"}
    return ids


def test_search_inspect_graph(cli: Cli, service) -> None:
    env = service("acme")
    ids = make_services(cli, env)
    found = ok(cli("-o", "json", "search", "check", "--kinds", "service", **env))
    assert f"service:{ids['checkout']}" in [r["ref"] for r in found]
    deployments = ok(cli("-o", "json", "search", "check", "--kinds", "deployment", **env))
    assert {r["kind"] for r in deployments} <= {"deployment"}
    assert f"service:{ids['checkout']}" not in [r["ref"] for r in deployments]
    checkout, ledger, vault = (f"service:{ids[n]}" for n in ("checkout", "ledger", "vault"))
    inspected = ok(cli("-o", "json", "inspect", checkout, **env))
    assert inspected["entity"]["ref"] == checkout
    table = cli("inspect", checkout, **env)
    assert table.exit_code == 0 and "depends_on" in table.stdout

    hood = ok(cli("-o", "json", "graph", "neighbours", checkout, "--depth", "2", "--kinds", "service", **env))
    assert {e["ref"] for e in hood["entities"]} >= {ledger, vault}
    paths = ok(cli("-o", "json", "graph", "paths", checkout, vault, **env))
    assert [[e["dst"] for e in p] for p in paths["paths"]] == [[ledger, vault]]
    shown = cli("graph", "paths", checkout, vault, **env)
    assert shown.exit_code == 0 and "-depends_on->" in shown.stdout
    changes = ok(cli("-o", "json", "graph", "changes", checkout, **env))
    assert {"created", "linked"} <= {c["action"] for c in changes["items"]}
    missing = cli("graph", "neighbours", "service:svc_nope", **env)
    assert one_line(missing, 4).startswith("error: Not Found: ") and "(request id req_" in missing.stderr


def test_lineage(cli: Cli, service, runtime: Any) -> None:
    runtime.evidence.create_pack(
        tenant_id="acme", title="Rollback evidence", subject="deployment:dep_1",
        items=[EvidenceItem("steps.json", b'{"ok": true}')],
        lineage={"inputs": ["alert:al_1"], "process": "maestro:rollback", "outputs": ["deployment:dep_1"]},
        created_by="usr_alice",
    )  # fmt: skip
    env = service("acme")
    lineage = ok(cli("-o", "json", "lineage", "deployment:dep_1", **env))
    assert lineage["upstream"] == ["alert:al_1"] and lineage["records"][0]["process"] == "maestro:rollback"
    table = cli("lineage", "deployment:dep_1", **env)
    assert table.exit_code == 0 and "maestro:rollback" in table.stdout


def test_policy_edit_dry_run_step_up_and_versions(cli: Cli, mint: Mint, runtime: Any) -> None:
    record(runtime, "usr_vera", "viewer", "incidents:read")
    rule = [
        "--effect",
        "forbid",
        "--action",
        "incidents:read",
        "--role",
        "viewer",
        "--reason",
        "audit freeze",
    ]
    without_mfa = cli("policies", "edit", "no-viewer-incidents", *rule, "--dry-run",
                      **member(mint, "usr_tess", "tenant_admin"))  # fmt: skip
    line = one_line(without_mfa, 3)
    assert line.startswith("error: step-up required:") and ACR_MFA in line and "(request id req_" in line

    editor = member(mint, "usr_tess", "tenant_admin", mfa=True)
    dry = cli("policies", "edit", "no-viewer-incidents", *rule, "--dry-run", **editor)
    assert dry.exit_code == 0, dry.stderr
    assert dry.stdout.startswith("dry-run of policy no-viewer-incidents: ")
    assert "1 would change (nothing stored)" in dry.stdout and "usr_vera" in dry.stdout
    assert cli("policies", "get", "no-viewer-incidents", **editor).exit_code == 4  # nothing stored

    saved = ok(cli("-o", "json", "policies", "edit", "no-viewer-incidents", *rule, **editor))
    assert saved["dry_run"] is False and saved["policy"]["version"] == 1
    ok(
        cli(
            "-o",
            "json",
            "policies",
            "edit",
            "no-viewer-incidents",
            *rule,
            "--disabled",
            "--note",
            "lifted",
            **editor,
        )
    )
    versions = ok(cli("-o", "json", "policies", "versions", "no-viewer-incidents", **editor))
    assert [(v["version"], v["enabled"]) for v in versions] == [(2, False), (1, True)]
    builtin = cli("policies", "edit", "member-read", *rule, **editor)
    assert one_line(builtin, 5).startswith("error: Failed precondition: Policy 'member-read' is built in")


def test_policy_exception_create_and_approve(cli: Cli, mint: Mint) -> None:
    # residency-eu-export requires MFA: its exceptions are requested and approved with a fresh MFA sign-in.
    requester = member(mint, "usr_sam", "sre", mfa=True)
    created = ok(cli("-o", "json", "policies", "exceptions", "create", "residency-eu-export",
                     "--reason", "external audit export", "--hours", "48", **requester))  # fmt: skip
    assert (created["status"], created["requested_by"]) == ("pending", "usr_sam")
    self_approver = member(mint, "usr_sam", "security_analyst", mfa=True)
    own = cli("policies", "exceptions", "approve", created["id"], **self_approver)
    assert one_line(own, 8).startswith("error: Forbidden: ") and "requester" in own.stderr
    approved = ok(cli("-o", "json", "policies", "exceptions", "approve", created["id"],
                      **member(mint, "usr_ana", "security_analyst", mfa=True)))  # fmt: skip
    assert (approved["status"], approved["approver"]) == ("active", "usr_ana")
    got = ok(cli("-o", "json", "policies", "exceptions", "get", created["id"], **requester))
    assert got["status"] == "active"
    listed = ok(cli("-o", "json", "policies", "exceptions", "--status", "active", **requester))
    assert created["id"] in [e["id"] for e in listed]


def test_config_put_then_diff(cli: Cli, service, mint: Mint, tmp_path: Path) -> None:
    doc = tmp_path / "config.json"
    doc.write_text(json.dumps({"team": "core"}))
    # A configuration write is high-risk: a client-credentials token (no MFA) gets the step-up challenge.
    refused = cli("config", "put", "-f", str(doc), "-m", "team", **service("acme"))
    assert one_line(refused, 3).startswith("error: step-up required:")
    env = member(mint, "usr_tess", "tenant_admin", mfa=True)
    before = ok(cli("-o", "json", "config", "history", **env))
    base = max((v["version"] for v in before), default=0)
    first = ok(
        cli("-o", "json", "config", "put", "-f", str(doc), "-m", "team", "--base-version", str(base), **env)
    )
    doc.write_text(json.dumps({"team": "platform", "oncall": "sre"}))
    second = ok(cli("-o", "json", "config", "put", "--file", str(doc), "--message", "handover", **env))
    assert second["version"] == first["version"] + 1 and second["message"] == "handover"
    diff = ok(cli("-o", "json", "config", "diff", str(first["version"]), str(second["version"]), **env))
    assert {(op["op"], op["path"]) for op in diff} >= {("replace", "/team"), ("add", "/oncall")}
    stale = cli("config", "put", "-f", str(doc), "-m", "late", "--base-version", str(first["version"]), **env)
    assert one_line(stale, 5).startswith("error: Failed precondition: The configuration is at version ")
    assert ok(cli("-o", "json", "config", "get", "--version", str(first["version"]), **env))["document"] == {
        "team": "core"
    }
    doc.write_text("{oops")
    bad = cli("config", "put", "-f", str(doc), "-m", "x", **env)
    assert one_line(bad, 2).startswith(f"error: cannot read configuration {doc}: ")
    unreadable = cli("config", "put", "-f", str(tmp_path / "missing.json"), "-m", "x", **env)
    assert "No such file or directory" in one_line(unreadable, 2)


def test_ingest_keys_and_alertmanager_ingest(cli: Cli, service, tmp_path: Path) -> None:
    env = service("acme")
    created = ok(cli("-o", "json", "alerts", "ingest-keys", "create", "alertmanager", **env))
    old_token = created["token"]
    rotated = ok(cli("-o", "json", "alerts", "ingest-keys", "rotate", created["id"], **env))
    new_token = rotated["token"]
    keys = {k["id"]: k["status"] for k in ok(cli("-o", "json", "alerts", "ingest-keys", "list", **env))}
    assert keys[created["id"]] == "revoked" and keys[rotated["id"]] == "active"

    payload = tmp_path / "payload.json"
    payload.write_text(json.dumps(alertmanager_payload(am_alert("feedface00000001"))))
    no_login = {"COMPANYOS_TENANT": "acme"}  # the ingest key is the only credential
    stale = cli("alerts", "ingest", "--file", str(payload), "--key", old_token, **no_login)
    assert one_line(stale, 3).startswith("error: Unauthorized")
    result = ok(cli("-o", "json", "alerts", "ingest", "--file", str(payload), "--key", new_token, **no_login))
    assert (result["received"], result["created"]) == (1, 1)
    again = ok(
        cli("-o", "json", "alerts", "ingest", "-f", str(payload), COMPANYOS_INGEST_KEY=new_token, **no_login)
    )
    assert again["created"] == 0 and again["alert_ids"] == result["alert_ids"]
    alerts = ok(cli("-o", "json", "alerts", "list", **env))
    assert result["alert_ids"][0] in [a["id"] for a in alerts]


PLAN = {"name": "Restart checkout", "description": "restart it",
        "steps": [{"id": "restart", "action": "service.restart", "parameters": {"service_id": "svc_checkout"}}]}  # fmt: skip


def test_plan_update_and_versions(cli: Cli, service, tmp_path: Path) -> None:
    env = service("acme")
    file = tmp_path / "plan.json"
    file.write_text(json.dumps(PLAN))
    plan = ok(cli("-o", "json", "plans", "create", str(file), **env))
    steps = tmp_path / "steps.json"
    steps.write_text(json.dumps({"steps": [*PLAN["steps"], {"id": "scale", "action": "service.scale",
                                 "parameters": {"service_id": "svc_checkout", "replicas": 3}}]}))  # fmt: skip
    updated = ok(cli("-o", "json", "plans", "update", plan["id"], "--file", str(steps), "--name", "Restart and scale",
                     **env))  # fmt: skip
    assert updated["version"] == plan["version"] + 1 and len(updated["steps"]) == 2
    versions = ok(cli("-o", "json", "plans", "versions", plan["id"], **env))
    assert [v["version"] for v in versions] == [updated["version"], plan["version"]]
    old = ok(cli("-o", "json", "plans", "get", plan["id"], "--version", str(plan["version"]), **env))
    assert old["name"] == "Restart checkout"
    invalid = cli("plans", "update", plan["id"], "--risk", "extreme", **env)
    assert invalid.exit_code == 2 and "'extreme' is not one of 'normal', 'high'" in invalid.stderr


def test_incident_responder_dashboard_task(cli: Cli, service) -> None:
    env = service("acme")
    incident = ok(cli("-o", "json", "incidents", "create", "Checkout down", "--severity", "sev2", **env))
    table = cli("incidents", "add-responder", incident["id"], "usr_bo", "--role", "commander", **env)
    assert table.exit_code == 0 and "usr_bo" in table.stdout and "commander" in table.stdout
    ok(cli("-o", "json", "incidents", "add-dashboard", incident["id"], "https://grafana.example/d/checkout",
           "--title", "Checkout", **env))  # fmt: skip
    tasks = ok(
        cli("-o", "json", "incidents", "add-task", incident["id"], "run_123", "--title", "Roll back", **env)
    )
    assert [(t["ref"], t["title"]) for t in tasks] == [("plan_run:run_123", "Roll back")]
    got = ok(cli("-o", "json", "incidents", "get", incident["id"], **env))
    assert [(r["subject"], r["role"]) for r in got["responders"]][-1] == ("usr_bo", "commander")
    assert got["dashboards"][0]["url"] == "https://grafana.example/d/checkout"
    bad = cli("incidents", "add-responder", incident["id"], "usr_bo", "--role", "captain", **env)
    assert bad.exit_code == 2 and "'captain' is not one of 'commander', 'comms', 'ops'" in bad.stderr


def test_status_without_credentials(cli: Cli) -> None:
    status = ok(cli("-o", "json", "status"))
    assert status["health"]["status"] == "ok" and status["readiness"]["status"] == "ready"
    table = cli("status")
    assert table.exit_code == 0 and table.stdout.startswith("http://testserver: ok (version ")


def test_sli_samples_push_and_list(cli: Cli, service, tmp_path: Path) -> None:
    env = service("acme")
    svc = ok(cli("-o", "json", "services", "create", "sli-cli", "--team", "sre", "--tier", "tier-2", **env))[
        "id"
    ]
    samples = tmp_path / "samples.json"
    samples.write_text(json.dumps({"samples": [{"ts": "2026-11-27T08:00:00Z", "good": 99, "total": 100},
                                               {"ts": "2026-11-27T08:01:00Z", "good": 100, "total": 100}]}))  # fmt: skip
    pushed = ok(cli("-o", "json", "services", "sli", "push", svc, "--file", str(samples), **env))
    assert (pushed["recorded"], pushed["replaced"]) == (2, 0)
    one = ok(cli("-o", "json", "services", "sli", "push", svc, "--good", "5", "--total", "10",
                 "--ts", "2026-11-27T08:01:00Z", **env))  # fmt: skip
    assert (one["recorded"], one["replaced"]) == (1, 1)
    listed = ok(cli("-o", "json", "services", "sli", "list", svc, "--since", "2026-11-27T07:00:00Z",
                    "--until", "2026-11-27T09:00:00Z", **env))  # fmt: skip
    assert [(s["good"], s["total"]) for s in listed] == [(99, 100), (5, 10)]
    table = cli("services", "sli", "list", svc, "--since", "2026-11-27T07:00:00Z",
                "--until", "2026-11-27T09:00:00Z", **env)  # fmt: skip
    assert table.exit_code == 0 and "99.0" in table.stdout and "50.0" in table.stdout

    assert "give either --file or --good and --total" in one_line(
        cli("services", "sli", "push", svc, **env), 2
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"samples": []}')
    assert "'samples' must be a non-empty list" in one_line(
        cli("services", "sli", "push", svc, "--file", str(bad), **env), 2
    )
    too_good = one_line(cli("services", "sli", "push", svc, "--good", "11", "--total", "10", **env), 1)
    assert "samples[0].good" in too_good or "invalid" in too_good


def test_sli_samples_import_a_file_with_labels(cli: Cli, service, tmp_path: Path) -> None:
    env = service("acme")
    svc = ok(cli("-o", "json", "services", "create", "sli-import-cli", "--team", "sre", "--tier", "tier-2",
                 **env))["id"]  # fmt: skip
    history = tmp_path / "history.csv"
    history.write_text("ts,good,total,endpoint\n2026-11-27T08:00:00Z,99,100,GET /a\n"
                       "2026-11-27T08:00:00Z,10,10,GET /b\n2026-11-27T08:01:00Z,100,100,GET /a\n")  # fmt: skip
    done = ok(cli("-o", "json", "services", "sli", "import", svc, str(history), **env))
    assert (done["rows"], done["recorded"], done["series"]) == (3, 3, 2)
    one = ok(cli("-o", "json", "services", "sli", "push", svc, "--good", "1", "--total", "10",
                 "--ts", "2026-11-27T08:00:00Z", "--label", "endpoint=GET /b", **env))  # fmt: skip
    assert (one["recorded"], one["replaced"]) == (1, 1)
    table = cli("services", "sli", "list", svc, "--since", "2026-11-27T07:00:00Z",
                "--until", "2026-11-27T09:00:00Z", **env)  # fmt: skip
    assert table.exit_code == 0 and "endpoint=GET /a" in table.stdout

    unknown = tmp_path / "history.txt"
    unknown.write_text("x")
    assert "give --format csv, ndjson or json" in one_line(
        cli("services", "sli", "import", svc, str(unknown), **env), 2
    )
    broken = tmp_path / "broken.ndjson"
    broken.write_text('{"ts": "2026-11-27T08:00:00Z", "good": 2, "total": 1}\n')
    assert "line 1" in one_line(cli("services", "sli", "import", svc, str(broken), **env), 1)
    assert "expected NAME=VALUE" in one_line(
        cli("services", "sli", "push", svc, "--good", "1", "--total", "1", "--label", "eu", **env), 2
    )


def test_deployments_import_a_history_file(cli: Cli, mint: Mint, tmp_path: Path) -> None:
    env = member(mint, "usr_acme_sre", "sre")
    svc = ok(cli("-o", "json", "services", "create", "deploy-import-cli", "--team", "sre", "--tier", "tier-2",
                 **env))["id"]  # fmt: skip
    history = tmp_path / "deploys.json"
    history.write_text(json.dumps([{"version": "v1.0.0", "environment": "production",
                                    "started_at": "2026-11-01T10:00:00Z", "outcome": "failed"}]))  # fmt: skip
    done = ok(cli("-o", "json", "deployments", "import", svc, str(history), **env))
    assert (done["imported"], done["skipped"]) == (1, 0)
    again = ok(cli("-o", "json", "deployments", "import", svc, str(history), "--format", "json", **env))
    assert (again["imported"], again["skipped"]) == (0, 1)
    timeline = ok(cli("-o", "json", "deployments", "timeline", svc, **env))
    assert [(d["version"], d["state"]) for d in timeline] == [("v1.0.0", "failed")]
    history.write_text('[{"version": "v2", "environment": "moon", "started_at": "2026-11-01T10:00:00Z"}]')
    assert "item 1" in one_line(cli("deployments", "import", svc, str(history), **env), 1)
    assert "cannot read" in one_line(cli("deployments", "import", svc, str(tmp_path / "nope.csv"), **env), 2)


def test_incidents_import_a_history_file(cli: Cli, mint: Mint, tmp_path: Path) -> None:
    env = member(mint, "usr_acme_sre", "sre")
    history = tmp_path / "incidents.ndjson"
    history.write_text(json.dumps({"title": "CLI import probe", "severity": "sev2",
                                   "started_at": "2026-11-01T10:00:00Z", "resolved_at": "2026-11-01T11:00:00Z"}))  # fmt: skip
    done = ok(cli("-o", "json", "incidents", "import", str(history), **env))
    assert (done["imported"], done["skipped"]) == (1, 0)
    shown = ok(cli("-o", "json", "incidents", "get", done["incident_ids"][0], **env))
    assert (shown["title"], shown["status"]) == ("CLI import probe", "resolved")
    history.write_text('{"title": "no start"}\n')
    assert "line 1" in one_line(cli("incidents", "import", str(history), **env), 1)


def test_signing_keys_and_evidence_verify_against_the_api(
    cli: Cli, service, runtime: Any, tmp_path: Path
) -> None:
    pack = runtime.evidence.create_pack(
        tenant_id="acme", title="Rollback evidence", subject="deployment:dep_1",
        items=[EvidenceItem("steps.json", b'{"ok": true}')], lineage={"inputs": [], "process": "test", "outputs": []},
        created_by="usr_alice",
    )  # fmt: skip
    env = service("acme")
    keys = ok(cli("-o", "json", "keys", "list", "--use", "evidence", **env))
    (current,) = [k for k in keys if k["current"]]
    pem = cli("keys", "pem", current["kid"], **env)
    assert pem.exit_code == 0 and pem.stdout.startswith("-----BEGIN PUBLIC KEY-----")
    assert one_line(cli("keys", "pem", "ek_nope", **env), 4).startswith("error: no signing key")

    archive = tmp_path / "pack.tar.gz"
    ok_download = cli("evidence", "download", pack["id"], "--out", str(archive), **env)
    assert ok_download.exit_code == 0, ok_download.stderr
    pinned = cli("evidence", "verify", str(archive), "--trust-api", **env)
    assert pinned.exit_code == 0 and "by a trusted key" in pinned.stdout, (pinned.stdout, pinned.stderr)
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    stranger = Ed25519PrivateKey.generate().public_key()
    (tmp_path / "other.pem").write_bytes(
        stranger.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    wrong = cli("evidence", "verify", str(archive), "--trust", str(tmp_path / "other.pem"), **env)
    assert wrong.exit_code == 1 and "not valid" in wrong.stderr


def test_sandbox_seed_get_and_reset(cli: Cli, mint: Mint) -> None:
    root = {"COMPANYOS_TOKEN": mint("usr_root", scopes=["openid", "api", "platform:admin", "tenants:cross"],
                                    acr=ACR_MFA, auth_time=int(time.time()))}  # fmt: skip
    ok(
        cli(
            "-o",
            "json",
            "tenants",
            "create",
            "cli-sbx",
            "--name",
            "CLI sandbox",
            "--environment",
            "sandbox",
            **root,
        )
    )
    owner = {"COMPANYOS_TOKEN": mint("usr_cli_sbx_admin", tenants={"cli-sbx": ["tenant_admin"]}),
             "COMPANYOS_TENANT": "cli-sbx"}  # fmt: skip
    seeded = ok(cli("-o", "json", "sandbox", "seed", "admin-heavy", "--seed", "3", **owner))
    assert seeded["profile"] == "admin-heavy" and seeded["seed"] == 3
    assert ok(cli("-o", "json", "sandbox", "get", **owner))["digest"] == seeded["digest"]
    again = cli("sandbox", "seed", "admin-heavy", **owner)
    assert "reset it instead" in one_line(again, 5)
    reset = cli("sandbox", "reset", "--keep-clock", "--reason", "cli test", **owner)
    assert reset.exit_code == 0, reset.stderr
    assert f"digest {seeded['digest'][:16]}" in reset.stdout and "evidence evp_" in reset.stdout
    acme = {
        "COMPANYOS_TOKEN": mint("usr_acme_admin", tenants={"acme": ["tenant_admin"]}),
        "COMPANYOS_TENANT": "acme",
    }
    assert "only sandbox tenants" in one_line(cli("sandbox", "seed", "ops-heavy", **acme), 5)
