"""The domain pillars in Chromium: axe finds no serious or critical violation on any of them, and the SLO
Doctor's report draws its charts (burn rate, backtest) once its job has run. Screenshots: ``dom-…``."""

from __future__ import annotations

import re
import time
from typing import Any

from tests.console.test_browser import (
    CSPWatch,
    axe_module,
    chromium,  # noqa: F401 (module-scoped fixture)
    context,  # noqa: F401
    shot,
    sign_in,
    users,  # noqa: F401
)
from tools.live_server import LiveServer

DOMAIN_PAGES = {
    "slo-doctor": "/console/t/acme/slos",
    "security": "/console/t/acme/security",
    "features": "/console/t/acme/features",
    "analytics": "/console/t/acme/analytics",
    "analytics-exports": "/console/t/acme/analytics/exports",
    "data": "/console/t/acme/data",
}


def serious(page: Any) -> list[str]:
    results = axe_module.Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


def test_axe_on_every_domain_page(
    context: Any,  # noqa: F811
    server: LiveServer,
    users: dict[str, Any],  # noqa: F811
) -> None:
    page = context.new_page()
    sign_in(page, server, users, "carol", totp=False)  # platform engineer: reads every pillar
    failures: dict[str, list[str]] = {}
    for name, path in DOMAIN_PAGES.items():
        response = page.goto(f"{server.url}{path}")
        assert response is not None and response.status == 200, (name, response and response.status)
        if bad := serious(page):
            failures[name] = bad
        shot(page, f"dom-axe-{name}")
    # A dataset's page: the import and export forms and the per-row job controls.
    page.goto(f"{server.url}/console/t/acme/data")
    page.get_by_role("link", name="customers-demo", exact=True).click()
    page.wait_for_url(re.compile(r".*/data/ds_[0-9a-z]+$"))
    if bad := serious(page):
        failures["dataset"] = bad
    shot(page, "dom-axe-dataset")
    # The export's evidence pack, and a feature's page.
    page.get_by_test_id("export-evidence").first.click()
    page.wait_for_url(re.compile(r".*/evidence/[A-Za-z0-9_-]+$"))
    if bad := serious(page):
        failures["evidence"] = bad
    shot(page, "dom-axe-evidence")
    page.goto(f"{server.url}/console/t/acme/features")
    page.locator("a[href*='/features/']").first.click()
    page.wait_for_url(re.compile(r".*/features/[a-z0-9-]+$"))
    if bad := serious(page):
        failures["feature"] = bad
    shot(page, "dom-axe-feature")
    assert failures == {}


def test_the_slo_doctor_report_draws_its_charts(
    context: Any,  # noqa: F811
    server: LiveServer,
    users: dict[str, Any],  # noqa: F811
) -> None:
    page = context.new_page()
    csp = CSPWatch(page)
    sign_in(page, server, users, "alice", totp=False)
    page.goto(f"{server.url}/console/t/acme/slos")
    page.get_by_role("link", name="ledger-ops", exact=True).click()
    page.wait_for_url(re.compile(r".*/slos/svc_[0-9a-z]+$"))
    page.get_by_role("button", name="Generate a health report").click()
    page.get_by_role("status").filter(has_text="Report job").wait_for()
    deadline = time.monotonic() + 120  # the job worker builds 30 days of history
    while not page.get_by_test_id("burn-rates").count():
        assert time.monotonic() < deadline, "the report job did not finish"
        time.sleep(2)
        page.reload()
    for spec in ("burn-spec", "backtest-spec"):
        chart = page.locator(f'[data-vega-spec="{spec}"]')
        chart.locator("svg").wait_for(timeout=30_000)  # drawn by vega-embed, under the CSP
        assert chart.is_visible() and chart.get_attribute("data-chart-error") is None
    shot(page, "dom-slo-report")
    assert serious(page) == []
    assert csp.violations == []


def test_the_dependency_graph_and_throughput_charts_are_drawn(
    context: Any,  # noqa: F811
    server: LiveServer,
    users: dict[str, Any],  # noqa: F811
) -> None:
    page = context.new_page()
    csp = CSPWatch(page)
    sign_in(page, server, users, "bob", totp=False)
    page.goto(f"{server.url}/console/t/acme/services")
    page.get_by_role("link", name="payments-gateway", exact=True).click()
    page.locator('[data-vega-spec="dependency-spec"] svg').wait_for(timeout=30_000)
    shot(page, "dom-dependency-graph")
    page.goto(f"{server.url}/console/t/acme/deployments")
    page.locator('[data-vega-spec="throughput-spec"] svg').wait_for(timeout=30_000)
    shot(page, "dom-throughput")
    assert csp.violations == []


NARROW_PAGES = (
    "/console/t/acme/",
    "/console/t/acme/alerts",
    "/console/t/acme/services",
    "/console/t/acme/deployments",
    "/console/t/acme/incidents",
    "/console/t/acme/policies",
    "/console/t/acme/tenant",
    "/console/t/acme/features",
    "/console/t/acme/data",
)


def test_a_phone_sized_screen_reads_the_main_pages_without_sideways_scrolling(
    chromium: Any,  # noqa: F811
    server: LiveServer,
    users: dict[str, Any],  # noqa: F811
) -> None:
    phone = chromium.new_context(viewport={"width": 390, "height": 844})
    try:
        page = phone.new_page()
        sign_in(page, server, users, "bob", totp=False)
        wide = {}
        for path in NARROW_PAGES:
            page.goto(f"{server.url}{path}")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 1:
                wide[path] = overflow
            shot(page, "dom-narrow-" + (path.rstrip("/").rsplit("/", 1)[-1] or "home"))
        assert wide == {}, f"pages wider than the screen (px): {wide}"
    finally:
        phone.close()
