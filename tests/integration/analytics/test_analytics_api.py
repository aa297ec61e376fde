"""The analytics operations over HTTP: registry (SchemaVer), batch ingest, ops feed, reports, ad-hoc SQL."""

# ruff: noqa: S608 -- the SQL sent to the ad-hoc endpoint is built from constants

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from companyos_server.platform.principal import ACR_MFA
from tests.conftest import bearer

Mint = Callable[..., str]
BASE = "/v1/tenants/acme/analytics"
PROBE = "analytics-probe"  # a feature the demo seed does not use


def as_role(mint: Mint, role: str, tenant: str = "acme") -> dict[str, str]:
    return bearer(mint(f"usr_{tenant}_{role}", tenants={tenant: [role]}))


def ago(**delta: float) -> str:
    return (datetime.now(UTC) - timedelta(**delta)).isoformat().replace("+00:00", "Z")


def earlier_today() -> str:
    """An hour ago, or just after midnight (UTC) in the day's first hour: today's DAU counts it either way."""
    now = datetime.now(UTC)
    moment = max(now - timedelta(hours=1), now.replace(hour=0, minute=0, second=0, microsecond=0))
    return moment.isoformat().replace("+00:00", "Z")


def event(**fields: Any) -> dict[str, Any]:
    return {"schema": "Feature Used", "version": "1-0-0", "ts": earlier_today(), "user_id": "alice",
            "feature": PROBE, "client_type": "console", **fields}  # fmt: skip


