"""The console's Tenant page: the configuration's history, the diff of a version against the one before,
and the editor (step-up, optimistic concurrency, and a draft that survives every refusal)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import httpx

from tests.conftest import bearer
from tests.integration.alerts.helpers import Mint, member
from tests.integration.console.conftest import CONSOLE, Browser, csrf_of, hidden_fields

PAGE = f"{CONSOLE}/t/acme/tenant"


async def _current(client: httpx.AsyncClient, token: str) -> dict:
    r = await client.get("/v1/tenants/acme/config", headers=bearer(token))
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_history_and_diff_of_a_version_against_the_one_before(
    browser: Browser, client: httpx.AsyncClient, mint: Mint, user_token: Callable[[str], str]
) -> None:
    before = await _current(client, user_token("erin"))
    document = {**before["document"], "console_test": {"retention_days": 30}}
    admin = member(mint, "acme", "tenant_admin", mfa=True)
    body = {
        "document": document,
        "message": "Keep console-test data 30 days",
        "base_version": before["version"],
    }
    r = await client.put("/v1/tenants/acme/config", json=body, headers=admin)
    assert r.status_code in (200, 201), r.text
    saved = r.json()["version"]

    await browser.sign_in("erin")
    page = await browser.get(PAGE)
    assert page.status_code == 200
    assert f"Configuration (version {saved})" in page.text
    assert re.search(
        rf"<strong aria-current=\"true\">Version {saved}</strong>: Keep console-test data 30 days", page.text
    )
    diff = page.text[page.text.index('data-testid="config-diff"') :].split("</table>")[0]
    assert f"What version {saved} changed from version {saved - 1}" in diff
    assert '<td class="op op-add">added</td><td><code>/console_test</code></td>' in diff
    assert "retention_days" in diff
    older = await browser.get(PAGE, params={"diff": str(saved - 1)})
    assert f"What version {saved - 1} changed from version {saved - 2}" in older.text or saved - 1 == 1
    # Out-of-range and nonsense versions show the current one.
    for odd in ("0", "99999", "abc"):
        assert f"What version {saved} changed" in (await browser.get(PAGE, params={"diff": odd})).text


async def test_saving_goes_through_step_up_and_keeps_the_draft_on_every_refusal(
    browser: Browser, client: httpx.AsyncClient, mint: Mint, user_token: Callable[[str], str]
) -> None:
    await browser.sign_in("erin")  # tenant admin, password only
    page = await browser.get(PAGE)
    fields = hidden_fields(page.text)
    base = int(fields["base_version"])
    current = await _current(client, user_token("erin"))
    assert base == current["version"]

    broken = '{"observability": {'
    bad = await browser.post(
        f"{PAGE}/config",
        data={
            "csrf_token": fields["csrf_token"],
            "base_version": str(base),
            "document": broken,
            "message": "x",
        },
    )
    shown = await browser.follow(bad)
    assert "The configuration is not valid JSON" in shown.text and "line 1" in shown.text
    assert "{&#34;observability&#34;: {</textarea>" in shown.text  # what was typed is still there
    not_object = await browser.post(
        f"{PAGE}/config",
        data={
            "csrf_token": fields["csrf_token"],
            "base_version": str(base),
            "document": "[1]",
            "message": "x",
        },
    )
    assert "must be a JSON object" in (await browser.follow(not_object)).text

    document = {**current["document"], "console_edit": True}
    text = json.dumps(document, indent=2)
    form = {
        "csrf_token": fields["csrf_token"],
        "base_version": str(base),
        "document": text,
        "message": "Console edit",
    }
    posted = await browser.post(f"{PAGE}/config", data=form)
    assert posted.status_code == 303 and posted.headers["location"] == "/console/auth/step-up"
    assert (await _current(client, user_token("erin")))["version"] == base  # nothing saved yet

    # Someone else saves meanwhile: the console's edit (based on the older version) is refused, not lost.
    admin = member(mint, "acme", "tenant_admin", mfa=True)
    other = {
        "document": {**current["document"], "someone_else": 1},
        "message": "Someone else",
        "base_version": base,
    }
    assert (await client.put("/v1/tenants/acme/config", json=other, headers=admin)).status_code in (200, 201)
    step_up = await browser.get(f"{CONSOLE}/auth/step-up")
    callback = await browser.provider_login(step_up, "erin", totp=True)
    assert callback.headers["location"] == "/console/t/acme/tenant#edit-config"
    refused = await browser.follow(callback)
    assert re.search(
        rf'class="flash flash-error"[^>]*>The configuration is at version {base + 1}, not {base}',
        refused.text,
    )
    assert (await _current(client, user_token("erin")))["message"] == "Someone else"

    # The refused edit is still there, says it was overtaken and still names the version it started from:
    # saving it as it is would drop the other change, so a plain save is refused again ...
    page = await browser.get(PAGE)
    fields = hidden_fields(page.text)
    assert int(fields["base_version"]) == base
    assert 'data-testid="draft-overtaken"' in page.text and "&#34;console_edit&#34;: true" in page.text
    form = {
        **form,
        "csrf_token": csrf_of(page.text),
        "base_version": fields["base_version"],
        "form_key": fields["form_key"],
    }
    again = await browser.follow(await browser.post(f"{PAGE}/config", data=form))
    assert re.search(r'class="flash flash-error"[^>]*>The configuration is at version', again.text)
    assert (await _current(client, user_token("erin")))["document"].get("someone_else") == 1

    # ... until the user replaces the newer version on purpose (now signed in with MFA: no step-up).
    fields = hidden_fields(again.text)
    replace = {**form, "form_key": fields["form_key"], "overwrite": str(base + 1)}
    saved = await browser.post(f"{PAGE}/config", data=replace)
    assert saved.headers["location"] == f"/console/t/acme/tenant?diff={base + 2}#history"
    done = await browser.follow(saved)
    assert f"Configuration version {base + 2} saved." in done.text
    assert "<code>/console_edit</code>" in done.text and "<code>/someone_else</code>" in done.text  # the diff
    stored = await _current(client, user_token("erin"))
    assert stored["version"] == base + 2 and stored["document"]["console_edit"] is True
    assert "someone_else" not in stored["document"]
    # Saved: the draft is gone (the editor holds the version in force, with an empty message).
    assert 'data-testid="draft-overtaken"' not in done.text and 'value="Console edit"' not in done.text
    assert 'id="discard-draft"' not in done.text

    # Saving the same document again is not a new version, and says so.
    fields = hidden_fields(done.text)
    same = {
        **form,
        "csrf_token": fields["csrf_token"],
        "form_key": fields["form_key"],
        "base_version": str(base + 2),
    }
    same["document"] = json.dumps(stored["document"])
    unchanged = await browser.follow(await browser.post(f"{PAGE}/config", data=same))
    assert f"Nothing to save: version {base + 2} already is this document." in unchanged.text


async def test_a_long_or_discarded_draft(
    browser: Browser, client: httpx.AsyncClient, user_token: Callable[[str], str]
) -> None:
    await browser.sign_in("erin", totp=True)
    page = await browser.get(PAGE)
    fields = hidden_fields(page.text)
    base = {"csrf_token": fields["csrf_token"], "base_version": fields["base_version"], "message": "draft"}
    kept = await browser.follow(await browser.post(f"{PAGE}/config", data={**base, "document": '{"half": '}))
    assert "not valid JSON" in kept.text and 'id="discard-draft"' in kept.text
    huge = {**base, "document": '{"x": "' + "a" * 70_000 + '"}'}
    too_long = await browser.follow(await browser.post(f"{PAGE}/config", data=huge))
    assert "longer than 64,000 characters; nothing was saved" in too_long.text
    assert "{&#34;half&#34;: </textarea>" in too_long.text  # the earlier draft is untouched
    discarded = await browser.follow(
        await browser.post(f"{PAGE}/config", data={"csrf_token": fields["csrf_token"], "intent": "discard"})
    )
    assert "Your unsaved edit was discarded." in discarded.text
    assert "{&#34;half&#34;: </textarea>" not in discarded.text and 'id="discard-draft"' not in discarded.text
    assert (await _current(client, user_token("erin")))["version"] == int(fields["base_version"])


async def test_a_viewer_sees_the_editor_disabled_with_the_reason(browser: Browser) -> None:
    await browser.sign_in("bob")
    page = await browser.get(PAGE)
    assert page.status_code == 200  # what a viewer may not read is withheld with its reason, not a 403
    assert re.search(r"Not shown to you: [^<]*admin_actions:read", page.text)
    assert 'id="save-config" disabled' in page.text
    assert re.search(r'id="save-config-reason"[^>]*>Not available to you: [^<]*config:write', page.text)
