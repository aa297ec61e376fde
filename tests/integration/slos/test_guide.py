"""docs/guides/slo-doctor.md: every command in its ``sh`` blocks runs, in order, against a live seeded
server with a jobs worker, as the acme service client (tenant_admin)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tools.live_server import live_server

REPO = Path(__file__).resolve().parents[3]
GUIDE = REPO / "docs" / "guides" / "slo-doctor.md"


def blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)


def test_the_guide_documents_these_commands() -> None:
    commands = [line.split()[:3] for block in blocks() for line in block.splitlines() if line.strip()]
    assert [c[1] for c in commands if c[0] == "companyos"] == [
        "slo", "slo", "slo", "-o", "services", "slo", "slo", "slo", "slo", "doctor", "doctor", "doctor", "doctor"
    ]  # fmt: skip


def test_the_guide_runs(tmp_path: Path) -> None:
    with live_server(worker=True, ready_timeout=240) as server:
        creds = json.loads(server.credentials.read_text())
        client = next(c for c in creds["clients"] if c["tenant_id"] == "acme")
        keep = {k: v for k, v in os.environ.items() if not k.startswith("COMPANYOS_")}
        env = {**keep, "COMPANYOS_BASE_URL": server.url, "COMPANYOS_HOME": str(tmp_path / "home"),
               "COMPANYOS_CACHE_KEY": "guide-test-key", "COMPANYOS_CLIENT_ID": client["client_id"],
               "COMPANYOS_CLIENT_SECRET": client["client_secret"], "COMPANYOS_TENANT": "acme",
               "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}  # fmt: skip
        script = "set -euo pipefail\n" + "\n".join(blocks())
        done = subprocess.run(["bash", "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True,
                              timeout=600, check=False)  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
    assert "ledger-availability" in done.stdout
    exported = (tmp_path / "ledger-slos.yaml").read_text()
    assert "kind: SLO" in exported and "apiVersion: openslo/v1" in exported
    md = (tmp_path / "ledger-report.md").read_text()
    assert "## Executive summary" in md and "data:image/svg+xml;base64," in md
    page = (tmp_path / "ledger-report.html").read_text()
    assert page.startswith("<!doctype html>") and page.count("<svg") == 3
    report = json.loads((tmp_path / "ledger-report.json").read_text())
    assert report["executive_summary"]["top_recommendations"]
    assert "hotspot: region eu" in [f["title"] for f in report["findings"]]
    day = [json.loads(line) for line in (tmp_path / "last-day.ndjson").read_text().splitlines()]
    assert len(day) > 1440 and {s["labels"]["region"] for s in day if "labels" in s} == {"eu", "us"}
    (follow_up,) = report["follow_ups"]
    assert follow_up["kind"] == "burn_rate_policy" and follow_up["last_check"]["result"] in (
        "passing",
        "failing",
    )
