"""The console in process: sign-in through the provider's real pages, pages read through the SDK,
tenant isolation, disabled controls with reasons, CSRF, session fixation, step-up, refresh, sign-out."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from companyos_server.platform.principal import ACR_MFA
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.integration.console.conftest import CONSOLE, Browser, csrf_of

COOKIE = "companyos_console"


def cookie_header(response: httpx.Response) -> str:
    values = [v for k, v in response.headers.multi_items() if k == "set-cookie" and v.startswith(COOKIE)]
    assert values, "no session cookie set"
    return values[-1]


async def _globex_service(client: httpx.AsyncClient, user_token: Callable[[str], str]) -> dict[str, Any]:
    response = await client.get("/v1/tenants/globex/services", headers=bearer(user_token("gabe")))
    assert response.status_code == 200
    return dict(response.json()["items"][0])


async def _acme_incident(client: httpx.AsyncClient, user_token: Callable[[str], str]) -> dict[str, Any]:
    response = await client.get("/v1/tenants/acme/incidents", headers=bearer(user_token("alice")))
    return dict(response.json()["items"][0])


async def test_signed_out_visitor_is_sent_to_sign_in(browser: Browser) -> None:
    response = await browser.get(f"{CONSOLE}/t/acme/services")
    assert response.status_code == 303
    assert response.headers["location"] == "/console/auth/login?next=%2Fconsole%2Ft%2Facme%2Fservices"
    landing = await browser.get(f"{CONSOLE}/")
    assert landing.status_code == 200 and 'href="/console/auth/login"' in landing.text


async def test_sign_in_uses_the_console_client_with_pkce_and_sets_a_safe_cookie(browser: Browser) -> None:
    start = await browser.get(f"{CONSOLE}/auth/login", params={"next": "https://evil.example/"})
    location = httpx.URL(start.headers["location"])
    assert location.path == "/oauth2/authorize"
    assert location.params["client_id"] == "companyos-console"
    assert location.params["redirect_uri"] == f"{CONSOLE}/auth/callback"
    assert location.params["code_challenge_method"] == "S256" and location.params["code_challenge"]
    callback = await browser.provider_login(start, "alice", totp=True)
    assert callback.headers["location"] == "/console/"  # the foreign `next` was dropped
    cookie = cookie_header(callback).lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/console" in cookie
    home = await browser.follow(callback)
    assert home.url.path == "/console/t/acme/"
    assert "ACME Corporation" in home.text and 'data-testid="env-chip">production<' in home.text
    assert "Alice Anders" in home.text


async def test_pages_render_through_the_sdk(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    await browser.sign_in("alice", totp=True)
    incident = await _acme_incident(client, user_token)
    services = (await client.get("/v1/tenants/acme/services", headers=bearer(user_token("alice")))).json()
    service = services["items"][0]
    pages = {
        "/t/acme/": "Open incidents by severity",
        "/t/acme/services": service["name"],
        f"/t/acme/services/{service['id']}": "Dependencies",
        "/t/acme/deployments": "Record a deployment",
        "/t/acme/incidents": incident["title"],
        f"/t/acme/incidents/{incident['id']}": "Timeline",
        "/t/acme/policies": "Policy catalog",
        "/t/acme/tenant": "Recent admin actions",
        "/tenants": "ACME Corporation",
        "/t/acme/search?q=pay&kind=service": "payments-gateway",
    }
    for path, expected in pages.items():
        response = await browser.get(f"{CONSOLE}{path}")
        assert response.status_code == 200, (path, response.text[:500])
        assert expected in response.text, path
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert response.headers["cache-control"] == "no-store"  # pages carry tenant data
        assert "<script>" not in response.text and " style=" not in response.text  # nothing inline
    chart = await browser.get(f"{CONSOLE}/t/acme/services/{service['id']}")
    spec = re.search(r'<script type="application/json" id="sli-spec">(.*?)</script>', chart.text, re.S)
    assert spec and json.loads(spec.group(1))["$schema"].endswith("vega-lite/v6.json")
    staging = await browser.get(f"{CONSOLE}/t/acme/deployments", params={"env": "staging"})
    assert 'data-testid="env-chip">staging<' in staging.text
    typeahead = await browser.get(f"{CONSOLE}/t/acme/search?q=pay", headers={"HX-Request": "true"})
    assert typeahead.text.lstrip().startswith('<div id="search-results">')


async def test_a_user_of_one_tenant_never_sees_another_tenants_pages(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    other = await _globex_service(client, user_token)
    await browser.sign_in("alice", totp=True)
    for path in (
        "/t/globex/",
        "/t/globex/services",
        f"/t/globex/services/{other['id']}",
        f"/t/acme/services/{other['id']}",  # the other tenant's id under one's own tenant
        "/t/globex/tenant",
        "/t/globex/search?q=a",
    ):
        response = await browser.get(f"{CONSOLE}{path}")
        assert response.status_code == 404, path
        assert other["name"] not in response.text and "Globex" not in response.text
    tenants = await browser.get(f"{CONSOLE}/tenants")
    assert "ACME Corporation" in tenants.text and "globex" not in tenants.text.lower()


async def test_controls_the_user_may_not_use_are_disabled_with_the_policys_reason(browser: Browser) -> None:
    await browser.sign_in("erin", totp=False)  # tenant_admin, password only
    page = (await browser.get(f"{CONSOLE}/t/acme/deployments")).text
    assert re.search(r'<button type="submit" id="record-deployment" disabled', page)
    assert "no policy permits &#39;deployments:create&#39; for tenant_admin in tenant &#39;acme&#39;" in page
    policies = (await browser.get(f"{CONSOLE}/t/acme/policies")).text
    assert re.search(r'<button type="submit" id="save-policy"[ >]', policies)  # tenant admins edit policies
    assert "Needs a multi-factor sign-in" in policies  # high-risk, and this sign-in had no TOTP


async def test_an_sre_may_record_deployments_but_not_edit_policies(other_browser: Browser) -> None:
    await other_browser.sign_in("alice", totp=True)
    page = (await other_browser.get(f"{CONSOLE}/t/acme/deployments")).text
    assert re.search(r'<button type="submit" id="record-deployment"[ >]', page)
    policies = (await other_browser.get(f"{CONSOLE}/t/acme/policies")).text
    assert re.search(r'id="save-policy" disabled', policies)
    assert "no policy permits &#39;policies:update&#39; for sre" in policies


async def test_forms_without_the_sessions_csrf_token_are_refused(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    incident = await _acme_incident(client, user_token)
    await browser.sign_in("alice", totp=True)
    url = f"{CONSOLE}/t/acme/incidents/{incident['id']}/notes"
    missing = await browser.post(url, data={"text": "no token"})
    wrong = await browser.post(url, data={"text": "wrong token", "csrf_token": "x" * 43})
    assert missing.status_code == 403 and wrong.status_code == 403
    timeline = await client.get(
        f"/v1/tenants/acme/incidents/{incident['id']}", headers=bearer(user_token("alice"))
    )
    texts = [e["text"] for e in timeline.json()["timeline"]]
    assert "no token" not in texts and "wrong token" not in texts
    page = await browser.get(f"{CONSOLE}/t/acme/incidents/{incident['id']}")
    ok = await browser.post(url, data={"text": "checked by the console", "csrf_token": csrf_of(page.text)})
    assert ok.status_code == 303
    after = await client.get(
        f"/v1/tenants/acme/incidents/{incident['id']}", headers=bearer(user_token("alice"))
    )
    assert "checked by the console" in [e["text"] for e in after.json()["timeline"]]
    # Sign-out is a form too.
    assert (await browser.post(f"{CONSOLE}/auth/logout", data={})).status_code == 403


async def test_a_session_id_planted_before_sign_in_is_worthless_after_it(
    browser: Browser, other_browser: Browser
) -> None:
    # The attacker starts a sign-in, plants that session id in the victim's browser and lures the victim
    # to the very authorization request; the victim signs in and the console receives the code.
    planted = await other_browser.get(f"{CONSOLE}/auth/login")
    (planted_cookie,) = [c for c in other_browser.http.cookies.jar if c.name == COOKIE]
    planted_value = planted_cookie.value
    assert planted.status_code == 303 and planted_value
    browser.http.cookies.jar.set_cookie(planted_cookie)
    callback = await browser.provider_login(planted, "alice", totp=True)
    assert callback.status_code == 303
    fresh_value = browser.http.cookies.get(COOKIE)
    assert fresh_value and fresh_value != planted_value
    assert (await browser.follow(callback)).status_code == 200
    # The planted id was deleted at sign-in: the attacker is sent to sign in, sees nothing.
    attacker = await other_browser.get(f"{CONSOLE}/t/acme/")
    assert attacker.status_code == 303 and "/auth/login" in attacker.headers["location"]
    # An id the console did not sign is ignored.
    forged = httpx.Cookies({COOKIE: fresh_value.split(".")[0] + ".forged"})
    response = await browser.http.get(f"{CONSOLE}/t/acme/", cookies=forged)
    assert response.status_code == 303


async def test_a_risky_action_goes_through_totp_step_up_and_is_retried(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    await browser.sign_in("erin", totp=False)  # password only: acr pwd
    before = browser.http.cookies.get(COOKIE)
    page = await browser.get(f"{CONSOLE}/t/acme/policies")
    form = {
        "csrf_token": csrf_of(page.text),
        "policy_id": "no-viewer-incident-edits",
        "actions": "incidents:update",
        "roles": "viewer",
        "reason": "viewers never change incidents",
    }
    posted = await browser.post(f"{CONSOLE}/t/acme/policies", data=form)
    assert posted.status_code == 303 and posted.headers["location"] == "/console/auth/step-up"
    step_up = await browser.get(f"{CONSOLE}/auth/step-up")
    authorize = httpx.URL(step_up.headers["location"])
    assert authorize.params["acr_values"] == "urn:companyos:acr:mfa" and authorize.params["max_age"] == "900"
    callback = await browser.provider_login(step_up, "erin", totp=True)
    assert callback.headers["location"] == "/console/t/acme/policies"
    assert browser.http.cookies.get(COOKIE) != before  # a new session id after the stronger sign-in
    done = await browser.follow(callback)
    assert "Policy no-viewer-incident-edits saved" in done.text
    stored = await client.get(
        "/v1/tenants/acme/policies/catalog/no-viewer-incident-edits", headers=bearer(user_token("erin"))
    )
    assert stored.status_code == 200 and stored.json()["effect"] == "forbid"


async def test_expired_access_tokens_are_refreshed_by_the_sdk(browser: Browser, runtime: Runtime) -> None:
    await browser.sign_in("alice", totp=True)
    db = Path(runtime.settings.var_dir) / "console" / "sessions.db"
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, data FROM console_sessions").fetchall()
        signed_in = [(sid, json.loads(data)) for sid, data in rows if "token" in json.loads(data)]
        assert len(signed_in) == 1
        sid, data = signed_in[0]
        old = data["token"]
        data["token"]["expires_at"] = time.time() - 10
        conn.execute("UPDATE console_sessions SET data = ? WHERE id = ?", (json.dumps(data), sid))
    response = await browser.get(f"{CONSOLE}/t/acme/services")
    assert response.status_code == 200
    with sqlite3.connect(db) as conn:
        new = json.loads(conn.execute("SELECT data FROM console_sessions WHERE id = ?", (sid,)).fetchone()[0])
    assert new["token"]["access_token"] != old["access_token"]
    assert new["token"]["refresh_token"] != old["refresh_token"]  # rotated
    assert new["token"]["expires_at"] > time.time()


async def test_sign_out_ends_the_session(browser: Browser) -> None:
    await browser.sign_in("alice", totp=True)
    page = await browser.get(f"{CONSOLE}/t/acme/")
    out = await browser.post(f"{CONSOLE}/auth/logout", data={"csrf_token": csrf_of(page.text)})
    assert out.status_code == 303 and out.headers["location"] == "/console/signed-out"
    again = await browser.get(f"{CONSOLE}/t/acme/")
    assert again.status_code == 303


async def test_platform_admins_state_a_purpose_and_see_an_audit_stamp(browser: Browser) -> None:
    landing = await browser.follow(await browser.sign_in("root-admin", totp=True))
    assert landing.url.path == "/console/tenants"  # no membership: the list of every tenant
    assert "ACME Corporation" in landing.text and "Globex" in landing.text
    ask = await browser.get(f"{CONSOLE}/t/globex/")
    assert ask.status_code == 403 and "State a purpose" in ask.text
    stated = await browser.post(
        f"{CONSOLE}/t/globex/purpose", data={"csrf_token": csrf_of(ask.text), "purpose": "INC-42 review"}
    )
    assert stated.status_code == 303
    page = await browser.get(f"{CONSOLE}/t/globex/")
    assert page.status_code == 200 and "Purpose: INC-42 review" in page.text


async def test_callback_without_the_matching_state_is_refused(browser: Browser) -> None:
    await browser.get(f"{CONSOLE}/auth/login")
    response = await browser.get(f"{CONSOLE}/auth/callback", params={"code": "x", "state": "not-mine"})
    assert response.status_code == 400


async def test_htmx_is_served_from_the_pinned_npm_package(browser: Browser) -> None:
    response = await browser.get(f"{CONSOLE}/static/vendor/htmx.min.js")
    assert response.status_code == 200 and b"htmx" in response.content[:2000]
    assert "no-store" not in response.headers.get("cache-control", "")  # pinned assets may be cached
    package = json.loads((Path(__file__).resolve().parents[3] / "package.json").read_text())
    assert package["devDependencies"]["htmx.org"] == "2.0.11"
    assert (await browser.get(f"{CONSOLE}/static/vendor/../../auth/login")).status_code in (303, 404)


async def test_sessions_and_the_signing_key_are_private_files(browser: Browser, runtime: Runtime) -> None:
    await browser.sign_in("alice", totp=True)
    state = Path(runtime.settings.var_dir) / "console"
    assert state.stat().st_mode & 0o777 == 0o700
    for path in [state / "secret-key", *state.glob("sessions.db*")]:
        assert path.stat().st_mode & 0o777 == 0o600, path


async def test_the_tenant_page_lists_recent_admin_actions(browser: Browser) -> None:
    await browser.sign_in("erin", totp=True)  # tenant_admin: their mutations are admin actions
    page = await browser.get(f"{CONSOLE}/t/acme/policies")
    form = {
        "csrf_token": csrf_of(page.text),
        "policy_id": "no-viewer-deploys",
        "actions": "deployments:create",
        "roles": "viewer",
        "reason": "viewers never deploy",
    }
    assert (await browser.post(f"{CONSOLE}/t/acme/policies", data=form)).status_code == 303
    tenant = await browser.get(f"{CONSOLE}/t/acme/tenant")
    actions = re.search(r'<ul data-testid="admin-actions">(.*?)</ul>', tenant.text, re.S)
    assert (
        actions and "<code>policies:update</code>" in actions.group(1) and "tenant_admin" in actions.group(1)
    )


async def test_a_sandbox_tenant_wears_its_chip_on_every_page(browser: Browser, runtime: Runtime) -> None:
    from companyos_server.domains.tenants.store import TenantRow

    with runtime.db.session() as session:
        session.add(TenantRow(id="demo-sbx", display_name="Demo sandbox", tier="standard", residency="us",
                              status="active", environment="sandbox", labels={}))  # fmt: skip
    await browser.follow(await browser.sign_in("root-admin", totp=True))
    ask = await browser.get(f"{CONSOLE}/t/demo-sbx/")
    await browser.post(
        f"{CONSOLE}/t/demo-sbx/purpose", data={"csrf_token": csrf_of(ask.text), "purpose": "demo prep"}
    )
    for path in ("/", "/data"):
        page = await browser.get(f"{CONSOLE}/t/demo-sbx{path}")
        assert page.status_code == 200, page.text[:300]
        assert 'data-testid="sandbox-chip"' in page.text and "sandbox tenant" in page.text
    # The chip follows the tenant's environment, not the deployment-environment filter beside it.
    staging = await browser.get(f"{CONSOLE}/t/demo-sbx/data", params={"env": "staging"})
    assert 'data-testid="sandbox-chip"' in staging.text and 'data-testid="env-chip">staging<' in staging.text


async def test_the_features_board_shows_scheduled_rollouts_and_guardrail_verdicts(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    headers = bearer(user_token("alice", acr=ACR_MFA, auth_time=int(time.time())))
    flag = {"key": "console-guarded", "enabled": True, "variants": {"a": 1, "b": 2}, "default_variant": "a"}
    created = await client.post("/v1/tenants/acme/flags", json=flag, headers=headers)
    assert created.status_code == 201, created.text
    experiment = {"key": "console-guarded-test", "flag_key": "console-guarded", "environment": "staging",
                  "control": "a", "treatment": "b", "metric": "signup", "guardrails": ["page_ok"]}  # fmt: skip
    assert (
        await client.post("/v1/tenants/acme/experiments", json=experiment, headers=headers)
    ).status_code == 201
    events = [{"subject": f"{arm}{i}", "variant": arm, "metrics": {"page_ok": arm == "a" or i % 4 != 0}}
              for arm in ("a", "b") for i in range(400)]  # fmt: skip
    r = await client.post(
        "/v1/tenants/acme/experiments/console-guarded-test/exposures",
        json={"events": events},
        headers=headers,
    )
    assert r.status_code == 202, r.text
    rollout = {
        "flag_key": "console-guarded",
        "environment": "staging",
        "stages": [50],
        "gates": {"checks": []},
    }
    assert (await client.post("/v1/tenants/acme/rollouts", json=rollout, headers=headers)).status_code == 201

    await browser.sign_in("alice", totp=True)
    board = await browser.get(f"{CONSOLE}/t/acme/features")
    assert board.status_code == 200, board.text[:500]
    assert 'data-testid="guardrail">page_ok: breached (-25.0 pt)' in board.text
    assert "console-guarded" in board.text and "50 → 100" in board.text


async def test_a_production_rollout_is_approved_from_the_board_through_step_up(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    requester = bearer(user_token("carol", acr=ACR_MFA, auth_time=int(time.time())))
    created = await client.post("/v1/tenants/acme/flags", json={"key": "board-ramp"}, headers=requester)
    assert created.status_code == 201, created.text
    body = {"flag_key": "board-ramp", "environment": "production", "auto_advance": False,
            "gates": {"checks": ["security"]}}  # fmt: skip
    rollout = (await client.post("/v1/tenants/acme/rollouts", json=body, headers=requester)).json()

    await browser.sign_in("erin", totp=False)  # tenant admin, password only
    board = await browser.get(f"{CONSOLE}/t/acme/features")
    assert f"/features/rollouts/{rollout['id']}/approve" in board.text
    posted = await browser.post(
        f"{CONSOLE}/t/acme/features/rollouts/{rollout['id']}/approve",
        data={"csrf_token": csrf_of(board.text)},
    )
    assert posted.status_code == 303 and posted.headers["location"] == "/console/auth/step-up"
    step_up = await browser.get(f"{CONSOLE}/auth/step-up")
    callback = await browser.provider_login(step_up, "erin", totp=True)
    done = await browser.follow(callback)
    assert "Rollout of board-ramp in production: approved, 0 %." in done.text
    assert f"/features/rollouts/{rollout['id']}/advance" in done.text  # manual: advanced from the board

    advanced = await browser.post(
        f"{CONSOLE}/t/acme/features/rollouts/{rollout['id']}/advance", data={"csrf_token": csrf_of(done.text)}
    )
    page = await browser.follow(advanced)
    assert "Rollout of board-ramp in production: running, 10 %." in page.text
    run_link = re.search(r'href="(/console/t/acme/runs/run_[0-9a-z]+)"', page.text)
    assert run_link, "the board links the Maestro run carrying the stages out"
    run_page = await browser.get(run_link.group(1))
    assert run_page.status_code == 200 and "stage-1" in run_page.text
    unknown = await browser.post(
        f"{CONSOLE}/t/acme/features/rollouts/{rollout['id']}/launch", data={"csrf_token": csrf_of(page.text)}
    )
    assert "Unknown rollout action" in (await browser.follow(unknown)).text


async def test_a_viewer_sees_rollout_and_playbook_controls_disabled_with_reasons(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    requester = bearer(user_token("carol", acr=ACR_MFA, auth_time=int(time.time())))
    created = await client.post("/v1/tenants/acme/flags", json={"key": "viewer-sees"}, headers=requester)
    assert created.status_code == 201, created.text
    body = {"flag_key": "viewer-sees", "environment": "production", "gates": {"checks": []}}
    rollout = (await client.post("/v1/tenants/acme/rollouts", json=body, headers=requester)).json()
    await browser.sign_in("bob")  # viewer
    board = await browser.get(f"{CONSOLE}/t/acme/features")
    assert f'id="approve-{rollout["id"]}" disabled' in board.text
    assert re.search(
        rf'id="approve-{rollout["id"]}-reason"[^>]*>Not available to you: [^<]*features:approve', board.text
    )
    security = await browser.get(f"{CONSOLE}/t/acme/security")
    assert 'id="run-playbook" disabled' in security.text and "maestro:execute" in security.text


async def test_the_service_page_draws_dependencies_as_a_graph_and_deployments_chart_throughput(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    await browser.sign_in("alice")
    services = await browser.get(f"{CONSOLE}/t/acme/services")
    href = re.search(r'href="(/console/t/acme/services/svc_[0-9a-z]+)">payments-gateway<', services.text)
    assert href
    page = await browser.get(href.group(1))
    spec = re.search(r'<script type="application/json" id="dependency-spec">(.*?)</script>', page.text, re.S)
    assert spec, "no dependency graph"
    layers = json.loads(spec.group(1))["layer"]
    names = {v["name"] for v in layers[2]["data"]["values"]}
    assert {"payments-gateway", "checkout-api", "auth-service"} <= names  # used by, itself, depends on
    deployments = await browser.get(f"{CONSOLE}/t/acme/deployments")
    assert re.search(
        r'data-testid="throughput">\d+ deployments? in production over \d+ days?', deployments.text
    )
    assert 'id="throughput-spec"' in deployments.text
