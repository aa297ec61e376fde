"""The on-call actions in the console: the alerts inbox (acknowledge, silence, open an incident), the
incident page (status, joining as a responder, the checklist) and the inline actions of the inspect panel
(incident status, alert acknowledgement, a policy's edit), each enabled by the caller's policy decision
and, when not, disabled with the reason. Every change is checked through the API, not the page."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.conftest import bearer
from tests.integration.alerts.helpers import Mint, alertmanager_payload, am_alert, ingest_key, member
from tests.integration.console.conftest import CONSOLE, Browser, csrf_of, hidden_fields

INBOX = f"{CONSOLE}/t/acme/alerts"


async def _fresh_alert(client: httpx.AsyncClient, mint: Mint) -> str:
    token = await ingest_key(client, mint, "acme")
    starts = (datetime.now(UTC) - timedelta(minutes=3)).isoformat().replace("+00:00", "Z")
    payload = alertmanager_payload(am_alert(uuid.uuid4().hex[:16], starts_at=starts))
    r = await client.post("/v1/tenants/acme/alerts/ingest/alertmanager", json=payload, headers=bearer(token))
    assert r.status_code == 200, r.text
    return str(r.json()["alert_ids"][0])


async def _alert(client: httpx.AsyncClient, token: str, alert_id: str) -> dict[str, Any]:
    r = await client.get(f"/v1/tenants/acme/alerts/{alert_id}", headers=bearer(token))
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_the_inbox_acknowledges_silences_and_opens_an_incident(
    browser: Browser, client: httpx.AsyncClient, mint: Mint, user_token: Callable[[str], str]
) -> None:
    alert_id = await _fresh_alert(client, mint)
    await browser.sign_in("alice")
    page = await browser.get(INBOX)
    assert page.status_code == 200, page.text[:300]
    assert f'data-alert-id="{alert_id}"' in page.text
    # The seeded alert already has its incident: the inbox names it and links it.
    assert re.search(r'data-testid="alert-incident">Payments gateway latency above SLO<', page.text)
    csrf = csrf_of(page.text)
    back = "/console/t/acme/alerts?status=open&severity=critical"

    acked = await browser.post(f"{INBOX}/{alert_id}/acknowledge", data={"csrf_token": csrf, "back": back})
    assert acked.status_code == 303 and acked.headers["location"] == back
    assert "acknowledged: you own it now" in (await browser.follow(acked)).text
    alert = await _alert(client, user_token("alice"), alert_id)
    assert alert["status"] == "acknowledged" and alert["acknowledged_by"]

    wrong = await browser.post(
        f"{INBOX}/{alert_id}/silence", data={"csrf_token": csrf, "hours": "5", "reason": "x"}
    )
    assert "Silence for 1, 4, 24 hours." in (await browser.follow(wrong)).text
    assert (await _alert(client, user_token("alice"), alert_id))["silenced_until"] is None

    form = {
        "csrf_token": csrf,
        "hours": "4",
        "reason": "known; fix rolling out",
        "back": "https://evil.example/",
    }
    silenced = await browser.post(f"{INBOX}/{alert_id}/silence", data=form)
    assert silenced.headers["location"] == "/console/t/acme/alerts"  # a foreign "back" is ignored
    alert = await _alert(client, user_token("alice"), alert_id)
    until = datetime.fromisoformat(alert["silenced_until"].replace("Z", "+00:00"))
    assert timedelta(hours=3, minutes=58) < until - datetime.now(UTC) <= timedelta(hours=4)
    assert alert["silence_reason"] == "known; fix rolling out"

    opened = await browser.post(f"{INBOX}/{alert_id}/incident", data={"csrf_token": csrf})
    incident_path = opened.headers["location"]
    assert re.fullmatch(r"/console/t/acme/incidents/inc_[0-9a-z]+", incident_path), incident_path
    alert = await _alert(client, user_token("alice"), alert_id)
    assert alert["incident_id"] == incident_path.rsplit("/", 1)[1]
    incident = await browser.follow(opened)
    assert "is open" in incident.text and 'data-testid="incident-status-form"' in incident.text

    unknown = await browser.post(f"{INBOX}/{alert_id}/delete", data={"csrf_token": csrf})
    assert "No such alert action." in (await browser.follow(unknown)).text
    no_csrf = await browser.post(f"{INBOX}/{alert_id}/acknowledge", data={})
    assert no_csrf.status_code == 403


async def test_a_viewer_sees_the_alert_actions_disabled_and_cannot_post_them(
    browser: Browser, client: httpx.AsyncClient, mint: Mint, user_token: Callable[[str], str]
) -> None:
    alert_id = await _fresh_alert(client, mint)
    await browser.sign_in("bob")  # viewer
    page = await browser.get(INBOX, params={"severity": "critical"})
    assert re.search(rf'id="ack-{alert_id}" disabled', page.text)
    assert re.search(
        rf'id="ack-{alert_id}-reason"[^>]*>Not available to you: [^<]*alerts:acknowledge', page.text
    )
    assert re.search(rf'id="silence-{alert_id}" disabled', page.text)
    posted = await browser.post(f"{INBOX}/{alert_id}/acknowledge", data={"csrf_token": csrf_of(page.text)})
    assert re.search(
        r'class="flash flash-error"[^>]*>[^<]*alerts:acknowledge', (await browser.follow(posted)).text
    )
    assert (await _alert(client, user_token("alice"), alert_id))["status"] == "firing"
    # Filters: an unknown value is ignored, not an error.
    assert (await browser.get(INBOX, params={"status": "bogus", "category": "nope"})).status_code == 200
    resolved = await browser.get(INBOX, params={"status": "resolved"})
    assert f'data-alert-id="{alert_id}"' not in resolved.text


async def _incident(client: httpx.AsyncClient, mint: Mint) -> dict[str, Any]:
    body = {
        "title": f"Checkout 5xx {uuid.uuid4().hex[:6]}",
        "severity": "sev2",
        "checklist": ["Confirm customer impact", "Roll back"],
    }
    r = await client.post("/v1/tenants/acme/incidents", json=body, headers=member(mint, "acme", "sre"))
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_the_incident_page_changes_status_joins_and_ticks_the_checklist(
    browser: Browser, client: httpx.AsyncClient, mint: Mint, user_token: Callable[[str], str]
) -> None:
    incident = await _incident(client, mint)
    sre = member(mint, "acme", "sre")
    base = f"/v1/tenants/acme/incidents/{incident['id']}"
    task = {"ref": "plan_run:run_01jd3m6v8k2q4w6e8r0t2y4u6i", "title": "Roll back checkout-api"}
    assert (await client.post(f"{base}/tasks", json=task, headers=sre)).status_code == 200
    board = {"url": "https://grafana.example/d/checkout", "title": "Checkout overview"}
    assert (await client.post(f"{base}/dashboards", json=board, headers=sre)).status_code == 200
    url = f"{CONSOLE}/t/acme/incidents/{incident['id']}"
    await browser.sign_in("alice")
    page = await browser.get(url)
    csrf = csrf_of(page.text)
    assert 'data-testid="join-form"' in page.text
    # Maestro tasks link their runs; dashboards open in place.
    assert (
        '<a href="/console/t/acme/runs/run_01jd3m6v8k2q4w6e8r0t2y4u6i">Roll back checkout-api</a>'
        in page.text
    )
    assert (
        '<a href="https://grafana.example/d/checkout" rel="noopener noreferrer">Checkout overview</a>'
        in page.text
    )

    changed = await browser.post(
        f"{url}/status", data={"csrf_token": csrf, "status": "monitoring", "note": "rollback done"}
    )
    assert changed.headers["location"] == f"/console/t/acme/incidents/{incident['id']}"
    bad = await browser.post(f"{url}/status", data={"csrf_token": csrf, "status": "closed"})
    assert (
        "Choose a status: investigating, identified, monitoring, resolved."
        in (await browser.follow(bad)).text
    )
    joined = await browser.post(f"{url}/responders", data={"csrf_token": csrf, "role": "commander"})
    assert "You are a responder (commander)." in (await browser.follow(joined)).text
    item = incident["checklist"][1]
    ticked = await browser.post(f"{url}/checklist/{item['id']}/check", data={"csrf_token": csrf})
    after = await browser.follow(ticked)
    assert "Ticked: Roll back." in after.text and 'data-testid="join-form"' not in after.text

    r = await client.get(f"/v1/tenants/acme/incidents/{incident['id']}", headers=bearer(user_token("alice")))
    stored = r.json()
    assert stored["status"] == "monitoring"
    assert any("rollback done" in e["text"] for e in stored["timeline"])
    joined_now = [r for r in stored["responders"] if r not in incident["responders"]]
    assert [r["role"] for r in joined_now] == ["commander"] and joined_now[0]["subject"].startswith("usr_")
    assert [c["checked"] for c in stored["checklist"]] == [False, True]


async def test_a_viewer_cannot_change_an_incident_from_the_console(
    browser: Browser, client: httpx.AsyncClient, mint: Mint, user_token: Callable[[str], str]
) -> None:
    incident = await _incident(client, mint)
    url = f"{CONSOLE}/t/acme/incidents/{incident['id']}"
    await browser.sign_in("bob")
    page = await browser.get(url)
    assert re.search(r'id="change-status" disabled', page.text) and 'id="join-incident" disabled' in page.text
    posted = await browser.post(
        f"{url}/status", data={"csrf_token": csrf_of(page.text), "status": "resolved"}
    )
    assert re.search(
        r'class="flash flash-error"[^>]*>[^<]*incidents:update', (await browser.follow(posted)).text
    )
    r = await client.get(f"/v1/tenants/acme/incidents/{incident['id']}", headers=bearer(user_token("alice")))
    assert r.json()["status"] == "investigating"


async def test_the_inspect_panel_offers_inline_actions_where_the_console_has_them(
    browser: Browser, client: httpx.AsyncClient, mint: Mint, user_token: Callable[[str], str]
) -> None:
    incident = await _incident(client, mint)
    alert_id = await _fresh_alert(client, mint)
    await browser.sign_in("alice")
    panel_url = f"{CONSOLE}/t/acme/inspect"
    here = "http://testserver/console/t/acme/services?env=production"
    hx = {"HX-Request": "true", "HX-Current-URL": here}

    panel = await browser.get(panel_url, params={"ref": f"incident:{incident['id']}"}, headers=hx)
    assert 'data-testid="inline-action"' in panel.text
    assert f'action="/console/t/acme/incidents/{incident["id"]}/status"' in panel.text
    assert re.search(r'<option value="investigating" selected>', panel.text)

    panel = await browser.get(panel_url, params={"ref": f"alert:{alert_id}"}, headers=hx)
    assert f'action="/console/t/acme/alerts/{alert_id}/acknowledge"' in panel.text
    assert 'name="back" value="/console/t/acme/services?env=production"' in panel.text
    acked = await browser.post(
        f"{INBOX}/{alert_id}/acknowledge", data={"csrf_token": csrf_of(panel.text), "back": hx_path(here)}
    )
    assert acked.headers["location"] == "/console/t/acme/services?env=production"  # back where it was
    assert (await _alert(client, user_token("alice"), alert_id))["status"] == "acknowledged"

    # A tenant policy is inspectable from the catalogue; its panel leads to the dry-run edit.
    policy = {"effect": "forbid", "actions": ["incidents:update"], "roles": ["viewer"], "reason": "read-only"}
    admin = member(mint, "acme", "tenant_admin", mfa=True)
    r = await client.put("/v1/tenants/acme/policies/catalog/no-viewer-edits", json=policy, headers=admin)
    assert r.status_code in (200, 201), r.text
    catalogue = await browser.get(f"{CONSOLE}/t/acme/policies")
    assert "ref=policy%3Ano-viewer-edits" in catalogue.text
    panel = await browser.get(panel_url, params={"ref": "policy:no-viewer-edits"}, headers=hx)
    assert panel.status_code == 200, panel.text[:300]
    assert re.search(r'<form method="get" action="/console/t/acme/policies/edit"', panel.text)
    assert 'name="policy" value="no-viewer-edits"' in panel.text


def hx_path(url: str) -> str:
    parts = httpx.URL(url)
    return parts.raw_path.decode()


async def test_search_scopes_cover_policies_and_alerts_and_every_result_links_somewhere(
    browser: Browser, client: httpx.AsyncClient, mint: Mint
) -> None:
    policy = {"effect": "forbid", "actions": ["services:delete"], "roles": ["sre"], "reason": "no deletes"}
    admin = member(mint, "acme", "tenant_admin", mfa=True)
    r = await client.put("/v1/tenants/acme/policies/catalog/sre-keeps-services", json=policy, headers=admin)
    assert r.status_code in (200, 201), r.text
    alert_id = await _fresh_alert(client, mint)
    await browser.sign_in("erin")
    page = await browser.get(f"{CONSOLE}/t/acme/search", params={"q": "sre-keeps-services", "kind": "policy"})
    assert '<option value="policy" selected>policies</option>' in page.text
    assert 'href="/console/t/acme/policies/edit?policy=sre-keeps-services"' in page.text
    found = await browser.get(
        f"{CONSOLE}/t/acme/search",
        params={"q": "HighErrorRate", "kind": "alert"},
        headers={"HX-Request": "true"},
    )
    assert f'href="/console/t/acme/inspect?ref=alert%3A{alert_id}"' in found.text
    assert "in alerts" in found.text
    odd = await browser.get(f"{CONSOLE}/t/acme/search", params={"q": "pay", "kind": "nonsense"})
    assert odd.status_code == 200 and "in nonsense" not in odd.text


async def test_one_form_submitted_twice_is_one_action(
    browser: Browser, client: httpx.AsyncClient, mint: Mint, user_token: Callable[[str], str]
) -> None:
    incident = await _incident(client, mint)
    url = f"{CONSOLE}/t/acme/incidents/{incident['id']}"
    await browser.sign_in("alice")
    page = await browser.get(url)
    fields = hidden_fields(page.text)
    form = {"csrf_token": fields["csrf_token"], "form_key": fields["form_key"], "text": "Double-clicked note"}
    first = await browser.post(f"{url}/notes", data=form)
    second = await browser.post(f"{url}/notes", data=form)  # a double click: the same rendered form
    assert first.status_code == second.status_code == 303
    r = await client.get(f"/v1/tenants/acme/incidents/{incident['id']}", headers=bearer(user_token("alice")))
    assert [e["text"] for e in r.json()["timeline"]].count("Double-clicked note") == 1
    # A new rendering is a new form: the same text again is a second note, as the user meant.
    fresh = hidden_fields((await browser.get(url)).text)
    third = {**form, "csrf_token": fresh["csrf_token"], "form_key": fresh["form_key"]}
    assert (await browser.post(f"{url}/notes", data=third)).status_code == 303
    r = await client.get(f"/v1/tenants/acme/incidents/{incident['id']}", headers=bearer(user_token("alice")))
    assert [e["text"] for e in r.json()["timeline"]].count("Double-clicked note") == 2


async def test_a_status_change_from_the_panel_returns_to_the_page_under_it(
    browser: Browser, client: httpx.AsyncClient, mint: Mint, user_token: Callable[[str], str]
) -> None:
    incident = await _incident(client, mint)
    await browser.sign_in("alice")
    back = "/console/t/acme/incidents?status=investigating"
    url = f"{CONSOLE}/t/acme/incidents/{incident['id']}/status"
    page = await browser.get(f"{CONSOLE}/t/acme/incidents")
    form = {"csrf_token": csrf_of(page.text), "status": "identified", "back": back}
    assert (await browser.post(url, data=form)).headers["location"] == back
    foreign = {**form, "status": "monitoring", "back": "/console/t/globex/incidents"}
    assert (await browser.post(url, data=foreign)).headers[
        "location"
    ] == f"/console/t/acme/incidents/{incident['id']}"
    r = await client.get(f"/v1/tenants/acme/incidents/{incident['id']}", headers=bearer(user_token("alice")))
    assert r.json()["status"] == "monitoring"


async def test_every_flag_inspect_link_resolves(browser: Browser) -> None:
    await browser.sign_in("carol")
    hx = {"HX-Request": "true"}
    for path in ("/t/acme/tenant", "/t/acme/features"):
        page = await browser.get(f"{CONSOLE}{path}")
        refs = sorted(set(re.findall(r'inspect\?ref=(flag%3A[A-Za-z0-9_.-]+)"', page.text)))
        assert refs, path
        for ref in refs:
            panel = await browser.get(f"{CONSOLE}/t/acme/inspect?ref={ref}", headers=hx)
            assert panel.status_code == 200, (path, ref, panel.text[:200])
            assert "Inspect flag" in panel.text
