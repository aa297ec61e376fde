"""The operator's path in process: the home page from the aggregate overview, the inspect panel (with
disabled remediations and the policy's reasons), a rollback with its dry-run impact summary, step-up with
TOTP, the run followed live over the console's event stream and its verification panel, the SLO analysis
on a service page, and editing a policy with a dry-run diff."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.integration.console.conftest import CONSOLE, Browser, csrf_of


@pytest.fixture
def worker(runtime: Runtime) -> Iterator[Runtime]:
    """A job worker thread: runs execute as jobs."""
    runtime.jobs.start_worker_thread()
    yield runtime
    runtime.jobs.stop_worker()


async def _deployment(client: httpx.AsyncClient, user_token: Callable[[str], str]) -> dict[str, Any]:
    r = await client.get(
        "/v1/tenants/acme/deployments?environment=production", headers=bearer(user_token("alice"))
    )
    return dict(r.json()["items"][0])


async def test_home_renders_the_overview_in_one_read(browser: Browser) -> None:
    await browser.sign_in("bob", totp=False)  # viewer: admin actions are withheld, with the reason
    home = await browser.get(f"{CONSOLE}/t/acme/")
    assert home.status_code == 200
    text = home.text
    assert 'data-testid="slo-conformance"' in text and "Tenant spotlight" in text
    assert "Not shown to you: no policy permits &#39;admin_actions:read&#39;" in text
    assert 'data-testid="inspect-link"' in text


async def test_inspect_panel_shows_neighbours_audit_and_disabled_remediations_with_reasons(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    deployment = await _deployment(client, user_token)
    await browser.sign_in("bob", totp=False)  # viewer
    url = f"{CONSOLE}/t/acme/inspect"
    panel = await browser.get(
        url, params={"ref": f"deployment:{deployment['id']}"}, headers={"HX-Request": "true"}
    )
    assert panel.status_code == 200, panel.text[:300]
    assert panel.text.lstrip().startswith("<aside") and "<html" not in panel.text
    assert 'data-testid="neighbours"' in panel.text and 'data-testid="audit-trail"' in panel.text
    assert re.search(r'id="remediate-deployment-rollback" disabled', panel.text)
    assert "no policy permits &#39;maestro:execute&#39;" in panel.text or "not permitted" in panel.text
    page = await browser.get(url, params={"ref": f"deployment:{deployment['id']}"})
    assert page.status_code == 200 and "<html" in page.text and "<h1>Inspect</h1>" in page.text
    assert (await browser.get(url, params={"ref": "nonsense"})).status_code == 400
    assert (await browser.get(url, params={"ref": "deployment:dep_nope"})).status_code == 404
    # Every listing offers it.
    for path in ("/t/acme/services", "/t/acme/deployments", "/t/acme/incidents"):
        assert 'data-testid="inspect-link"' in (await browser.get(f"{CONSOLE}{path}")).text, path
    tenant = await browser.get(url, params={"ref": "tenant:acme"}, headers={"HX-Request": "true"})
    assert tenant.status_code == 200 and "Inspect tenant" in tenant.text


async def test_rollback_dry_run_step_up_live_run_status_and_verification(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str], worker: Runtime
) -> None:
    deployment = await _deployment(client, user_token)
    await browser.sign_in("alice", totp=False)  # SRE, password only: the rollback will ask for TOTP
    panel = await browser.get(f"{CONSOLE}/t/acme/inspect", params={"ref": f"deployment:{deployment['id']}"})
    assert re.search(r'<button type="submit" id="remediate-deployment-rollback"[ >]', panel.text)
    csrf = csrf_of(panel.text)
    form = {"csrf_token": csrf, "ref": f"deployment:{deployment['id']}", "action": "deployment.rollback"}
    refused = await browser.post(f"{CONSOLE}/t/acme/remediations", data={**form, "csrf_token": "x"})
    assert refused.status_code == 403
    preview = await browser.post(f"{CONSOLE}/t/acme/remediations", data=form)
    assert preview.status_code == 200, preview.text[:500]
    assert 'data-testid="dry-run-summary"' in preview.text and "Nothing has changed yet" in preview.text
    assert "risk <strong>high</strong>" in preview.text and "Needs a multi-factor sign-in" in preview.text
    action = re.search(r'action="(/console/t/acme/remediations/[^"]+/run)"', preview.text)
    assert action
    runs_before = await client.get("/v1/tenants/acme/runs", headers=bearer(user_token("alice")))
    posted = await browser.post(
        f"http://testserver{action.group(1)}" if False else f"{CONSOLE}{action.group(1)[len('/console') :]}",
        data={"csrf_token": csrf, "ref": form["ref"], "reason": "bad deploy"},
    )
    assert posted.status_code == 303 and posted.headers["location"] == "/console/auth/step-up"
    runs_after = await client.get("/v1/tenants/acme/runs", headers=bearer(user_token("alice")))
    assert len(runs_after.json()["items"]) == len(runs_before.json()["items"])  # nothing ran yet
    step_up = await browser.get(f"{CONSOLE}/auth/step-up")
    callback = await browser.provider_login(step_up, "alice", totp=True)
    location = callback.headers["location"]
    assert re.fullmatch(r"/console/t/acme/runs/run_[0-9a-z]+", location), location
    run_page = await browser.follow(callback)
    assert run_page.status_code == 200 and 'data-testid="run"' in run_page.text
    assert "started." in run_page.text  # the flash
    # The live stream: fragments per step and run, then the verification panel, then done.
    live = await browser.get(f"{CONSOLE}{location[len('/console') :]}/live")
    assert live.status_code == 200 and live.headers["content-type"].startswith("text/event-stream")
    body = live.text
    assert "event: step-" in body and "event: run" in body
    assert body.rstrip().endswith("event: done\ndata:")
    assert "event: verification" in body and 'data-testid="verification"' in body
    assert re.search(r"id: \d+", body)
    # Reconnecting with Last-Event-ID skips what was seen and still ends with done.
    again = await browser.get(
        f"{CONSOLE}{location[len('/console') :]}/live", headers={"Last-Event-ID": "1000"}
    )
    assert again.text.rstrip().endswith("event: done\ndata:")
    finished = await browser.get(f"{CONSOLE}{location[len('/console') :]}")
    assert 'data-testid="verification"' in finished.text and "sse-connect" not in finished.text


async def test_service_page_shows_the_slo_analysis_with_burn_charts(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    services = (await client.get("/v1/tenants/acme/services", headers=bearer(user_token("alice")))).json()
    service = next(s for s in services["items"] if s["name"] == "payments-gateway")
    await browser.sign_in("alice", totp=False)
    page = (await browser.get(f"{CONSOLE}/t/acme/services/{service['id']}")).text
    assert 'data-testid="slo-analysis"' in page and "SLO analysis, last 7 days" in page
    assert 'id="burn-rate-spec"' in page and 'id="burndown-spec"' in page
    assert 'data-testid="burn-policy"' in page


async def test_policy_edit_previews_a_dry_run_diff_then_saves_with_step_up(browser: Browser) -> None:
    await browser.sign_in("erin", totp=False)  # tenant admin without TOTP
    page = await browser.get(f"{CONSOLE}/t/acme/policies")
    csrf = csrf_of(page.text)
    draft = {
        "csrf_token": csrf,
        "policy_id": "no-viewer-deploy-reads",
        "effect": "forbid",
        "actions": "deployments:read",
        "roles": "viewer",
        "reason": "viewers do not read deployments",
        "intent": "preview",
    }
    posted = await browser.post(f"{CONSOLE}/t/acme/policies/edit", data=draft)
    assert posted.status_code == 303
    preview_url = posted.headers["location"]
    assert preview_url.endswith("policy=no-viewer-deploy-reads&preview=1")
    # The dry run is high-risk on the API too: step-up first, then back to the preview.
    first = await browser.get(f"http://testserver{preview_url}".replace("http://testserver/console", CONSOLE))
    assert first.status_code == 303 and first.headers["location"] == "/console/auth/step-up"
    step_up = await browser.get(f"{CONSOLE}/auth/step-up")
    callback = await browser.provider_login(step_up, "erin", totp=True)
    assert callback.headers["location"] == preview_url
    shown = await browser.follow(callback)
    assert shown.status_code == 200, shown.text[:300]
    assert (
        'data-testid="diff-summary"' in shown.text and "recent decisions would change outcome" in shown.text
    )
    assert 'value="no-viewer-deploy-reads"' in shown.text and "viewers do not read deployments" in shown.text
    fresh = csrf_of(shown.text)  # a new session (and CSRF token) after the step-up sign-in
    saved = await browser.post(
        f"{CONSOLE}/t/acme/policies/edit", data={**draft, "csrf_token": fresh, "intent": "save"}
    )
    assert saved.status_code == 303 and saved.headers["location"] == "/console/t/acme/policies"
    catalog = await browser.follow(saved)
    assert "Policy no-viewer-deploy-reads saved" in catalog.text
    assert "/policies/edit?policy=no-viewer-deploy-reads" in catalog.text  # now editable from the catalog
    edit = await browser.get(f"{CONSOLE}/t/acme/policies/edit", params={"policy": "no-viewer-deploy-reads"})
    assert edit.status_code == 200 and "deployments:read" in edit.text


async def test_previews_of_one_remediation_reuse_its_plan(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    """An abandoned preview leaves no extra plan: each preview of the same target shows the same plan."""
    deployment = await _deployment(client, user_token)
    await browser.sign_in("alice", totp=False)
    panel = await browser.get(f"{CONSOLE}/t/acme/inspect", params={"ref": f"deployment:{deployment['id']}"})
    form = {"csrf_token": csrf_of(panel.text), "ref": f"deployment:{deployment['id']}",
            "action": "deployment.rollback"}  # fmt: skip
    runs = []
    for _ in range(3):
        preview = await browser.post(f"{CONSOLE}/t/acme/remediations", data=form)
        assert preview.status_code == 200 and "Nothing has changed yet" in preview.text
        found = re.search(r'action="/console/t/acme/remediations/([^"/]+)/run"', preview.text)
        assert found
        runs.append(found.group(1))
    assert len(set(runs)) == 1, runs
    name = f"Roll back {deployment['id']} (console)"
    plans = await client.get(
        "/v1/tenants/acme/plans", params={"name": name}, headers=bearer(user_token("alice"))
    )
    assert [p["id"] for p in plans.json()["items"]] == runs[:1]
    assert plans.json()["items"][0]["version"] == 1  # the same step: no new version either


async def test_a_viewer_cannot_start_a_remediation_even_by_posting(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    deployment = await _deployment(client, user_token)
    await browser.sign_in("bob", totp=False)
    page = await browser.get(f"{CONSOLE}/t/acme/")
    form = {
        "csrf_token": csrf_of(page.text),
        "ref": f"deployment:{deployment['id']}",
        "action": "deployment.rollback",
    }
    posted = await browser.post(f"{CONSOLE}/t/acme/remediations", data=form)
    assert posted.status_code == 303  # back to the panel with the API's refusal
    shown = await browser.follow(posted)
    assert "flash-error" in shown.text and "maestro:write" in shown.text
