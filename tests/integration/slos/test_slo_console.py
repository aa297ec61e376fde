"""The SLO Doctor console pillar through the SDK: the services list, a service's report view with its
recommendations, backtests and charts, and the form that starts a report job."""

from __future__ import annotations

import json
import re
from typing import Any

from companyos_server.domains.slos import reports
from companyos_server.platform.runtime import Runtime
from tests.integration.console.conftest import CONSOLE, Browser, browser, csrf_of  # noqa: F401 (fixture)


async def test_report_view_shows_recommendations_and_their_backtests(
    browser: Browser,  # noqa: F811
    runtime: Runtime,
    seeded: dict[str, Any],
) -> None:
    await browser.sign_in("alice", totp=True)
    listing = await browser.get(f"{CONSOLE}/t/acme/slos")
    assert listing.status_code == 200, listing.text[:500]
    assert "SLO Doctor" in listing.text and "ledger-ops" in listing.text
    service_id = re.search(r'/t/acme/slos/(svc_[0-9a-z]+)">ledger-ops<', listing.text).group(1)  # type: ignore[union-attr]
    empty = await browser.get(f"{CONSOLE}/t/acme/slos/{service_id}")
    assert empty.status_code == 200 and "No health report yet." in empty.text
    assert "ledger-availability" in empty.text

    reports.generate(runtime.db, "acme", service_id, days=30, actor="test", charts=False)
    page = await browser.get(f"{CONSOLE}/t/acme/slos/{service_id}")
    assert page.status_code == 200, page.text[:500]
    assert "Recommendations and their backtests" in page.text and "Roll back v3.4.0" in page.text
    assert "<script>" not in page.text and " style=" not in page.text  # nothing inline (CSP)
    spec = re.search(r'<script type="application/json" id="backtest-spec">(.*?)</script>', page.text, re.S)
    assert spec and json.loads(spec.group(1))["$schema"].startswith(
        "https://vega.github.io/schema/vega-lite/"
    )
    assert 'id="burn-spec"' in page.text
    assert 'src="/console/static/console.js"' in page.text  # what draws the specs
    # The burn rates are also a table (readable without JavaScript): a value per SLO and window.
    table = page.text[page.text.index('data-testid="burn-rates"') :].split("</table>")[0]
    assert re.search(
        r'<th scope="row">ledger-availability</th>(<td>(\d+\.\d\d[^<]*(<span[^>]*>[^<]*</span>)?|—)</td>){4}',
        table,
    )

    started = await browser.post(
        f"{CONSOLE}/t/acme/slos/{service_id}", data={"csrf_token": csrf_of(page.text)}
    )
    assert started.status_code == 303 and started.headers["location"] == f"/console/t/acme/slos/{service_id}"
    assert "Report job job_" in (await browser.follow(started)).text  # post, redirect, get: no resubmit


async def test_a_viewer_may_not_start_a_report(browser: Browser, runtime: Runtime) -> None:  # noqa: F811
    await browser.sign_in("bob")
    listing = await browser.get(f"{CONSOLE}/t/acme/slos")
    service_id = re.search(r'/t/acme/slos/(svc_[0-9a-z]+)">ledger-ops<', listing.text).group(1)  # type: ignore[union-attr]
    page = await browser.get(f"{CONSOLE}/t/acme/slos/{service_id}")
    assert 'id="generate-report" disabled' in page.text and "slos:report" in page.text
