"""The cold tier behind the HTTP API (reports, ad-hoc SQL and ingest read through it; the serving process's
pass tiers), and docs/runbooks/analytics-cold-tier.md: every command in its ``sh`` blocks runs, in order,
against a var dir holding old events, and prints what the page says."""

# ruff: noqa: S608 -- the SQL sent to the ad-hoc endpoint is built from constants

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from companyos_server.domains.analytics import ingest
from companyos_server.domains.analytics.follower import tier_every_partition
from companyos_server.domains.analytics.service import warehouse
from companyos_server.domains.analytics.warehouse import Warehouse
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.unit.analytics.fixtures import FU, PV, row

REPO = Path(__file__).resolve().parents[3]
RUNBOOK = REPO / "docs" / "runbooks" / "analytics-cold-tier.md"
BASE = "/v1/tenants/acme/analytics"
FEATURE = "cold-probe"  # a feature the demo seed does not use


def at(days_ago: int, hour: int = 12) -> str:
    moment = datetime.now(UTC).replace(hour=hour, minute=0, second=0, microsecond=0) - timedelta(
        days=days_ago
    )
    return moment.isoformat().replace("+00:00", "Z")


async def test_reports_query_and_ingest_read_the_cold_tier_over_http(
    client: httpx.AsyncClient, mint: Callable[..., str], runtime: Runtime
) -> None:
    sre = bearer(mint("usr_acme_sre", tenants={"acme": ["sre"]}))
    admin = bearer(mint("usr_acme_admin", tenants={"acme": ["tenant_admin"]}))
    batch = [
        {"id": f"cold-{user}-{days}", "schema": "Feature Used", "version": "1-0-0", "ts": at(days),
         "user_id": user, "feature": FEATURE, "client_type": "console"}
        for user in ("ann", "ben", "cat") for days in (20, 12, 3)
    ]  # fmt: skip
    first = (await client.post(f"{BASE}/events", json={"events": batch}, headers=sre)).json()
    assert (first["accepted"], first["duplicates"]) == (9, 0), first

    async def read() -> list[Any]:
        out = []
        for path, params in (
            ("reports/adoption", {"feature": FEATURE, "days": 30, "by": "role"}),
            ("reports/adoption", {"feature": FEATURE, "days": 30, "source": "raw"}),
            ("reports/active-users", {"days": 30, "feature": FEATURE}),
            ("reports/retention", {"start_event": "Feature Used", "return_event": "Feature Used",
                                   "since": at(25)[:10], "until": at(0)[:10], "period_days": 7, "periods": 3}),
        ):  # fmt: skip
            r = await client.get(f"{BASE}/{path}", params=params, headers=sre)
            assert r.status_code == 200, r.text
            out.append({k: v for k, v in r.json().items() if k not in ("freshness", "source")})
        query = {
            "sql": f"SELECT event_id, day, user_hash FROM events WHERE feature = '{FEATURE}' ORDER BY event_id"
        }
        r = await client.post(f"{BASE}/query", json=query, headers=admin)
        assert r.status_code == 200, r.text
        out.append(r.json()["rows"])
        return out

    before = await read()
    assert len(before[-1]) == 9
    runtime.settings.analytics_hot_days = 7  # the 20- and 12-day-old events go cold
    (eu,) = [r for r in tier_every_partition(runtime) if r.region == "eu"]
    assert eu.moved_rows >= 6 and eu.skipped is None
    cold = warehouse(runtime).partition("eu").cold
    assert cold is not None and {f.day for f in cold.files("acme")} >= {at(20)[:10], at(12)[:10]}
    assert await read() == before
    # A resent event that went cold is still a duplicate.
    again = (await client.post(f"{BASE}/events", json={"events": batch}, headers=sre)).json()
    assert (again["accepted"], again["duplicates"]) == (9, 9), again


def sh_blocks(doc: Path) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", doc.read_text(encoding="utf-8"), flags=re.S)


def test_the_runbook_documents_these_commands() -> None:
    commands = [
        line.split()[:3] for block in sh_blocks(RUNBOOK) for line in block.splitlines() if line.strip()
    ]
    assert [" ".join(c) for c in commands] == [
        "companyos-server analytics tier", "find \"$COMPANYOS_VAR_DIR/analytics/cold/eu\" -name",
        "companyos-server analytics tier",
    ]  # fmt: skip


def test_the_runbook_commands_run(tmp_path: Path) -> None:
    var_dir = tmp_path / "var"
    now = datetime.now(UTC).replace(tzinfo=None, minute=0, second=0, microsecond=0)

    def stored(user: str, name: str, days_ago: int) -> dict[str, Any]:
        when = now - timedelta(days=days_ago)
        return {**row("acme", name, user, "01", 9), "event_id": f"runbook-{user}-{days_ago}", "ts": when,
                "day": when.date(), "received_at": when}  # fmt: skip

    store = Warehouse("duckdb", str(var_dir / "analytics"))
    events = [stored(user, name, ago) for ago in (45, 40) for user, name in (("a", PV), ("b", FU))]
    ingest.write(store, "eu", [*events, stored("a", FU, 0)])  # four old events, one of today
    store.close()

    keep = {k: v for k, v in os.environ.items() if not k.startswith("COMPANYOS_")}
    env = {**keep, "COMPANYOS_VAR_DIR": str(var_dir),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}  # fmt: skip
    script = "set -euo pipefail\n" + "\n".join(sh_blocks(RUNBOOK))
    done = subprocess.run(["bash", "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=300, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    moved, *files_and_json = done.stdout.split("\n", 1)
    assert (
        moved.startswith("eu: moved 4 rows older than 30 days into 2 files (")
        and "removed 0 orphans" in moved
    )
    parquet = [line for line in files_and_json[0].splitlines() if line.endswith(".parquet")]
    assert len(parquet) == 2 and all("/cold/eu/tenant=acme/day=" in p for p in parquet)
    (report,) = json.loads(files_and_json[0][files_and_json[0].index("[") :])
    assert report["region"] == "eu" and report["moved_rows"] == 0 and report["skipped"] is None
