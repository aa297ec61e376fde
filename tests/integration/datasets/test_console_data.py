"""The console's Data pillar: datasets, a dataset's schema, masked sample, imports with progress and partial
failures, exports with the signed pack to download — all read through the SDK."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx

from companyos_server.core.spine.store import verify_archive
from tests.conftest import bearer
from tests.integration.console.conftest import CONSOLE, Browser, browser, csrf_of  # noqa: F401  (fixture)


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
