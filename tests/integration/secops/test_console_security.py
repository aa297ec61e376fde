"""The console's Security page: open security alerts by severity and owner, principals at risk, the event
timeline, and the playbook launcher showing the dry run, then taking the analyst through step-up before the run starts."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx

from tests.integration.alerts.helpers import Mint, member
from tests.integration.console.conftest import CONSOLE, Browser, browser, hidden_fields  # noqa: F401  (fixture)


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
    # The launcher previews the playbook's dry run: nothing runs yet.
    preview = await browser.get(
        f"{CONSOLE}/t/acme/security/playbook", params={"plan_id": created.json()["id"]}
    )
    assert preview.status_code == 200, preview.text[:300]
    assert "Nothing has changed yet" in preview.text and "<code>account.lock</code>" in preview.text
    confirm = re.search(r'action="(/console/t/acme/remediations/[^"]+/run)"', preview.text)
    assert confirm, "no confirming form"
    fields = hidden_fields(preview.text)
    form = {**fields, "reason": "contain mallory"}
    assert fields["back"] == "/console/t/acme/security"
    run = await browser.post(confirm.group(1), data=form)
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
    unknown = await browser.follow(
        await browser.get(f"{CONSOLE}/t/acme/security/playbook", params={"plan_id": "pln_nope"})
    )
    assert re.search(r'class="flash flash-error"[^>]*>[^<]*pln_nope', unknown.text)


async def test_every_inspect_link_on_the_security_page_resolves(
    client: httpx.AsyncClient,
    mint: Mint,
    browser: Browser,  # noqa: F811
) -> None:
    start = datetime.now(UTC) - timedelta(minutes=20)
    failures = [
        {"occurred_at": (start + timedelta(seconds=15 * i)).isoformat(), "action": "identity.sign_in",
         "outcome": "failure", "principal": "trudy", "source_ip": "203.0.113.9"}
        for i in range(6)
    ]  # fmt: skip
    analyst = member(mint, "acme", "security_analyst", subject="usr_dave")
    r = await client.post("/v1/tenants/acme/security-events/bulk", json={"events": failures}, headers=analyst)
    assert r.status_code == 200, r.text
    await browser.sign_in("dave")
    page = await browser.get(f"{CONSOLE}/t/acme/security")
    refs = sorted(set(re.findall(r'inspect\?ref=([a-z_]+%3A[A-Za-z0-9_.-]+)"', page.text)))
    assert any(r.startswith("principal%3Atrudy") for r in refs) and any(
        r.startswith("alert%3A") for r in refs
    )
    for ref in refs:
        panel = await browser.get(f"{CONSOLE}/t/acme/inspect?ref={ref}", headers={"HX-Request": "true"})
        assert panel.status_code == 200, (ref, panel.text[:300])
    principal = await browser.get(
        f"{CONSOLE}/t/acme/inspect?ref=principal%3Atrudy", headers={"HX-Request": "true"}
    )
    assert "Inspect principal" in principal.text and 'data-testid="neighbours"' in principal.text
