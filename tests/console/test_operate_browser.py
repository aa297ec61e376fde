"""The operator walkthrough in Chromium: alert in the inbox → incident → inspect (side panel) → rollback
dry run → step-up with TOTP → live run status (htmx SSE) → verification panel; a viewer's disabled
remediation with the policy's reason; the run page without JavaScript; the policy edit dry-run diff; axe
on the new pages. Screenshots go to var/console-screenshots (``op-…``)."""

from __future__ import annotations

import re
import time
from typing import Any

import pyotp
import pytest

from tests.console.test_browser import (
    CSPWatch,
    chromium,  # noqa: F401 (module-scoped fixture)
    context,  # noqa: F401
    shot,
    sign_in,
    users,  # noqa: F401
)
from tests.console.test_domain_browser import serious
from tools.live_server import LiveServer


def fresh_totp(secret: str) -> str:
    """A code with a few seconds of life left (the provider refuses a code used before)."""
    if 30 - time.time() % 30 < 4:
        time.sleep(5)
    return pyotp.TOTP(secret).now()


def test_operator_walkthrough_inspect_rollback_step_up_live_run_verification(
    context: Any,  # noqa: F811
    server: LiveServer,
    users: dict[str, Any],  # noqa: F811
) -> None:
    page = context.new_page()
    csp = CSPWatch(page)
    live_requests: list[str] = []
    page.on("request", lambda r: live_requests.append(r.url) if r.url.endswith("/live") else None)
    sign_in(page, server, users, "carol", totp=False)  # platform engineer, password only
    assert page.get_by_test_id("slo-conformance").is_visible()  # signed in: the home page
    page.get_by_test_id("alerts-inbox").click()
    page.wait_for_url(re.compile(r".*/console/t/acme/alerts$"))
    shot(page, "op-01-inbox")
    page.get_by_test_id("alert-incident").filter(has_text="Payments gateway latency above SLO").first.click()
    page.wait_for_url(re.compile(r".*/incidents/inc_.*"))
    # Inspect a service of the incident: the side panel, without leaving the page.
    url = page.url
    page.locator("section").get_by_test_id("inspect-link").first.click()
    panel = page.get_by_test_id("inspect-panel").get_by_test_id("inspect")
    panel.wait_for()
    assert page.url == url
    assert (
        panel.get_by_test_id("neighbours").is_visible() and panel.get_by_test_id("audit-trail").is_visible()
    )
    shot(page, "op-02-inspect-panel")
    # Keyboard: focus is in the panel; Escape closes it and gives focus back to the link; Close does too.
    assert page.evaluate("document.activeElement.id") == "inspect-title"
    page.keyboard.press("Escape")
    assert page.get_by_test_id("inspect-panel").get_by_test_id("inspect").count() == 0
    assert page.evaluate("document.activeElement.dataset.testid") == "inspect-link"
    page.keyboard.press("Enter")  # the focused link opens the panel again
    panel.wait_for()
    panel.get_by_role("button", name="Close the inspect panel").click()
    assert page.get_by_test_id("inspect-panel").get_by_test_id("inspect").count() == 0
    page.locator("section").get_by_test_id("inspect-link").first.click()
    panel.wait_for()
    # From the panel to the service, whose newest deployment gets rolled back (its inspect panel).
    panel.get_by_role("heading").get_by_role("link").click()
    page.wait_for_url(re.compile(r".*/services/svc_.*"))
    page.locator("ol.timeline").get_by_test_id("inspect-link").first.click()
    panel = page.get_by_test_id("inspect-panel").get_by_test_id("inspect")
    panel.get_by_text("Inspect deployment").wait_for()
    rollback = panel.get_by_role("button", name="Roll back (dry run first)")
    assert rollback.is_enabled()
    assert "authenticator code" in panel.locator("#remediate-deployment-rollback-hint").inner_text()
    rollback.click()
    assert "Nothing has changed yet" in page.get_by_test_id("dry-run-summary").inner_text()
    assert page.get_by_test_id("impact-change").first.inner_text()
    shot(page, "op-03-rollback-dry-run")
    assert serious(page) == []  # axe on the dry-run (impact) page
    page.get_by_label("Reason (recorded with the run)").fill("gateway latency after the last deploy")
    page.get_by_role("button", name="Confirm and run").click()
    # Step-up: the provider asks again, now for the TOTP code.
    page.wait_for_url(re.compile(r".*/oauth2/login.*"))
    page.get_by_label("Username").fill("carol")
    page.get_by_label("Password").fill(users["carol"]["password"])
    page.locator("#totp").fill(fresh_totp(users["carol"]["totp_secret"]))
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Allow").click()
    page.wait_for_url(re.compile(r".*/console/t/acme/runs/run_[0-9a-z]+$"))
    assert page.get_by_role("status").filter(has_text="started").is_visible()
    shot(page, "op-04-run-live")
    # Live run status: the state reaches its end on this page, pushed over SSE (no reload).
    page.get_by_test_id("run-state").filter(has_text=re.compile("succeeded|failed|compensated")).wait_for(
        timeout=30_000
    )
    page.get_by_test_id("verification").wait_for(timeout=30_000)
    assert page.get_by_test_id("run-state").inner_text() == "succeeded"
    assert page.locator("[data-testid=step-state]").first.inner_text() == "succeeded"
    if page.get_by_test_id("live-hint").count():  # the page was rendered mid-run: it followed the stream
        assert live_requests, "the run page did not open its event stream"
    shot(page, "op-05-verification")
    assert serious(page) == []  # axe on the run page with its verification panel
    assert csp.violations == []


