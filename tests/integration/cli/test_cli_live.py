"""The CLI through its commands against the real app (SQLite and, in CI, PostgreSQL)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import yaml

from .conftest import Cli

ADMIN_SCOPES = ["openid", "api", "platform:admin", "tenants:cross"]
ACR_MFA = "urn:companyos:acr:mfa"


def test_whoami_with_client_credentials(cli: Cli, service) -> None:
    result = cli("-o", "json", "whoami", **service("acme"))
    assert result.exit_code == 0, result.stderr
    me = json.loads(result.stdout)
    assert me["subject"] == "acme-service" and me["tenants"] == [
        {"tenant_id": "acme", "roles": ["tenant_admin"]}
    ]


def test_tenants_get_update_list_and_errors(cli: Cli, service) -> None:
    env = service("acme")
    assert yaml.safe_load(cli("-o", "yaml", "tenants", "get", **env).stdout)["id"] == "acme"
    result = cli("-o", "json", "tenants", "update", "--label", "team=core", **env)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["labels"] == {"team": "core"}
    missing = cli("tenants", "get", "globex", **env)  # another tenant: not even its existence leaks
    assert missing.exit_code == 4
    # ... but the caller's own memberships (GET /v1/me) tell the CLI why: not a bare 404.
    assert missing.stderr.startswith("error: you are not a member of tenant globex (your tenants: acme)")
    denied = cli("tenants", "list", **env)
    assert denied.exit_code in (0, 8), denied.stderr


def test_tenant_create_needs_step_up(cli: Cli, mint: Callable[..., str]) -> None:
    token = mint("usr_root-admin", scopes=ADMIN_SCOPES)  # no recent MFA
    result = cli("tenants", "create", "initech", "--name", "Initech", COMPANYOS_TOKEN=token)
    assert result.exit_code == 3
    assert result.stderr.startswith("error: step-up required:") and ACR_MFA in result.stderr
    fresh = mint("usr_root-admin", scopes=ADMIN_SCOPES, acr=ACR_MFA, auth_time=int(time.time()))
    result = cli("-o", "json", "tenants", "create", "initech", "--name", "Initech", COMPANYOS_TOKEN=fresh)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "initech"
    assert cli("tenants", "create", "initech", "--name", "Again", COMPANYOS_TOKEN=fresh).exit_code == 5


def test_audit_list_and_verify(cli: Cli, service) -> None:
    env = service("acme")
    cli("tenants", "update", "--display-name", "ACME Audited", **env)
    result = cli("-o", "json", "audit", "list", "--all", **env)
    assert result.exit_code == 0, result.stderr
    events = json.loads(result.stdout)
    assert any(e["action"] == "tenants:update" for e in events)
    # Newest first (the contract's order); identity events (token issue) share the chain now.
    assert [e["position"] for e in events] == sorted((e["position"] for e in events), reverse=True)
    verify = cli("audit", "verify", **env)
    assert verify.exit_code == 0, verify.stderr
    assert verify.stdout.startswith("OK: acme audit chain intact")


def test_audit_verify_broken_chain(cli: Cli, service, runtime: Any) -> None:
    env = service("acme")
    for name in ("One", "Two", "Three"):
        cli("tenants", "update", "--display-name", name, **env)
    from sqlalchemy import text

    with runtime.db.engine.begin() as conn:  # tamper with a stored event
        conn.execute(
            text("UPDATE audit_events SET actor = 'usr_mallory' WHERE tenant_id = 'acme' AND position = 2")
        )
    result = cli("audit", "verify", **env)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: audit chain of acme broken at position 2: ")


def test_permissions(cli: Cli, service) -> None:
    result = cli("-o", "json", "permissions", "tenant", **service("acme"))
    assert result.exit_code == 0, result.stderr
    actions = {a["action"]: a for a in json.loads(result.stdout)["actions"]}
    assert actions["tenants:read"]["allowed"] is True
    assert actions["tenants:create"]["allowed"] is False and actions["tenants:create"]["reasons"]


def test_audit_export_job_watched_to_completion(cli: Cli, service, worker: Any) -> None:
    env = service("globex")
    result = cli("-o", "json", "audit", "export", **env)
    assert result.exit_code == 0, result.stderr
    job_id = json.loads(result.stdout)["id"]
    listing = cli("-o", "json", "jobs", "list", **env)
    assert job_id in [j["id"] for j in json.loads(listing.stdout)]
    watched = cli("-o", "json", "jobs", "watch", job_id, "--interval", "0.1", "--timeout", "60", **env)
    assert watched.exit_code == 0, watched.stderr
    assert json.loads(watched.stdout)["state"] == "succeeded"
    again = cli("audit", "export", "--watch", "--interval", "0.1", "--timeout", "60", **env)
    assert again.exit_code == 0, again.stderr and "succeeded" in again.stdout