async def test_schema_registry_refuses_breaking_changes_without_a_model_bump(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    admin, viewer = as_role(mint, "tenant_admin"), as_role(mint, "viewer")
    body = {"name": "Report Scheduled", "version": "1-0-0", "kind": "product", "category": "feature_usage",
            "properties": {"format": {"type": "string", "required": True}, "recipient": {"type": "string", "pii": "hash"}}}  # fmt: skip
    r = await client.post(f"{BASE}/schemas", json=body, headers=admin)
    assert r.status_code == 201, r.text
    assert (await client.post(f"{BASE}/schemas", json=body, headers=viewer)).status_code == 403
    added = {**body, "version": "1-0-1", "properties": {**body["properties"], "rows": {"type": "integer"}}}
    assert (await client.post(f"{BASE}/schemas", json=added, headers=admin)).status_code == 201
    breaking = {**added, "version": "1-1-0", "properties": {"format": {"type": "integer", "required": True}}}
    r = await client.post(f"{BASE}/schemas", json=breaking, headers=admin)
    assert r.status_code == 409 and r.headers["content-type"].startswith("application/problem+json")
    problem = r.json()
    assert "needs a MODEL bump (expected 2-0-0)" in problem["detail"]
    assert {c["detail"] for c in problem["changes"]} == {
        "type of 'format' changed from string to integer", "property 'recipient' was removed",
        "property 'rows' was removed",
    }  # fmt: skip
    assert (
        await client.post(f"{BASE}/schemas", json={**breaking, "version": "2-0-0"}, headers=admin)
    ).status_code == 201
    bad = await client.post(f"{BASE}/schemas", json={**body, "name": "report_scheduled"}, headers=admin)
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "name"
    listed = (await client.get(f"{BASE}/schemas", params={"name": "Report Scheduled"}, headers=viewer)).json()
    assert [s["version"] for s in listed["items"]] == ["1-0-0", "1-0-1", "2-0-0"]
    builtins = (
        await client.get(f"{BASE}/schemas", params={"kind": "ops", "page_size": 2}, headers=viewer)
    ).json()
    assert len(builtins["items"]) == 2 and builtins["next_page_token"]


async def test_ingest_accepts_event_by_event_and_reports_read_it(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    sre, viewer = as_role(mint, "sre"), as_role(mint, "viewer")
    batch = [
        event(),
        event(user_id="bob", properties={"latency_ms": 120}),
        event(schema="Nope Happened"),
        event(version="9-0-0"),
        event(ts=ago(days=-1)),
        event(ts=ago(days=31)),
        event(tenant_id="globex"),
        event(consent="denied"),
        event(properties={"email": "a@example.com"}),
        event(schema="Report Exported", properties={}),
    ]
    r = await client.post(f"{BASE}/events", json={"events": batch}, headers=sre)
    assert r.status_code == 200, r.text
    result = r.json()
    assert (result["accepted"], result["rejected"], result["partition"]) == (2, 8, "eu")
    codes = {e["index"]: [x["code"] for x in e["errors"]] for e in result["errors"]}
    assert codes == {2: ["unknown_schema"], 3: ["unknown_version"], 4: ["from_future"], 5: ["too_old"],
                     6: ["tenant_mismatch"], 7: ["consent_denied"], 8: ["unknown_property"],
                     9: ["missing_property"]}  # fmt: skip
    dry = await client.post(
        f"{BASE}/events", params={"dry_run": "true"}, json={"events": [event()]}, headers=sre
    )
    assert dry.json()["accepted"] == 1 and dry.json()["dry_run"] is True
    too_many = await client.post(f"{BASE}/events", json={"events": [event()] * 1001}, headers=sre)
    assert too_many.status_code in (400, 413) and too_many.headers["content-type"].startswith(
        "application/problem"
    )

    adoption = await client.get(f"{BASE}/reports/adoption", params={"feature": PROBE, "days": 7, "by": "role"},
                                headers=viewer)  # fmt: skip
    assert adoption.status_code == 200, adoption.text
    sre_row = next(g for g in adoption.json()["groups"] if g["group"] == "sre")
    assert (sre_row["adopters"], sre_row["feature_events"]) == (2, 2)
    assert adoption.json()["freshness"]["events"] >= 2 and adoption.json()["sampling"]["sampled"] is False
    active = (await client.get(f"{BASE}/reports/active-users", params={"days": 7, "feature": PROBE},
                               headers=viewer)).json()  # fmt: skip
    assert (active["dau"], active["mau"]) == (2, 2)
    query = {
        "sql": f"SELECT user_hash, role, properties FROM events WHERE feature = '{PROBE}' ORDER BY user_hash"
    }
    assert (await client.post(f"{BASE}/query", json=query, headers=viewer)).status_code == 403
    rows = (await client.post(f"{BASE}/query", json=query, headers=as_role(mint, "tenant_admin"))).json()[
        "rows"
    ]
    assert len(rows) == 2 and all(
        r[0].startswith("h_") and "alice" not in r[0] and "bob" not in r[0] for r in rows
    )
    unsafe = await client.post(
        f"{BASE}/query", json={"sql": "DROP TABLE events"}, headers=as_role(mint, "tenant_admin")
    )
    assert unsafe.status_code == 400 and unsafe.json()["errors"][0]["code"] == "unsafe_sql"

    # Another tenant sees none of it, and cannot read acme's reports.
    globex = as_role(mint, "tenant_admin", "globex")
    other = await client.post("/v1/tenants/globex/analytics/query", json={"sql": f"SELECT count(*) FROM events WHERE feature = '{PROBE}'"},
                              headers=globex)  # fmt: skip
    assert other.status_code == 200 and other.json()["rows"] == [[0]]
    assert (await client.get(f"{BASE}/reports/active-users", headers=globex)).status_code in (403, 404)


async def test_an_event_resent_with_its_id_is_stored_once(client: httpx.AsyncClient, mint: Mint) -> None:
    sre, admin = as_role(mint, "sre"), as_role(mint, "tenant_admin")
    feature = "dedup-probe"
    batch = [event(id=f"evt-{i}", feature=feature, user_id=f"user{i}") for i in range(3)]
    first = (await client.post(f"{BASE}/events", json={"events": batch}, headers=sre)).json()
    assert (first["accepted"], first["duplicates"]) == (3, 0)
    # The offline queue replays the batch after a lost response, plus one new event and an in-batch repeat.
    again = [*batch, event(id="evt-3", feature=feature, user_id="user3"), event(id="evt-3", feature=feature)]
    second = (await client.post(f"{BASE}/events", json={"events": again}, headers=sre)).json()
    assert (second["accepted"], second["duplicates"], second["rejected"]) == (5, 4, 0)
    query = {"sql": f"SELECT count(*), count(DISTINCT event_id) FROM events WHERE feature = '{feature}'"}
    rows = (await client.post(f"{BASE}/query", json=query, headers=admin)).json()["rows"]
    assert rows == [[4, 4]]
    # Ids are per tenant: globex may use the same ones.
    globex = as_role(mint, "sre", "globex")
    other = await client.post(
        "/v1/tenants/globex/analytics/events", json={"events": batch[:1]}, headers=globex
    )
    assert other.status_code == 200 and other.json()["duplicates"] == 0, other.text


async def test_ops_feed_copies_sli_samples_once_into_ops_kpis(client: httpx.AsyncClient, mint: Mint) -> None:
    sre = as_role(mint, "sre")
    body = {"name": "analytics-probe", "owner": {"team": "sre"}, "tier": "tier-1"}
    service_id = (await client.post("/v1/tenants/acme/services", json=body, headers=sre)).json()["id"]
    base = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
    samples = [
        {"ts": (base + timedelta(minutes=i)).isoformat(), "good": 990 + i, "total": 1000} for i in range(3)
    ]
    r = await client.post(
        f"/v1/tenants/acme/services/{service_id}/sli-samples", json={"samples": samples}, headers=sre
    )
    assert r.status_code == 200, r.text
    first = (await client.post(f"{BASE}/ops-sync", headers=sre)).json()
    assert first["copied"]["sli_samples"] >= 3  # the demo seed's samples too
    again = (await client.post(f"{BASE}/ops-sync", headers=sre)).json()
    assert again["copied"]["sli_samples"] == 0
    kpis = (await client.get(f"{BASE}/reports/ops-kpis", params={"days": 2, "service_id": service_id},
                             headers=sre)).json()  # fmt: skip
    assert (kpis["good_events"], kpis["total_events"], kpis["uptime"]) == (2973, 3000, 0.991)
    assert kpis["ops_events"]["Sli Sample Recorded"] == 3
    retention = await client.get(f"{BASE}/reports/retention", params={"start_event": "Feature Used",
                                 "return_event": "Feature Used", "mode": "unbounded", "periods": 60}, headers=sre)  # fmt: skip
    assert retention.status_code == 200, retention.text
    for cohort in retention.json()["cohorts"]:  # the demo seed's usage: unbounded retention never rises
        assert len(cohort["retained"]) == 61 and cohort["retained"] == sorted(
            cohort["retained"], reverse=True
        )
    funnel = await client.get(f"{BASE}/reports/funnel", params=[("steps", "Page Viewed"), ("steps", "Feature Used")],
                              headers=sre)  # fmt: skip
    users = [s["users"] for s in funnel.json()["steps"]]
    assert funnel.status_code == 200 and users == sorted(users, reverse=True)


async def test_ops_sync_copies_experiment_exposures_as_pseudonymised_product_events(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    fresh_mfa = {"acr": ACR_MFA, "auth_time": int(time.time())}  # a flag write needs a recent step-up
    admin = bearer(mint("usr_ann", tenants={"acme": ["tenant_admin"]}, **fresh_mfa))
    await client.post(
        f"{BASE}/ops-sync", headers=admin
    )  # what the demo seed has (its experiment's exposures)
    flag = {"key": "probe-copy", "enabled": True, "variants": {"control": "Buy", "treatment": "Get it"},
            "default_variant": "control"}  # fmt: skip
    assert (await client.post("/v1/tenants/acme/flags", json=flag, headers=admin)).status_code == 201
    experiment = {"key": "probe-test", "flag_key": "probe-copy", "environment": "production",
                  "control": "control", "treatment": "treatment", "metric": "checkout_conversion"}  # fmt: skip
    r = await client.post("/v1/tenants/acme/experiments", json=experiment, headers=admin)
    assert r.status_code == 201, r.text
    experiment_id = r.json()["id"]
    exposures = [{"subject": "dana", "variant": "control"}, {"subject": "eve", "variant": "treatment"}]
    r = await client.post(
        "/v1/tenants/acme/experiments/probe-test/exposures", json={"events": exposures}, headers=admin
    )
    assert r.status_code == 202, r.text
    # The same person's own product event, ingested: one pseudonym for both.
    r = await client.post(f"{BASE}/events", json={"events": [event(user_id="dana")]}, headers=admin)
    assert r.json()["accepted"] == 1, r.text

    first = (await client.post(f"{BASE}/ops-sync", headers=admin)).json()
    assert first["copied"]["experiment_exposures"] == 2
    again = (await client.post(f"{BASE}/ops-sync", headers=admin)).json()
    assert again["copied"]["experiment_exposures"] == 0  # each exposure is copied once

    sql = ("SELECT user_hash, kind, properties FROM events WHERE name = 'Experiment Exposed' "
           f"AND properties LIKE '%{experiment_id}%' ORDER BY properties")  # fmt: skip
    rows = (await client.post(f"{BASE}/query", json={"sql": sql}, headers=admin)).json()["rows"]
    mine = [r for r in rows if json.loads(r[2])["experiment"] == experiment_id]
    assert [json.loads(r[2])["variant"] for r in mine] == ["control", "treatment"]
    assert all(r[1] == "product" and r[0].startswith("h_") for r in mine)
    assert not any("dana" in r[0] or "eve" in r[0] for r in mine)
    sql = f"SELECT user_hash FROM events WHERE feature = '{PROBE}'"
    [[dana]] = (await client.post(f"{BASE}/query", json={"sql": sql}, headers=admin)).json()["rows"]
    assert dana in {r[0] for r in mine}