def test_a_viewer_sees_the_rollback_disabled_with_the_policys_reason(
    context: Any,  # noqa: F811
    server: LiveServer,
    users: dict[str, Any],  # noqa: F811
) -> None:
    page = context.new_page()
    sign_in(page, server, users, "bob", totp=False)
    page.goto(f"{server.url}/console/t/acme/deployments")
    page.get_by_test_id("inspect-link").first.click()
    panel = page.get_by_test_id("inspect-panel").get_by_test_id("inspect")
    panel.wait_for()
    button = panel.get_by_role("button", name="Roll back (dry run first)")
    assert button.is_disabled()
    reason = panel.locator("#remediate-deployment-rollback-reason").inner_text()
    assert "no policy permits" in reason and "viewer" in reason
    assert button.get_attribute("aria-describedby") == "remediate-deployment-rollback-reason"
    assert "not permitted" in panel.get_by_test_id("entity-actions").inner_text()
    shot(page, "op-06-viewer-disabled-rollback")


def test_run_and_inspect_pages_are_complete_without_javascript(
    chromium: Any,  # noqa: F811
    server: LiveServer,
    users: dict[str, Any],  # noqa: F811
) -> None:
    ctx = chromium.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        sign_in(page, server, users, "dave", totp=False)  # security analyst
        page.goto(f"{server.url}/console/t/acme/deployments")
        page.get_by_test_id("inspect-link").first.click()  # a plain link: the full inspect page
        page.wait_for_url(re.compile(r".*/inspect\?ref=deployment.*"))
        assert page.get_by_role("heading", name="Inspect", exact=True).is_visible()
        assert page.get_by_test_id("audit-trail").is_visible()
        assert page.get_by_role("button", name="Roll back (dry run first)").is_visible()
    finally:
        ctx.close()


def test_axe_on_the_operate_pages(
    context: Any,  # noqa: F811
    server: LiveServer,
    users: dict[str, Any],  # noqa: F811
) -> None:
    page = context.new_page()
    sign_in(page, server, users, "erin", totp=False)
    page.goto(f"{server.url}/console/t/acme/deployments")
    inspect = page.get_by_test_id("inspect-link").first.get_attribute("href") or ""
    pages = {
        "inspect": inspect,
        "policy-new": "/console/t/acme/policies/edit?policy=new-policy",
        "home-panel": "/console/t/acme/",
    }
    failures: dict[str, list[str]] = {}
    for name, path in pages.items():
        page.goto(f"{server.url}{path}")
        if name == "home-panel":  # the side panel open over the home page
            page.get_by_test_id("inspect-link").first.click()
            page.get_by_test_id("inspect-panel").get_by_test_id("inspect").wait_for()
        if bad := serious(page):
            failures[name] = bad
        shot(page, f"op-axe-{name}")
    assert failures == {}


@pytest.mark.parametrize("path", ["/console/t/acme/runs/run_doesnotexist0000"])
def test_an_unknown_run_is_not_found(
    context: Any,  # noqa: F811
    server: LiveServer,
    users: dict[str, Any],  # noqa: F811
    path: str,
) -> None:
    page = context.new_page()
    sign_in(page, server, users, "glen", totp=False)  # globex viewer: acme is not theirs either
    response = page.goto(f"{server.url}{path}")
    assert response is not None and response.status == 404
