"""The console's Analytics > Exports & schedules page: export a report now, schedule one, run, pause,
resume and delete a schedule; a viewer sees every control disabled with the policy's reason."""

from __future__ import annotations

import re

from tests.integration.console.conftest import CONSOLE, Browser, browser, csrf_of  # noqa: F401  (fixture)

PAGE = f"{CONSOLE}/t/acme/analytics/exports"


async def test_an_admin_exports_a_report_and_manages_a_schedule(browser: Browser) -> None:  # noqa: F811
    await browser.sign_in("carol")  # platform engineer: may export and schedule
    index = await browser.get(f"{CONSOLE}/t/acme/analytics")
    assert 'data-testid="exports-link"' in index.text
    page = await browser.get(PAGE)
    assert page.status_code == 200, page.text[:500]
    assert "Monthly ops KPIs" in page.text and "every month on day 1 at 07:00" in page.text  # the demo seed's
    csrf = csrf_of(page.text)
    missing = await browser.follow(await browser.post(PAGE, data={"csrf_token": csrf, "report": "adoption"}))
    assert "name who receives the export" in missing.text
    form = {"csrf_token": csrf, "report": "adoption", "feature": "service-map", "days": "14", "format": "parquet",
            "recipient": "Console Board", "destination_region": ""}  # fmt: skip
    started = await browser.follow(await browser.post(PAGE, data=form))
    assert re.search(r"Export aex_\w+ of adoption for Console Board started", started.text), started.text[
        -2000:
    ]
    assert "Console Board" in started.text and 'data-testid="export-row"' in started.text
    refused = await browser.follow(await browser.post(PAGE, data={**form, "destination_region": "us"}))
    assert "residency-eu-analytics-export" in refused.text

    schedule = {"csrf_token": csrf, "name": "Console weekly", "report": "active_users", "feature": "service-map",
                "days": "7", "format": "csv", "recipients": "cfo@example.com\nops@example.com, cfo@example.com",
                "every": "week", "weekday": "tue", "at": "08:15"}  # fmt: skip
    created = await browser.follow(await browser.post(f"{CONSOLE}/t/acme/analytics/schedules", data=schedule))
    assert "Scheduled “Console weekly”" in created.text, created.text[-2000:]
    assert "every week on tue at 08:15" in created.text and "cfo@example.com, ops@example.com" in created.text
    schedule_id = re.search(r"/analytics/schedules/(rsch_\w+)/run", created.text).group(1)  # type: ignore[union-attr]
    base = f"{CONSOLE}/t/acme/analytics/schedules/{schedule_id}"
    ran = await browser.follow(await browser.post(f"{base}/run", data={"csrf_token": csrf}))
    assert "Delivering now: 2 export(s), one per recipient." in ran.text
    paused = await browser.follow(await browser.post(f"{base}/pause", data={"csrf_token": csrf}))
    assert "“Console weekly” paused." in paused.text and f"{schedule_id}/resume" in paused.text
    resumed = await browser.follow(await browser.post(f"{base}/resume", data={"csrf_token": csrf}))
    assert "“Console weekly” resumed." in resumed.text
    bogus = await browser.follow(await browser.post(f"{base}/explode", data={"csrf_token": csrf}))
    assert "No such schedule action: explode." in bogus.text
    gone = await browser.follow(await browser.post(f"{base}/delete", data={"csrf_token": csrf}))
    assert f"Schedule {schedule_id} removed" in gone.text and f"{schedule_id}/run" not in gone.text


async def test_a_viewer_sees_export_and_schedule_controls_disabled_with_reasons(browser: Browser) -> None:  # noqa: F811
    await browser.sign_in("bob")
    page = await browser.get(PAGE)
    assert page.status_code == 200
    assert re.search(r'id="start-analytics-export" disabled', page.text)
    assert re.search(r'id="create-schedule" disabled', page.text)
    assert "Not available to you:" in page.text
