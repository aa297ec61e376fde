"""The console's Policies page beyond the catalog: the tenant's recent decisions with their reasons, and
policy exceptions (request, approve by someone else, step-up for an MFA-bound policy), each checked
through the API."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httpx

from tests.conftest import bearer
from tests.integration.console.conftest import CONSOLE, Browser, csrf_of

PAGE = f"{CONSOLE}/t/acme/policies"
EXCEPTIONS = "/v1/tenants/acme/policies/exceptions"


async def _exceptions(client: httpx.AsyncClient, token: str) -> list[dict[str, Any]]:
    r = await client.get(EXCEPTIONS, params={"page_size": 100}, headers=bearer(token))
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def test_decisions_are_listed_with_reasons_and_filtered(browser: Browser) -> None:
    await browser.sign_in("erin")  # tenant admin
    await browser.get(f"{CONSOLE}/t/acme/tenant")  # some decisions of erin's own
    page = await browser.get(PAGE)
    assert page.status_code == 200, page.text[:300]
    table = page.text[page.text.index('data-testid="decisions"') :]
    assert "<code>tenants:read</code>" in table
    denied = await browser.get(PAGE, params={"outcome": "deny"})
    rows = denied.text[denied.text.index('data-testid="decisions"') :].split("</table>")[0]
    assert "outcome-allow" not in rows
    filtered = await browser.get(PAGE, params={"action": "tenants:read", "outcome": "allow"})
    rows = filtered.text[filtered.text.index('data-testid="decisions"') :].split("</table>")[0]
    assert set(re.findall(r"<td class=\"d-action\"><code>([a-z_]+:[a-z_]+)</code></td>", rows)) == {
        "tenants:read"
    }
    # Nonsense filters are ignored, not errors.
    assert (await browser.get(PAGE, params={"action": "<script>", "outcome": "maybe"})).status_code == 200


async def test_a_viewer_is_told_why_decisions_and_exception_controls_are_withheld(browser: Browser) -> None:
    await browser.sign_in("bob")  # viewer
    page = await browser.get(PAGE)
    assert page.status_code == 200
    assert re.search(r"Not shown to you: [^<]*policies:read_decisions", page.text)
    assert 'id="request-exception" disabled' in page.text


async def test_an_exception_is_requested_then_approved_by_someone_else(
    browser: Browser, other_browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    await browser.sign_in("alice")  # sre: requests
    page = await browser.get(PAGE)
    csrf = csrf_of(page.text)
    form = {"csrf_token": csrf, "policy_id": "suspended-tenant-frozen", "duration_hours": "4"}
    empty = await browser.post(f"{PAGE}/exceptions", data={**form, "reason": "  "})
    assert "Name the policy and the reason" in (await browser.follow(empty)).text
    odd = await browser.post(f"{PAGE}/exceptions", data={**form, "duration_hours": "5", "reason": "x"})
    assert "An exception lasts 4, 24, 72, 168 hours." in (await browser.follow(odd)).text
    ghost = await browser.post(f"{PAGE}/exceptions", data={**form, "service_id": "svc_nope", "reason": "x"})
    assert "svc_nope" in (await browser.follow(ghost)).text  # the API's 404, flashed

    reason = "Console test: hotfix window for the billing migration"
    asked = await browser.post(f"{PAGE}/exceptions", data={**form, "reason": reason})
    assert asked.headers["location"] == "/console/t/acme/policies#exceptions"
    shown = await browser.follow(asked)
    assert "requested: it waits for someone else" in shown.text
    mine = next(e for e in await _exceptions(client, user_token("erin")) if e["reason"] == reason)
    assert mine["status"] == "pending" and mine["scope"] == "tenant"
    assert f"/exceptions/{mine['id']}/approve" not in shown.text  # nothing to approve for its requester
    await other_browser.sign_in("dave")  # security analyst: approves
    page = await other_browser.get(PAGE)
    assert f'id="approve-{mine["id"]}"' in page.text
    approved = await other_browser.post(
        f"{PAGE}/exceptions/{mine['id']}/approve", data={"csrf_token": csrf_of(page.text)}
    )
    assert "approved: active until" in (await other_browser.follow(approved)).text
    after = next(e for e in await _exceptions(client, user_token("erin")) if e["id"] == mine["id"])
    assert after["status"] == "active" and after["approver"]

    # Four eyes: dave may approve exceptions, but not one he asked for (the API refuses a forged post).
    page = await other_browser.get(PAGE)
    own = {**form, "csrf_token": csrf_of(page.text), "reason": "Console test: dave's own"}
    await other_browser.post(f"{PAGE}/exceptions", data=own)
    his = next(e for e in await _exceptions(client, user_token("erin")) if e["reason"] == own["reason"])
    page = await other_browser.get(PAGE)
    assert (
        f"/exceptions/{his['id']}/approve" not in page.text and "yours: someone else approves it" in page.text
    )
    forged = await other_browser.post(
        f"{PAGE}/exceptions/{his['id']}/approve", data={"csrf_token": csrf_of(page.text)}
    )
    refusal = (await other_browser.follow(forged)).text
    assert re.search(
        r'class="flash flash-error"[^>]*>The requester of an exception cannot approve it', refusal
    )
    assert (
        next(e for e in await _exceptions(client, user_token("erin")) if e["id"] == his["id"])["status"]
        == "pending"
    )


async def test_an_exception_to_an_mfa_policy_goes_through_step_up(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    await browser.sign_in("carol")  # platform engineer, password only
    page = await browser.get(PAGE)
    reason = "Console test: auditor export"
    form = {
        "csrf_token": csrf_of(page.text),
        "policy_id": "residency-eu-export",
        "duration_hours": "24",
        "reason": reason,
    }
    asked = await browser.post(f"{PAGE}/exceptions", data=form)
    assert asked.status_code == 303 and asked.headers["location"] == "/console/auth/step-up"
    assert not [e for e in await _exceptions(client, user_token("erin")) if e["reason"] == reason]
    step_up = await browser.get(f"{CONSOLE}/auth/step-up")
    callback = await browser.provider_login(step_up, "carol", totp=True)
    assert callback.headers["location"] == "/console/t/acme/policies#exceptions"
    assert "requested" in (await browser.follow(callback)).text
    assert [e["status"] for e in await _exceptions(client, user_token("erin")) if e["reason"] == reason] == [
        "pending"
    ]
