"""docs/runbooks/instrumenting-events.md and docs/analytics.md: every command in their ``sh`` blocks runs,
in order, against a live seeded server, as the acme service client (tenant_admin)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tools.live_server import live_server

REPO = Path(__file__).resolve().parents[3]
RUNBOOK = REPO / "docs" / "runbooks" / "instrumenting-events.md"
PAGE = REPO / "docs" / "analytics.md"


def blocks(doc: Path) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", doc.read_text(encoding="utf-8"), flags=re.S)


def test_the_pages_document_these_commands() -> None:
    def verbs(doc: Path) -> list[str]:
        lines = [line.split() for block in blocks(doc) for line in block.splitlines() if line.strip()]
        return [
            " ".join(w for w in words[:4] if not w.startswith("-"))
            for words in lines
            if words[0] == "companyos"
        ]

    assert verbs(RUNBOOK) == [
        "companyos analytics schemas register", "companyos analytics schemas list", "companyos analytics ingest",
        "companyos json analytics", "companyos analytics ingest", 'companyos analytics query "SELECT',
        "companyos analytics adoption reports",
        "companyos analytics schemas register", "companyos analytics schemas register",
    ]  # fmt: skip
    assert verbs(PAGE) == [
        "companyos analytics adoption service-map", "companyos analytics active-users", "companyos analytics retention",
        'companyos analytics funnel "Page', "companyos analytics kpis", 'companyos analytics query "SELECT',
        "companyos analytics export create", "companyos export verify adoption-pack.tar.gz",
        "companyos analytics export list", "companyos analytics schedule create",
        "companyos analytics schedule list",
    ]  # fmt: skip


def test_the_runbook_and_the_page_run(tmp_path: Path) -> None:
    with live_server(ready_timeout=240, worker=True) as server:
        creds = json.loads(server.credentials.read_text())
        client = next(c for c in creds["clients"] if c["tenant_id"] == "acme")
        keep = {k: v for k, v in os.environ.items() if not k.startswith("COMPANYOS_")}
        env = {**keep, "COMPANYOS_BASE_URL": server.url, "COMPANYOS_HOME": str(tmp_path / "home"),
               "COMPANYOS_CACHE_KEY": "docs-test-key", "COMPANYOS_CLIENT_ID": client["client_id"],
               "COMPANYOS_CLIENT_SECRET": client["client_secret"], "COMPANYOS_TENANT": "acme",
               "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}  # fmt: skip
        script = "set -euo pipefail\n" + "\n".join(blocks(RUNBOOK) + blocks(PAGE))
        done = subprocess.run(["bash", "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True,
                              timeout=600, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "routed to eu" in out
    assert "Report Scheduled" in out and "1-0-1" in out
    assert "refused: a type change needs 2-0-0" in out and "needs a MODEL bump" in done.stderr
    assert "ACTIVE USERS" in out or "GROUP,ACTIVE USERS" in out
    assert "usr_demo_1" not in out and "ops@example.com" not in out
    assert "adoption-pack.tar.gz: export aex_" in out and "intact (1 files" in out
    assert "Weekly service-map adoption" in out and "week mon 07:00 UTC" in out
