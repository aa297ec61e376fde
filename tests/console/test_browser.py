"""The console in a real browser: Debian's chromium driven by Playwright against a live server.

Walkthrough (sign in → home → service → incident), a tenant admin's disabled controls with reasons, tenant
isolation by URL tampering, CSRF and session fixation, step-up with TOTP for a risky action, and an axe
scan of every main page (zero serious or critical violations). Screenshots go to var/console-screenshots.
Run by the nox session ``console``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest

from tools.live_server import LiveServer

playwright_sync = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "var" / "console-screenshots"
CHROMIUM = os.environ.get("COMPANYOS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
COOKIE = "companyos_console"


@pytest.fixture(scope="module")
def users(server: LiveServer) -> dict[str, dict[str, Any]]:
    data = json.loads(server.credentials.read_text())
    return {u["username"]: u for u in data["users"]}


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install -y chromium` (./dev test installs it)")
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(chromium: Any) -> Iterator[Any]:
    ctx = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


class CSPWatch:
    def __init__(self, page: Any) -> None:
        self.violations: list[str] = []
        page.on("console", self._seen)

    def _seen(self, message: Any) -> None:
        if "Content Security Policy" in message.text:
            self.violations.append(message.text)


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def sign_in(
    page: Any, server: LiveServer, users: dict[str, Any], username: str, *, totp: bool = True
) -> None:
    """Through the provider's pages. A TOTP code is single-use: each user gives one at most per module."""
    page.goto(f"{server.url}/console/")
    page.get_by_role("link", name="Sign in").click()
    provider_sign_in(page, users, username, totp=totp)
    page.wait_for_url(re.compile(r".*/console/t/[a-z]+/$"))


