"""docs/guides/feature-lifecycle.md: every command in its ``sh`` blocks runs, in order, against a live
seeded server, as the acme service client (tenant_admin)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tools.live_server import live_server

REPO = Path(__file__).resolve().parents[3]
GUIDE = REPO / "docs" / "guides" / "feature-lifecycle.md"


def blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)


def test_the_guide_documents_these_commands() -> None:
    commands = [line.split()[:3] for block in blocks() for line in block.splitlines() if line.strip()]
    assert [" ".join(c[1:3]) if c[0] == "companyos" else " ".join(c[2:3]) for c in commands] == [
        "features summary", "features get", "features history", "features review",
        "features create", "features", "features evidence", "features transition",
        "flags evaluate", "flags evaluate-all",
        "features rollouts", "features rollouts", "features stale-flags",
        *["features experiments"] * 5,
    ]  # fmt: skip


def test_the_guide_runs(tmp_path: Path) -> None:
    with live_server(ready_timeout=300) as server:
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
    out = done.stdout
    assert "express-shipping" in out and "sunset" in out
    assert "missing evidence design" in done.stderr
    review = (tmp_path / "express-shipping-review.md").read_text()
    for heading in ("## Problem & hypothesis", "## Readiness", "## Controls", "## Decision & owners"):
        assert heading in review
    assert "pending_approval" in out
    assert "payment_succeeded" in out and "inconclusive" in out
