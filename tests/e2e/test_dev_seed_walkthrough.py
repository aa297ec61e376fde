"""`./dev up` seeds what the on-call walkthrough (docs/walkthroughs/on-call.md) needs, by the same commands.

`./dev up` runs ``python -m companyos_server.cli migrate`` and ``… seed`` in their own processes before it
serves; this test does the same (a subprocess each, a fresh var dir), then reads the result through the
API in-process, as a human following the walkthrough would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from companyos_server.platform.principal import ACR_MFA
from tests.conftest import API, bearer, build_runtime, make_settings

BASE = "/v1/tenants/acme"


def run_cli(var_dir: Path, *args: str) -> None:
    env = {**os.environ, "COMPANYOS_ENV": "development", "COMPANYOS_VAR_DIR": str(var_dir)}
    env.pop("COMPANYOS_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "companyos_server.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"cli {args}: {done.stdout}\n{done.stderr}"


@pytest.fixture
async def dev_client(tmp_path: Path) -> AsyncIterator[tuple[httpx.AsyncClient, Any]]:
    from companyos_server.app import build_app
    from companyos_server.platform.identity.issuer import issue_access_token
    from companyos_server.platform.runtime import set_runtime

    var_dir = tmp_path / "var"
    run_cli(var_dir, "migrate")
    run_cli(var_dir, "seed")
    runtime = build_runtime(make_settings(var_dir, database_url=f"sqlite:///{var_dir / 'companyos.db'}"))

    def token(subject: str, roles: list[str]) -> dict[str, str]:
        return bearer(
            issue_access_token(
                runtime.keys,
                runtime.settings,
                subject=subject,
                client_id="companyos-cli",
                tenants={"acme": roles},
                scopes=["openid", "api"],
                acr=ACR_MFA,
                auth_time=int(time.time()),
            )
        )

    app = build_app(runtime, validate_responses=True)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=API) as http:
            yield http, token
    finally:
        runtime.close()
        set_runtime(None)


async def test_dev_seed_supports_the_on_call_walkthrough(dev_client: tuple[httpx.AsyncClient, Any]) -> None:
    client, token = dev_client
    alice = token("usr_alice", ["sre"])

    # the walkthrough's starting point: a firing critical HighErrorRate on checkout-api, no incident yet
    services = (
        await client.get(f"{BASE}/services", params={"name_prefix": "checkout-api"}, headers=alice)
    ).json()
    [checkout] = [s for s in services["items"] if s["name"] == "checkout-api"]
    alerts = (await client.get(f"{BASE}/alerts", params={"service_id": checkout["id"]}, headers=alice)).json()
    firing = [a for a in alerts["items"] if a["name"] == "HighErrorRate" and a["status"] == "firing"]
    assert len(firing) == 1 and firing[0]["severity"] == "critical" and firing[0]["incident_id"] is None
    deploys = (
        await client.get(
            f"{BASE}/services/{checkout['id']}/deployments",
            params={"environment": "production"},
            headers=alice,
        )
    ).json()
    suspicious = deploys["items"][0]
    assert (suspicious["version"], suspicious["state"]) == ("v2.14.0", "failed")
    plans = (await client.get(f"{BASE}/plans", headers=alice)).json()
    [rollback] = [p for p in plans["items"] if p["name"] == "Roll back checkout-api"]
    assert rollback["steps"][0]["parameters"]["deployment_id"] == suspicious["id"]

    # inspect must find the seeded service and show its recent deploy (IntelGraph written by the seed)
    r = await client.get(f"{BASE}/inspect", params={"ref": f"service:{checkout['id']}"}, headers=alice)
    assert r.status_code == 200, (
        f"GET {BASE}/inspect?ref=service:{checkout['id']} → {r.status_code}: {r.text}"
    )
    refs = {e["ref"] for e in r.json()["neighbours"]["entities"]}
    assert f"deployment:{suspicious['id']}" in refs, refs
    found = (await client.get(f"{BASE}/search", params={"q": "checkout-api"}, headers=alice)).json()
    assert f"service:{checkout['id']}" in [i["ref"] for i in found["items"]], found
