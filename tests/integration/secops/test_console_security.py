"""The console's Security page: open security alerts by severity and owner, principals at risk, the event
timeline, and the playbook launcher taking the analyst through step-up before the run starts."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx

from tests.integration.alerts.helpers import Mint, member
from tests.integration.console.conftest import CONSOLE, Browser, browser, csrf_of  # noqa: F401  (fixture)


async def test_security_page_shows_alerts_timeline_and_guards_playbooks(
    client: httpx.AsyncClient,
    mint: Mint,
    browser: Browser,  # noqa: F811
) -> None:
    start = datetime.now(UTC) - timedelta(minutes=30)
    failures = [
        {"occurred_at": (start + timedelta(seconds=20 * i)).isoformat(), "action": "identity.sign_in",
         "outcome": "failure", "principal": "mallory", "source_ip": "203.0.113.7"}
        for i in range(6)
    ]  # fmt: skip
    analyst = member(mint, "acme", "security_analyst", subject="usr_dave")
    assert (
        await client.post("/v1/tenants/acme/security-events/bulk", json={"events": failures}, headers=analyst)
    ).status_code == 200
    plan = {
        "name": "Contain mallory",
        "steps": [{"id": "lock", "action": "account.lock", "parameters": {"account_id": "mallory"}}],
    }
    created = await client.post("/v1/tenants/acme/plans", json=plan, headers=member(mint, "acme", "sre"))
    assert created.status_code == 201, created.text

    await browser.sign_in("dave", next_path="/t/acme/security")
    page = await browser.get(f"{CONSOLE}/t/acme/security")
    assert page.status_code == 200, page.text[:500]
    text = page.text
    assert "Open security alerts" in text and "Brute force against one account" in text and "mallory" in text
    assert "Event timeline" in text and "identity.sign_in" in text and "203.0.113.7" in text
    assert "Contain mallory" in text
    form = {"csrf_token": csrf_of(text), "plan_id": created.json()["id"], "reason": "contain mallory"}
    run = await browser.post(f"{CONSOLE}/t/acme/security", data=form)
    # Nothing starts without a fresh multi-factor sign-in: the console takes dave through it ...
    assert run.status_code == 303 and run.headers["location"] == "/console/auth/step-up"
    runs = f"/v1/tenants/acme/runs?plan_id={created.json()['id']}"
    assert (await client.get(runs, headers=member(mint, "acme", "sre"))).json()["items"] == []
    step_up = await browser.get(f"{CONSOLE}/auth/step-up")
    callback = await browser.provider_login(step_up, "dave", totp=True)
    # ... then starts the playbook and shows its run live.
    assert re.fullmatch(r"/console/t/acme/runs/run_[0-9a-z]+", callback.headers["location"])
    done = await browser.follow(callback)
    assert "Contain mallory" in done.text and "started" in done.text
