"""The drill, end to end through the real identity provider and API: a credential-stuffing attack on one
account → audited identity events → streaming detection → a security alert in the inbox → enriched
triage → a Maestro containment playbook with step-up (account locked, sessions and tokens revoked, client
secret rotated) → verification (no further sign-in) → an incident opened from the alert as follow-up."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

import httpx
import pytest

from companyos_server.platform.runtime import Runtime
from tests.integration.alerts.helpers import Mint, member

BASE = "/v1/tenants/acme"


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "form" and not self.action:
            self.action = values.get("action") or ""
        if tag == "input" and values.get("name"):
            self.fields[str(values["name"])] = values.get("value") or ""


async def sign_in(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    """One real sign-in through the provider's HTML form (its CSRF token included)."""
    page = await client.get("/oauth2/login")
    assert page.status_code == 200, page.text[:300]
    form = _Form()
    form.feed(page.text)
    data = {**form.fields, "username": username, "password": password, "totp": ""}
    return await client.post(
        urljoin(str(page.url), form.action), data=data, headers={"User-Agent": "stuffer/1.0"}
    )


@pytest.fixture
def worker(runtime: Runtime) -> Iterator[Runtime]:
    runtime.jobs.start_worker_thread()
    yield runtime
    runtime.jobs.stop_worker()


async def wait_for_run(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while True:
        run = (await client.get(url, headers=headers)).json()
        if run["state"] in ("succeeded", "failed", "compensated", "cancelled"):
            return run
        assert time.monotonic() < deadline, run
        await asyncio.sleep(0.2)


async def test_drill_alert_triage_playbook_with_step_up_verification(
    client: httpx.AsyncClient, mint: Mint, seeded: dict[str, Any], worker: Runtime
) -> None:
    analyst = member(mint, "acme", "security_analyst", subject="usr_dave")
    users = {u["username"]: u for u in seeded["users"]}
    victim = users["bob"]

    # 1. The attack: wrong passwords for bob until the provider's throttle locks the account out.
    statuses = [(await sign_in(client, "bob", f"Winter2026!{i}")).status_code for i in range(6)]
    assert statuses[:5] == [401] * 5 and statuses[5] == 429

    # 2. Identity events are first-class audited events, normalised into acme's security events.
    r = await client.post(f"{BASE}/security-events/sync", headers=analyst)
    assert r.status_code == 200, r.text
    events = (
        await client.get(f"{BASE}/security-events", params={"principal": "bob"}, headers=analyst)
    ).json()["items"]
    actions = [e["action"] for e in events]
    assert actions.count("identity.sign_in") == 5 and "identity.lockout" in actions
    assert all(e["source"] == "identity" for e in events)
    assert events[-1]["user_agent"] == "stuffer/1.0"

    # 3. The detection is a security alert in the same inbox, enriched; bob has a risk score.
    inbox = (
        await client.get(
            f"{BASE}/alerts", params={"category": "security", "principal": "bob"}, headers=analyst
        )
    ).json()["items"]
    alert = next(a for a in inbox if a["rule"] == "brute_force")
    assert alert["severity"] == "critical" and alert["status"] == "firing" and alert["risk"] >= 25
    assert set(alert["detection"]["enrichment"]) == {"recent_changes", "related_alerts"}
    ack = await client.post(f"{BASE}/alerts/{alert['id']}/acknowledge", headers=analyst)
    assert ack.status_code == 200 and ack.json()["status"] == "acknowledged"

    # 4. The playbook: lock bob and rotate the tenant's service client secret; high risk → step-up.
    responder = member(mint, "acme", "sre", subject="usr_alice")
    plan = {
        "name": "Contain bob",
        "steps": [
            {
                "id": "lock",
                "action": "account.lock",
                "parameters": {"account_id": "bob", "reason": "brute_force"},
            },
            {"id": "rotate", "action": "credential.rotate", "parameters": {"credential_id": "acme-service"}},
        ],
    }
    created = await client.post(f"{BASE}/plans", json=plan, headers=responder)
    assert created.status_code == 201, created.text
    runs_url = f"{BASE}/plans/{created.json()['id']}/runs"
    refused = await client.post(runs_url, headers=analyst)
    assert (
        refused.status_code == 401
        and "insufficient_user_authentication" in refused.headers["www-authenticate"]
    )
    stepped_up = member(mint, "acme", "security_analyst", subject="usr_dave", mfa=True)
    started = await client.post(runs_url, headers=stepped_up)
    assert started.status_code == 202, started.text
    run = await wait_for_run(client, f"{BASE}/runs/{started.json()['id']}", stepped_up)
    assert run["state"] == "succeeded", run

    # 5. Verification: bob cannot sign in any more (right password, account locked), nothing is live,
    #    and the old client secret no longer gets a token.
    refused_login = await sign_in(client, "bob", victim["password"])
    assert refused_login.status_code in (401, 429)
    service_client = next(c for c in seeded["clients"] if c["client_id"] == "acme-service")
    token = await client.post(
        "/oauth2/token", data={"grant_type": "client_credentials"},
        auth=(service_client["client_id"], service_client["client_secret"]),
    )  # fmt: skip
    assert token.status_code == 401
    profile = (await client.get(f"{BASE}/security-principals/bob", headers=analyst)).json()
    assert profile["containment"]["locked"] is True and profile["containment"]["contained"] is True
    assert profile["containment"]["sign_ins_since_lock"] == 0 and profile["risk"] > 0

    # 6. Follow-up: an incident opened from the security alert (the same flow as operations alerts).
    incident = await client.post(f"{BASE}/alerts/{alert['id']}/incident", json={}, headers=responder)
    assert incident.status_code in (200, 201), incident.text
