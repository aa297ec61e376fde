"""The console's Data pillar: datasets, a dataset's schema, masked sample, imports with progress and partial
failures, exports with the signed pack to download — all read through the SDK."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx

from companyos_server.core.spine.store import verify_archive
from tests.conftest import bearer
from tests.integration.console.conftest import CONSOLE, Browser, browser, csrf_of, hidden_fields  # noqa: F401  (fixture)


async def test_data_pages(
    browser: Browser,  # noqa: F811
    client: httpx.AsyncClient,
    user_token: Callable[[str], str],
) -> None:
    datasets = (await client.get("/v1/tenants/acme/datasets", headers=bearer(user_token("alice")))).json()[
        "items"
    ]
    demo = next(d for d in datasets if d["name"] == "customers-demo")
    await browser.sign_in("alice", totp=True)
    index = await browser.get(f"{CONSOLE}/t/acme/data")
    assert index.status_code == 200, index.text[:500]
    assert "customers-demo" in index.text and ">email<" in index.text
    imports = (
        await client.get(
            f"/v1/tenants/acme/datasets/{demo['id']}/imports", headers=bearer(user_token("alice"))
        )
    ).json()
    import_id = imports["items"][0]["id"]
    page = await browser.get(f"{CONSOLE}/t/acme/data/{demo['id']}", params={"import": import_id})
    assert page.status_code == 200, page.text[:500]
    text = page.text
    assert "Masked: email, lifetime_value" in text and "customer1@example.com" not in text
    assert 'value="100"' in text and "succeeded" in text  # the import's progress bar
    assert "Partial failures of " + import_id in text and "ragged_row" in text and "pii:card_number" in text
    link = re.search(r'href="([^"]+/pack)"', text)
    assert link, "no pack download link"
    pack = await browser.get(httpx.URL(str(page.url)).join(link.group(1)))
    assert pack.status_code == 200 and pack.headers["content-type"] == "application/gzip"
    assert verify_archive(pack.content)["ok"]
    assert "<script>" not in text and " style=" not in text
    # Retry the quarantined rows: a new import, linked both ways, its job queued.
    action = re.search(r'action="([^"]+/imports/' + import_id + r'/retry)"', text)
    assert action, "no retry button for a finished import with quarantined rows"
    done = await browser.follow(await browser.post(action.group(1), data={"csrf_token": csrf_of(text)}))
    assert done.status_code == 200 and "retries the quarantined rows of " + import_id in done.text
    assert "retries " in done.text and "retried by " in done.text
    assert f"imports/{import_id}/retry" not in done.text  # only the latest attempt can be retried


async def _demo(client: httpx.AsyncClient, token: str) -> dict:
    items = (await client.get("/v1/tenants/acme/datasets", headers=bearer(token))).json()["items"]
    return dict(next(d for d in items if d["name"] == "customers-demo"))


async def test_an_import_starts_from_an_uploaded_file(
    browser: Browser,  # noqa: F811
    client: httpx.AsyncClient,
    user_token: Callable[[str], str],
) -> None:
    from companyos_server.domains.datasets.seed import sample_csv

    demo = await _demo(client, user_token("alice"))
    await browser.sign_in("alice", totp=True)
    url = f"{CONSOLE}/t/acme/data/{demo['id']}"
    page = await browser.get(url)
    assert 'enctype="multipart/form-data"' in page.text and 'id="start-import"' in page.text
    csrf = csrf_of(page.text)
    content = sample_csv(rows=50, seed=99)

    none = await browser.post(f"{url}/imports", data={"csrf_token": csrf}, files={"file": ("", b"")})
    assert "Choose a file to import." in (await browser.follow(none)).text
    odd = await browser.post(
        f"{url}/imports", data={"csrf_token": csrf}, files={"file": ("my data!.csv", content)}
    )
    assert "Rename the file" in (await browser.follow(odd)).text

    posted = await browser.post(
        f"{url}/imports",
        data={"csrf_token": csrf, "format": ""},
        files={"file": ("customers-new.csv", content)},
    )
    assert posted.status_code == 303
    import_id = re.search(r"\?import=(imp_[0-9a-z]+)$", posted.headers["location"]).group(1)  # type: ignore[union-attr]
    shown = await browser.follow(posted)
    assert f"Import {import_id} of customers-new.csv ({len(content):,} bytes, csv) started" in shown.text
    r = await client.get(f"/v1/tenants/acme/imports/{import_id}", headers=bearer(user_token("alice")))
    assert r.status_code == 200, r.text
    stored = r.json()
    assert stored["format"] == "csv" and [f["name"] for f in stored["files"]] == ["customers-new.csv"]
    assert stored["files"][0]["size_bytes"] == len(content) and stored["job_id"]
    # No worker runs here: the job waits (the page refreshes its progress by itself while it does) ...
    assert re.search(
        r'<div id="import-progress" data-testid="import-progress" hx-get="[^"]+" hx-trigger="every 2s"',
        shown.text,
    )
    assert "1 job running: progress refreshes by itself" in shown.text
    # ... and the page offers to cancel it (then to retry it).
    cancel = re.search(r'action="([^"]+/jobs/' + stored["job_id"] + r'/cancel)"', shown.text)
    assert cancel, "no cancel button for a queued import job"
    cancelled = await browser.follow(
        await browser.post(cancel.group(1), data={"csrf_token": csrf_of(shown.text)})
    )
    assert f"Job {stored['job_id']}: cancel requested" in cancelled.text
    job = (
        await client.get(f"/v1/tenants/acme/jobs/{stored['job_id']}", headers=bearer(user_token("alice")))
    ).json()
    assert job["state"] == "cancelled"  # a queued job is cancelled at once
    assert f"/jobs/{stored['job_id']}/retry" in cancelled.text
    assert '<div id="import-progress" data-testid="import-progress">' in cancelled.text  # no more polling
    bogus = await browser.post(
        cancel.group(1).replace("/cancel", "/explode"), data={"csrf_token": csrf_of(shown.text)}
    )
    assert "No such job action: explode." in (await browser.follow(bogus)).text


async def test_an_export_starts_with_region_range_and_stricter_redactions(
    browser: Browser,  # noqa: F811
    client: httpx.AsyncClient,
    user_token: Callable[[str], str],
) -> None:
    demo = await _demo(client, user_token("alice"))
    await browser.sign_in("erin", totp=True)  # tenant admin: may export
    url = f"{CONSOLE}/t/acme/data/{demo['id']}"
    page = await browser.get(url)
    csrf = csrf_of(page.text)
    missing = await browser.post(f"{url}/exports", data={"csrf_token": csrf, "recipient": "  "})
    assert "Name who receives the export" in (await browser.follow(missing)).text
    form = {
        "csrf_token": csrf,
        "recipient": "Auditor Console Test",
        "destination_region": demo["residency"],
        "since": "2026-01-01",
        "until": "not a date",
        "redact:name": "hash",
        "redact:lifetime_value": "keep",  # "default": sent as nothing
        "redact:bogus": "explode",
    }
    started = await browser.follow(await browser.post(f"{url}/exports", data=form))
    assert "for Auditor Console Test started" in started.text
    r = await client.get(
        f"/v1/tenants/acme/datasets/{demo['id']}/exports", headers=bearer(user_token("alice"))
    )
    export = next(e for e in r.json()["items"] if e["recipient"] == "Auditor Console Test")
    assert export["destination_region"] == demo["residency"] and export["since"].startswith(
        "2026-01-01T00:00:00"
    )
    assert export["until"] is None and export["redactions"].get("name") == "hash"
    from companyos_server.platform.dataprotection import redaction

    defaults, _ = redaction.resolve({"lifetime_value": "confidential"}, None)
    assert export["redactions"]["lifetime_value"] == defaults["lifetime_value"]  # "default" sent nothing


async def test_a_viewer_sees_the_data_controls_disabled_with_reasons(
    browser: Browser,  # noqa: F811
    client: httpx.AsyncClient,
    user_token: Callable[[str], str],
) -> None:
    demo = await _demo(client, user_token("alice"))
    await browser.sign_in("bob")
    page = await browser.get(f"{CONSOLE}/t/acme/data/{demo['id']}")
    assert page.status_code == 200
    assert 'id="start-import" disabled' in page.text and 'id="start-export" disabled' in page.text
    assert re.search(r'id="start-import-reason"[^>]*>Not available to you: [^<]*datasets:import', page.text)
    assert re.search(r'id="retry-rows-imp_[0-9a-z]+" disabled', page.text)  # the seeded import's quarantine
    posted = await browser.post(
        f"{CONSOLE}/t/acme/data/{demo['id']}/exports",
        data={"csrf_token": csrf_of(page.text), "recipient": "x"},
    )
    assert re.search(
        r'class="flash flash-error"[^>]*>[^<]*datasets:export', (await browser.follow(posted)).text
    )


async def test_an_import_form_sent_twice_is_one_import_and_an_oversized_upload_is_refused_unread(
    browser: Browser,  # noqa: F811
    client: httpx.AsyncClient,
    user_token: Callable[[str], str],
) -> None:
    from companyos_server.domains.datasets.seed import sample_csv

    demo = await _demo(client, user_token("alice"))
    await browser.sign_in("alice", totp=True)
    url = f"{CONSOLE}/t/acme/data/{demo['id']}"
    fields = hidden_fields((await browser.get(url)).text)
    form = {"csrf_token": fields["csrf_token"], "form_key": fields["form_key"]}
    content = sample_csv(rows=20, seed=7)
    first = await browser.post(f"{url}/imports", data=form, files={"file": ("twice.csv", content)})
    second = await browser.post(f"{url}/imports", data=form, files={"file": ("twice.csv", content)})
    assert first.headers["location"] == second.headers["location"]  # the same import, shown again
    assert "started: progress below" in (await browser.follow(second)).text
    listed = await client.get(
        f"/v1/tenants/acme/datasets/{demo['id']}/imports", headers=bearer(user_token("alice"))
    )
    assert [i["files"][0]["name"] for i in listed.json()["items"]].count("twice.csv") == 1

    huge = await browser.post(
        f"{url}/imports",
        data=form,
        files={"file": ("huge.csv", b"x")},
        headers={"content-length": str(9 << 20)},
    )
    assert huge.status_code == 303
    assert "larger than 8 MiB" in (await browser.follow(huge)).text
