"""``companyos demo``: both sales stories, twice in a row, on a freshly seeded app (SQLite and PostgreSQL),
through the CLI; the resources they report really exist; ``-o json``; failures name their step. And
docs/demo-handbook.md: every command in its ``sh`` blocks runs, in order, against a live seeded server."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tools.live_server import live_server

from .conftest import Cli
from .test_cli_operations import Mint, member, ok, one_line

REPO = Path(__file__).resolve().parents[3]
HANDBOOK = REPO / "docs" / "demo-handbook.md"
DEV_URL = "http://127.0.0.1:8080"
STEP = re.compile(r"^Step (\d)/6 — ", flags=re.M)


def narrated(result: Any) -> str:
    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert result.stderr == "", result.stderr
    assert [int(n) for n in STEP.findall(result.stdout)] == [1, 2, 3, 4, 5, 6], result.stdout
    return str(result.stdout)


def produced(text: str, kind: str) -> list[str]:
    return re.findall(rf"→ {kind}: (\S+)", text)


def test_demo_list(cli: Cli, service: Any) -> None:
    env = service("acme")
    table = cli("demo", "list", **env)
    assert table.exit_code == 0, table.stderr
    assert "ops-heavy: " in table.stdout and "admin-heavy: " in table.stdout
    assert "  3. Open an incident from the alert (incident)" in table.stdout
    stories = ok(cli("-o", "json", "demo", "list", **env))
    assert [s["name"] for s in stories] == ["ops-heavy", "admin-heavy"]
    assert [len(s["steps"]) for s in stories] == [6, 6]


def test_an_unknown_story_is_one_line(cli: Cli, service: Any) -> None:
    line = one_line(cli("demo", "run", "sales-heavy", **service("acme")), 2)
    assert line.startswith("error: unknown demo story 'sales-heavy': choose one of ops-heavy, admin-heavy")


def test_ops_heavy_twice(cli: Cli, service: Any) -> None:
    env = service("acme")
    runs = [narrated(cli("demo", "run", "ops-heavy", **env)) for _ in range(2)]
    for out in runs:
        assert "Step 3/6 — Open an incident from the alert: " in out
        assert "Alertmanager posted HighErrorRate (critical) on checkout-api: received 1, created 1" in out
        assert "HighErrorRate on checkout-api: sev2, investigating, commander acme-service" in out
        assert "recommendation [burn_rate_policy]" in out and "production runs v2.14.0 (failed)" in out
        assert "it could roll back to: v2.13.2, v2.13.1, v2.13.0" in out
        assert "dry run of Roll back checkout-api v1: risk high, step-up required, nothing changed" in out
        assert "not executed: this was the dry run (pass --yes to execute" in out
    incidents = [produced(out, "incident_id")[0] for out in runs]
    alerts = [produced(out, "alert_id")[0] for out in runs]
    assert len(set(incidents)) == len(set(alerts)) == 2  # every run pages and opens its own
    for incident_id, alert_id in zip(incidents, alerts, strict=True):
        incident = ok(cli("-o", "json", "incidents", "get", incident_id, **env))
        assert (incident["source_alert_id"], incident["status"]) == (alert_id, "investigating")
        assert ok(cli("-o", "json", "alerts", "get", alert_id, **env))["incident_id"] == incident_id

    # --yes with a login that cannot step up: the dry run, and the narration says why, nothing faked.
    pressed = narrated(cli("demo", "run", "ops-heavy", "--yes", **env))
    assert "not executed: running this high-risk plan needs step-up (urn:companyos:acr:mfa" in pressed
    assert "run_id" not in pressed

    transcript = ok(cli("-o", "json", "demo", "run", "ops-heavy", **env))
    assert (transcript["story"], transcript["tenant"], transcript["status"]) == (
        "ops-heavy",
        "acme",
        "succeeded",
    )
    steps = transcript["steps"]
    assert [(s["number"], s["name"], s["status"]) for s in steps] == [
        (1, "ingest-key", "ok"), (2, "alert", "ok"), (3, "incident", "ok"),
        (4, "slo-doctor", "ok"), (5, "rollback-candidates", "ok"), (6, "rollback", "ok"),
    ]  # fmt: skip
    assert steps[0]["ids"]["ingest_key_id"].startswith("aik_")
    incident_id = steps[2]["ids"]["incident_id"]
    assert steps[2]["links"]["incident_id"].endswith(f"/v1/tenants/acme/incidents/{incident_id}")
    assert ok(cli("-o", "json", "incidents", "get", incident_id, **env))["id"] == incident_id
    assert steps[5]["ids"]["plan_id"].startswith("plan_") and "run_id" not in steps[5]["ids"]
    assert any("dry run of Roll back checkout-api" in note for note in steps[5]["notes"])


def test_ops_heavy_rolls_back_with_step_up_then_shows_the_dry_run(cli: Cli, mint: Mint, worker: Any) -> None:
    admin = member(mint, "usr_demo_admin", "tenant_admin", mfa=True)
    first = narrated(cli("demo", "run", "ops-heavy", "--yes", **admin))
    assert "commander usr_demo_admin" in first
    assert "rollback executed: run succeeded (2/2 steps), evidence pack signed" in first
    (run_id,) = produced(first, "run_id")
    run = ok(cli("-o", "json", "runs", "get", run_id, **admin))
    assert run["state"] == "succeeded" and run["evidence_pack_id"] == produced(first, "evidence_pack_id")[0]
    assert (
        ok(cli("-o", "json", "evidence", "get", run["evidence_pack_id"], **admin))["id"]
        == run["evidence_pack_id"]
    )

    second = narrated(cli("demo", "run", "ops-heavy", "--yes", **admin))
    assert "v2.14.0 is already rolled_back (an earlier run rolled it back): nothing to execute" in second
    assert "production runs v2.13.2 (succeeded)" in second and "run_id" not in second


def test_admin_heavy_twice(cli: Cli, service: Any, worker: Any) -> None:
    env = service("acme")
    runs = [narrated(cli("demo", "run", "admin-heavy", **env)) for _ in range(2)]
    for out in runs:
        assert "Step 3/6 — Move it through its first gate: " in out
        assert "Express shipping (fulfilment-team): idea → experiment → beta → ga → sunset" in out
        assert re.search(r"the gate refuses idea → experiment: .*missing evidence design", out)
        assert "moved to experiment: the gate passes once its evidence is there" in out
        assert "adoption of service-map over 28 days by role" in out
        assert "job datasets.export succeeded" in out
    keys = [produced(out, "feature_key")[1] for out in runs]
    exports = [produced(out, "export_id")[0] for out in runs]
    assert len(set(keys)) == len(set(exports)) == 2
    for key, export_id, out in zip(keys, exports, runs, strict=True):
        assert ok(cli("-o", "json", "features", "get", key, **env))["state"] == "experiment"
        export = ok(cli("-o", "json", "export", "get", export_id, **env))
        (job_id,) = produced(out, "job_id")
        assert (
            export["job_id"] == job_id and export["evidence_pack_id"] == produced(out, "evidence_pack_id")[0]
        )
        assert ok(cli("-o", "json", "jobs", "get", job_id, **env))["state"] == "succeeded"

    transcript = ok(cli("-o", "json", "demo", "run", "admin-heavy", **env))
    assert transcript["status"] == "succeeded"
    assert [s["name"] for s in transcript["steps"]] == [
        "feature-journey", "feature-create", "feature-gate", "analytics", "export", "export-job",
    ]  # fmt: skip
    ids = {k: v for s in transcript["steps"] for k, v in s["ids"].items() if k != "feature_key"}
    assert ids["export_id"].startswith("exp_") and ids["job_id"].startswith("job_")
    assert ok(cli("-o", "json", "export", "get", ids["export_id"], **env))["job_id"] == ids["job_id"]


def test_a_failing_step_stops_the_story_naming_it(cli: Cli, mint: Mint) -> None:
    viewer = member(mint, "usr_demo_viewer", "viewer")
    failed = cli("demo", "run", "ops-heavy", **viewer)
    line = one_line(failed, 8)
    assert line.startswith("error: demo ops-heavy step 1/6 (ingest-key) failed: Forbidden: "), line
    assert "Step 1/6 — Connect Alertmanager" in failed.stdout and "Step 2/6" not in failed.stdout
    as_json = cli("-o", "json", "demo", "run", "ops-heavy", **viewer)
    assert one_line(as_json, 8).startswith("error: demo ops-heavy step 1/6 (ingest-key) failed: ")
    transcript = json.loads(as_json.stdout)
    assert transcript["status"] == "failed"
    (step,) = transcript["steps"]
    assert (step["name"], step["status"]) == ("ingest-key", "failed") and step["error"].startswith(
        "Forbidden"
    )


# -- docs/demo-handbook.md ------------------------------------------------------------------------------
def blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", HANDBOOK.read_text(encoding="utf-8"), flags=re.S)


def test_the_handbook_documents_these_commands() -> None:
    commands = [line.strip() for block in blocks() for line in block.splitlines() if line.strip()]
    assert [" ".join(c.split()[:3]) for c in commands] == [
        "./dev up", "export COMPANYOS_BASE_URL=http://127.0.0.1:8080 COMPANYOS_TENANT=acme",
        "export COMPANYOS_CLIENT_SECRET=$(python -c", "companyos whoami", "companyos demo list",
        "companyos demo run", "companyos demo run", "companyos demo run", "companyos demo run",
        "companyos -o json",
    ]  # fmt: skip
    runs = [c.split()[1:] for c in commands if c.startswith("companyos") and " run " in c]
    assert runs == [["demo", "run", "ops-heavy"], ["demo", "run", "ops-heavy", "--yes"],
                    ["demo", "run", "admin-heavy"], ["demo", "run", "admin-heavy"],
                    ["-o", "json", "demo", "run", "ops-heavy", ">", "ops-heavy.json"]]  # fmt: skip


def test_the_handbook_runs(tmp_path: Path) -> None:
    """``./dev up`` is what the live server does (migrate, seed, serve with a job worker); the rest runs as
    written, with the live server's URL and credentials file in place of the dev ones."""
    first, *rest = blocks()
    assert first.strip() == "./dev up"
    with live_server(worker=True, ready_timeout=240) as server:
        keep = {k: v for k, v in os.environ.items() if not k.startswith("COMPANYOS_")}
        env = {**keep, "COMPANYOS_HOME": str(tmp_path / "home"), "COMPANYOS_CACHE_KEY": "handbook-test-key",
               "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}  # fmt: skip
        script = "set -euo pipefail\n" + "\n".join(rest)
        script = script.replace(DEV_URL, server.url).replace(
            "var/dev-credentials.json", str(server.credentials)
        )
        done = subprocess.run(["bash", "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True,
                              timeout=600, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "acme-service" in out and "ops-heavy: " in out
    assert (
        out.count("Done: 6/6 steps of ops-heavy.") == 2 and out.count("Done: 6/6 steps of admin-heavy.") == 2
    )
    assert "not executed: running this high-risk plan needs step-up" in out
    assert out.count("job datasets.export succeeded") == 2
    transcript = json.loads((tmp_path / "ops-heavy.json").read_text())
    assert transcript["status"] == "succeeded" and len(transcript["steps"]) == 6


@pytest.mark.parametrize("story", ["ops-heavy", "admin-heavy"])
def test_each_story_runs_in_a_sandbox_seeded_with_it(cli: Cli, mint: Mint, story: str) -> None:
    """A sandbox seeded with a story holds what the story needs (ops-heavy: ledger-ops's history,
    checkout-api's bad deploy and the rollback plan; admin-heavy: the feature, the usage, the dataset), so
    the narrated story runs there as on acme; ops-heavy again after a reset (the plan follows the deploy)."""
    import time

    from companyos_server.platform.principal import ACR_MFA

    tenant = f"story-{story}"
    root = {"COMPANYOS_TOKEN": mint("usr_root", scopes=["openid", "api", "platform:admin", "tenants:cross"],
                                    acr=ACR_MFA, auth_time=int(time.time()))}  # fmt: skip
    ok(cli("-o", "json", "tenants", "create", tenant, "--name", "Story demo", "--environment", "sandbox",
           "--residency", "eu", **root))  # fmt: skip
    owner = {
        "COMPANYOS_TOKEN": mint("usr_story_admin", tenants={tenant: ["tenant_admin"]}),
        "COMPANYOS_TENANT": tenant,
    }
    ok(cli("-o", "json", "sandbox", "seed", story, "--seed", "11", **owner))
    out = narrated(cli("demo", "run", story, **owner))
    if story == "admin-heavy":
        assert "adoption of service-map over 28 days by role" in out and "export of customers-demo" in out
        return
    assert "production runs v2.14.0 (failed)" in out and "recommendation [burn_rate_policy]" in out
    assert "dry run of Roll back checkout-api" in out
    assert cli("sandbox", "reset", **owner).exit_code == 0
    again = narrated(cli("demo", "run", story, **owner))
    assert "production runs v2.14.0 (failed)" in again and "dry run of Roll back checkout-api v2" in again
