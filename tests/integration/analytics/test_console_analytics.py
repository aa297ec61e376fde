"""The console's Analytics pillar rendered through the SDK: the adoption card, adoption by role, ops KPIs
and cohort retention, with the filters (feature, window, environment) and a cohort comparison applied."""

from __future__ import annotations

import json
import re

from tests.integration.console.conftest import CONSOLE, Browser, browser  # noqa: F401  (fixture)


async def test_the_analytics_page_renders_with_filters_and_a_cohort_comparison(
    browser: Browser,  # noqa: F811
) -> None:
    await browser.sign_in("carol")
    page = await browser.get(f"{CONSOLE}/t/acme/analytics")
    assert page.status_code == 200, page.text[:500]
    assert 'data-testid="adoption-card"' in page.text and "Feature service-map adoption (30 d)" in page.text
    roles = re.findall(r'name="compare" value="([a-z_]+)"', page.text)
    assert roles, "the retention breakdown offers cohorts to compare"
    chosen = roles[:2]
    filtered = await browser.get(
        f"{CONSOLE}/t/acme/analytics",
        params=[("feature", "service-map"), ("days", "7"), *(("compare", r) for r in chosen)],
    )
    assert filtered.status_code == 200 and "Feature service-map adoption (7 d)" in filtered.text
    for role in chosen:
        assert f'name="compare" value="{role}" checked' in filtered.text
    spec = re.search(r'<script type="application/json" id="cohort-spec">(.*?)</script>', filtered.text, re.S)
    assert spec, "the compared cohorts' retention curves"
    groups = {v["group"] for v in json.loads(spec.group(1))["data"]["values"]}
    assert groups and groups <= set(chosen)  # only the cohorts asked for
    # Out-of-range and unknown filter values fall back instead of failing.
    odd = await browser.get(f"{CONSOLE}/t/acme/analytics", params={"days": "abc", "env": "mars"})
    assert odd.status_code == 200 and "adoption (30 d)" in odd.text