def provider_sign_in(page: Any, users: dict[str, Any], username: str, *, totp: bool) -> None:
    page.wait_for_url(re.compile(r".*/oauth2/login.*"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(users[username]["password"])
    if totp:
        page.locator("#totp").fill(pyotp.TOTP(users[username]["totp_secret"]).now())
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Allow").click()


def test_operator_walkthrough_sign_in_home_service_incident(
    context: Any, server: LiveServer, users: dict[str, Any]
) -> None:
    page = context.new_page()
    csp = CSPWatch(page)
    sign_in(page, server, users, "alice")
    assert page.get_by_test_id("tenant-crumb").inner_text().startswith("ACME Corporation")
    assert page.get_by_test_id("env-chip").inner_text() == "production"
    assert page.get_by_test_id("alerts-inbox").is_visible()
    shot(page, "01-home")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Services").click()
    page.get_by_role("link", name="payments-gateway", exact=True).click()
    page.wait_for_url(re.compile(r".*/services/svc_.*"))
    assert page.get_by_role("heading", name="Dependencies").is_visible()
    # The SLI chart: a Vega-Lite spec drawn by the pinned vega-embed, under the CSP (no eval).
    page.locator(".chart svg").first.wait_for()
    assert page.get_by_test_id("sli-summary").inner_text().endswith("objective 99.95%.")
    shot(page, "02-service")
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Incidents").click()
    page.get_by_role("link", name="Payments gateway latency above SLO", exact=True).click()
    assert page.get_by_test_id("timeline").is_visible()
    page.get_by_label("Add a note").fill("Looking at the gateway pool")
    page.get_by_role("button", name="Add note").click()
    assert page.get_by_role("status").filter(has_text="Note added").is_visible()
    assert "Looking at the gateway pool" in page.get_by_test_id("timeline").inner_text()
    shot(page, "03-incident")
    # Typeahead (htmx) works under the CSP: results appear without a page load.
    page.get_by_label("Search", exact=True).fill("pay")
    page.locator("#typeahead").get_by_role("link", name="payments-gateway", exact=True).wait_for()
    assert csp.violations == []


def test_tenant_admin_sees_disabled_controls_with_reasons(
    context: Any, server: LiveServer, users: dict[str, Any]
) -> None:
    page = context.new_page()
    sign_in(page, server, users, "erin", totp=False)
    page.goto(f"{server.url}/console/t/acme/deployments")
    button = page.get_by_role("button", name="Record deployment")
    assert button.is_disabled()
    reason = page.locator("#record-deployment-reason").inner_text()
    assert "no policy permits 'deployments:create' for tenant_admin" in reason
    assert button.get_attribute("aria-describedby") == "record-deployment-reason"
    shot(page, "04-tenant-admin-disabled")


def test_a_user_of_tenant_a_cannot_reach_tenant_b_by_url(
    context: Any, server: LiveServer, users: dict[str, Any]
) -> None:
    page = context.new_page()
    sign_in(page, server, users, "bob", totp=False)  # acme viewer
    for path in ("/console/t/globex/", "/console/t/globex/services", "/console/t/globex/tenant"):
        response = page.goto(f"{server.url}{path}")
        assert response is not None and response.status == 404, path
        assert "Globex" not in page.content()
    shot(page, "05-other-tenant-404")


def test_csrf_and_session_fixation_fail(chromium: Any, server: LiveServer, users: dict[str, Any]) -> None:
    attacker = chromium.new_context()
    victim = chromium.new_context()
    try:
        # Fixation: the attacker's pre-sign-in session id planted in the victim's browser.
        a_page = attacker.new_page()
        a_page.goto(f"{server.url}/console/auth/login")
        planted = next(c for c in attacker.cookies() if c["name"] == COOKIE)
        victim.add_cookies([planted])
        v_page = victim.new_page()
        sign_in(v_page, server, users, "carol", totp=False)
        fresh = next(c for c in victim.cookies() if c["name"] == COOKIE)
        assert fresh["value"] != planted["value"] and fresh["httpOnly"] and fresh["sameSite"] == "Lax"
        a_page.goto(f"{server.url}/console/t/acme/")
        assert "/oauth2/" in a_page.url  # sent to sign in: the planted id is dead
        # CSRF: a post from the victim's browser without the token is refused.
        response = v_page.request.post(
            f"{server.url}/console/t/acme/policies", form={"policy_id": "x", "actions": "a:b", "reason": "r"}
        )
        assert response.status == 403
        response = v_page.request.post(f"{server.url}/console/auth/logout", form={"csrf_token": "wrong"})
        assert response.status == 403
    finally:
        attacker.close()
        victim.close()


def test_risky_action_steps_up_with_totp(context: Any, server: LiveServer, users: dict[str, Any]) -> None:
    page = context.new_page()
    csp = CSPWatch(page)
    sign_in(page, server, users, "erin", totp=False)
    page.goto(f"{server.url}/console/t/acme/policies")
    page.get_by_label("Policy id").fill("no-viewer-incident-edits")
    page.get_by_label("Actions (comma-separated, e.g. incidents:update)").fill("incidents:update")
    page.get_by_label("viewer").check()
    page.get_by_label("Reason").fill("viewers never change incidents")
    page.get_by_role("button", name="Save policy").click()
    provider_sign_in(page, users, "erin", totp=True)  # the provider asks again, now with TOTP
    page.wait_for_url(re.compile(r".*/console/t/acme/policies$"))
    assert page.get_by_role("status").filter(has_text="Policy no-viewer-incident-edits saved").is_visible()
    shot(page, "06-step-up-done")
    assert csp.violations == []


MAIN_PAGES = {
    "home": "/console/t/acme/",
    "services": "/console/t/acme/services",
    "deployments": "/console/t/acme/deployments",
    "incidents": "/console/t/acme/incidents",
    "alerts inbox": "/console/t/acme/alerts",
    "policies": "/console/t/acme/policies",
    "tenant": "/console/t/acme/tenant",
    "tenants": "/console/tenants",
    "search": "/console/t/acme/search?q=pay",
}


def test_axe_finds_no_serious_or_critical_violations(
    context: Any, server: LiveServer, users: dict[str, Any]
) -> None:
    page = context.new_page()
    sign_in(page, server, users, "dave", totp=False)
    pages = dict(MAIN_PAGES)
    page.goto(f"{server.url}/console/t/acme/services")
    pages["service"] = (
        page.get_by_role("link", name="payments-gateway", exact=True).get_attribute("href") or ""
    )
    page.goto(f"{server.url}/console/t/acme/incidents")
    pages["incident"] = (
        page.get_by_role("link", name="Payments gateway latency above SLO", exact=True).get_attribute("href")
        or ""
    )
    axe = axe_module.Axe()
    failures: dict[str, list[str]] = {}
    for name, path in pages.items():
        page.goto(f"{server.url}{path}")
        results = axe.run(page)
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']}"
            for v in results.response["violations"]
            if v.get("impact") in ("serious", "critical")
        ]
        if bad:
            failures[name] = bad
        shot(page, f"axe-{name}")
    assert failures == {}


def test_pages_are_readable_without_javascript(
    chromium: Any, server: LiveServer, users: dict[str, Any]
) -> None:
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        sign_in(page, server, users, "bob", totp=False)
        page.goto(f"{server.url}/console/t/acme/search?q=pay&kind=service")
        assert page.get_by_role("link", name="payments-gateway", exact=True).is_visible()
        with urllib.request.urlopen(f"{server.url}/console/") as response:  # noqa: S310 (local URL)
            assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    finally:
        context.close()
