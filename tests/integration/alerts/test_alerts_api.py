"""The alerts inbox through HTTP: real Alertmanager v4 payloads, ingest auth, ack, silence, incidents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.integration.alerts.helpers import (
    Mint,
    admin,
    alertmanager_payload,
    am_alert,
    ensure_service,
    ingest_key,
    member,
)

INGEST = "/v1/tenants/{tenant}/alerts/ingest/alertmanager"


async def test_grouped_firing_then_resolved_dedups_by_fingerprint(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    service_id = await ensure_service(
        client, mint, "acme", "checkout-api", slo={"objective": 99.5, "window_days": 28}
    )
    token = await ingest_key(client, mint, "acme")
    payload = alertmanager_payload(
        am_alert("a1b2c3d4e5f60718", instance="checkout-api-1:8080"),
        am_alert("0f1e2d3c4b5a6978", instance="checkout-api-2:8080", severity="warning"),
        am_alert("1111222233334444", service="ghost-service", severity="page"),
    )
    r = await client.post(INGEST.format(tenant="acme"), json=payload, headers=bearer(token))
    assert r.status_code == 200, r.text
    result = r.json()
    assert (result["received"], result["created"], result["updated"], result["resolved"]) == (3, 3, 0, 0)
    ids = result["alert_ids"]

    # Alertmanager repeats the group notification (repeat_interval): same fingerprints, no new alerts.
    again = await client.post(INGEST.format(tenant="acme"), json=payload, headers=bearer(token))
    assert again.json()["created"] == 0 and again.json()["updated"] == 3
    assert again.json()["alert_ids"] == ids

    reader = member(mint, "acme", "viewer")
    ours = {"a1b2c3d4e5f60718", "0f1e2d3c4b5a6978", "1111222233334444"}  # beside the demo seed's alerts
    inbox = [
        a
        for a in (await client.get("/v1/tenants/acme/alerts", headers=reader)).json()["items"]
        if a["fingerprint"] in ours
    ]
    assert len(inbox) == 3
    by_fp = {a["fingerprint"]: a for a in inbox}
    first = by_fp["a1b2c3d4e5f60718"]
    assert first["status"] == "firing" and first["severity"] == "critical"
    assert first["service"] == "checkout-api" and first["service_id"] == service_id
    assert first["starts_at"].startswith("2026-11-26T09:58:00.123456")
    assert first["ends_at"] is None
    impact = first["error_budget_impact"]
    assert impact["slo_source"] == "service" and impact["slo_objective"] == 99.5
    assert impact["slo_window_days"] == 28 and impact["burn_rate"] == 14.4
    assert impact["budget_percent_per_hour"] == pytest.approx(100 * 14.4 / (28 * 24), abs=1e-3)
    assert by_fp["0f1e2d3c4b5a6978"]["severity"] == "warning"
    ghost = by_fp["1111222233334444"]
    assert ghost["service_id"] is None and ghost["service"] == "ghost-service"
    assert ghost["severity"] == "critical"  # "page" is an alias of critical
    assert ghost["error_budget_impact"]["slo_source"] == "default"

    only_warning = await client.get("/v1/tenants/acme/alerts", params={"severity": "warning"}, headers=reader)
    assert [a["fingerprint"] for a in only_warning.json()["items"] if a["fingerprint"] in ours] == [
        "0f1e2d3c4b5a6978"
    ]
    assert {a["severity"] for a in only_warning.json()["items"]} == {"warning"}
    by_service = await client.get(
        "/v1/tenants/acme/alerts", params={"service_id": service_id}, headers=reader
    )
    assert {a["fingerprint"] for a in by_service.json()["items"] if a["fingerprint"] in ours} == {
        "a1b2c3d4e5f60718",
        "0f1e2d3c4b5a6978",
    }
    assert {a["service_id"] for a in by_service.json()["items"]} == {service_id}

    # One alert of the group resolves: Alertmanager sends the group with that alert resolved.
    resolved = alertmanager_payload(
        am_alert(
            "a1b2c3d4e5f60718",
            status="resolved",
            ends_at="2026-11-26T10:28:00Z",
            instance="checkout-api-1:8080",
        ),
        am_alert("0f1e2d3c4b5a6978", instance="checkout-api-2:8080", severity="warning"),
    )
    r = await client.post(INGEST.format(tenant="acme"), json=resolved, headers=bearer(token))
    assert (r.json()["resolved"], r.json()["updated"], r.json()["created"]) == (1, 1, 0)
    alert = (await client.get(f"/v1/tenants/acme/alerts/{first['id']}", headers=reader)).json()
    assert alert["status"] == "resolved"
    assert alert["ends_at"].startswith("2026-11-26T10:28:00")
    # 30 minutes at 14.4x over a 28-day window.
    assert alert["error_budget_impact"]["firing_minutes"] == pytest.approx(30.0, abs=0.1)
    assert alert["error_budget_impact"]["budget_consumed_percent"] == pytest.approx(
        100 * 14.4 * 0.5 / (28 * 24), abs=1e-3
    )
    firing = await client.get("/v1/tenants/acme/alerts", params={"status": "firing"}, headers=reader)
    assert {a["fingerprint"] for a in firing.json()["items"] if a["fingerprint"] in ours} == {
        "0f1e2d3c4b5a6978",
        "1111222233334444",
    }

    # Fires again later: the same alert, a second occurrence.
    refire = alertmanager_payload(am_alert("a1b2c3d4e5f60718", starts_at="2026-11-26T12:00:00Z"))
    await client.post(INGEST.format(tenant="acme"), json=refire, headers=bearer(token))
    alert = (await client.get(f"/v1/tenants/acme/alerts/{first['id']}", headers=reader)).json()
    assert (alert["status"], alert["occurrences"], alert["ends_at"]) == ("firing", 2, None)


async def test_ingest_authentication(client: httpx.AsyncClient, mint: Mint) -> None:
    acme_key = await ingest_key(client, mint, "acme")
    payload = alertmanager_payload(am_alert("feedfacecafe0001"))

    # An acme key on globex's endpoint is not a credential for globex.
    r = await client.post(INGEST.format(tenant="globex"), json=payload, headers=bearer(acme_key))
    assert r.status_code == 401 and r.headers["content-type"].startswith("application/problem+json")
    # A tampered secret, and no credential at all.
    key_id, _, secret = acme_key.partition(".")
    tampered = ("y" if secret[0] == "x" else "x") + secret[1:]  # never the secret itself (was flaky 1 in 64)
    r = await client.post(INGEST.format(tenant="acme"), json=payload, headers=bearer(f"{key_id}.{tampered}"))
    assert r.status_code == 401
    assert (await client.post(INGEST.format(tenant="acme"), json=payload)).status_code == 401
    # A user's access token on the ingest endpoint: no role of theirs may ingest.
    for role in ("sre", "tenant_admin", "viewer"):
        r = await client.post(INGEST.format(tenant="acme"), json=payload, headers=member(mint, "acme", role))
        assert r.status_code == 403, (role, r.text)
    # The ingest key anywhere else is refused.
    assert (await client.get("/v1/tenants/acme/alerts", headers=bearer(acme_key))).status_code == 401
    assert (await client.get("/v1/tenants/acme", headers=bearer(acme_key))).status_code == 401
    # Nothing was ingested by the refused calls; the right key works.

    async def fingerprints(tenant: str) -> set[str]:
        r = await client.get(f"/v1/tenants/{tenant}/alerts", params={"page_size": 500}, headers=admin(mint))
        return {a["fingerprint"] for a in r.json()["items"]}

    assert "feedfacecafe0001" not in await fingerprints("acme")
    r = await client.post(INGEST.format(tenant="acme"), json=payload, headers=bearer(acme_key))
    assert r.status_code == 200 and r.json()["created"] == 1
    assert "feedfacecafe0001" in await fingerprints("acme")
    assert "feedfacecafe0001" not in await fingerprints("globex")


async def test_rotation_retires_the_old_key(client: httpx.AsyncClient, mint: Mint) -> None:
    tenant_admin = member(mint, "acme", "tenant_admin")
    created = (await client.post("/v1/tenants/acme/alerts/ingest-keys", json={}, headers=tenant_admin)).json()
    old_token = created["token"]
    r = await client.post(f"/v1/tenants/acme/alerts/ingest-keys/{created['id']}/rotate", headers=tenant_admin)
    assert r.status_code == 201, r.text
    new_token = r.json()["token"]
    payload = alertmanager_payload(am_alert("0000aaaa1111bbbb"))
    assert (
        await client.post(INGEST.format(tenant="acme"), json=payload, headers=bearer(old_token))
    ).status_code == 401
    assert (
        await client.post(INGEST.format(tenant="acme"), json=payload, headers=bearer(new_token))
    ).status_code == 200
    keys = (await client.get("/v1/tenants/acme/alerts/ingest-keys", headers=tenant_admin)).json()["items"]
    assert {k["status"] for k in keys} == {"active", "revoked"}
    assert all("token" not in k for k in keys)
    # Only tenant admins manage keys.
    r = await client.post("/v1/tenants/acme/alerts/ingest-keys", json={}, headers=member(mint, "acme", "sre"))
    assert r.status_code == 403


async def _one_alert(client: httpx.AsyncClient, mint: Mint, fingerprint: str = "ab12cd34ef56ab78") -> str:
    token = await ingest_key(client, mint, "acme")
    r = await client.post(
        INGEST.format(tenant="acme"), json=alertmanager_payload(am_alert(fingerprint)), headers=bearer(token)
    )
    return str(r.json()["alert_ids"][0])


async def test_acknowledge_keeps_the_first_acknowledger(client: httpx.AsyncClient, mint: Mint) -> None:
    alert_id = await _one_alert(client, mint)
    viewer = member(mint, "acme", "viewer")
    assert (
        await client.post(f"/v1/tenants/acme/alerts/{alert_id}/acknowledge", headers=viewer)
    ).status_code == 403
    sre = member(mint, "acme", "sre", subject="usr_alice")
    r = await client.post(f"/v1/tenants/acme/alerts/{alert_id}/acknowledge", headers=sre)
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["acknowledged_by"]) == ("acknowledged", "usr_alice")
    other = member(mint, "acme", "sre", subject="usr_bob")
    again = await client.post(f"/v1/tenants/acme/alerts/{alert_id}/acknowledge", headers=other)
    assert again.json()["acknowledged_by"] == "usr_alice"


async def test_silence_lapses_on_read_after_expiry(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    alert_id = await _one_alert(client, mint)
    sre = member(mint, "acme", "sre")
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    r = await client.post(f"/v1/tenants/acme/alerts/{alert_id}/silence", json={"until": past}, headers=sre)
    assert r.status_code == 409
    until = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    r = await client.post(
        f"/v1/tenants/acme/alerts/{alert_id}/silence",
        json={"until": until, "reason": "failover"},
        headers=sre,
    )
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["silence_reason"]) == ("silenced", "failover")
    silenced = await client.get("/v1/tenants/acme/alerts", params={"status": "silenced"}, headers=sre)
    assert [a["id"] for a in silenced.json()["items"]] == [alert_id]

    # Time passes: move the silence's end into the past, as the clock would.
    from companyos_server.domains.alerts import store

    with runtime.db.session() as session:
        row = store.get(session, "acme", alert_id)
        assert row is not None
        row.silenced_until = datetime.now(UTC) - timedelta(seconds=1)
    alert = (await client.get(f"/v1/tenants/acme/alerts/{alert_id}", headers=sre)).json()
    assert alert["status"] == "firing" and alert["silenced_until"] is None
    assert (await client.get("/v1/tenants/acme/alerts", params={"status": "silenced"}, headers=sre)).json()[
        "items"
    ] == []


async def test_open_incident_is_idempotent(client: httpx.AsyncClient, mint: Mint) -> None:
    service_id = await ensure_service(client, mint, "acme", "checkout-api")
    alert_id = await _one_alert(client, mint)
    sre = member(mint, "acme", "sre", subject="usr_alice")
    first = await client.post(f"/v1/tenants/acme/alerts/{alert_id}/incident", headers=sre)
    assert first.status_code == 201, first.text
    incident = first.json()
    assert first.headers["location"] == f"/v1/tenants/acme/incidents/{incident['id']}"
    assert incident["source_alert_id"] == alert_id and incident["service_ids"] == [service_id]
    assert incident["severity"] == "sev2" and incident["status"] == "investigating"
    assert (
        incident["responders"][0]["subject"] == "usr_alice"
        and incident["responders"][0]["role"] == "commander"
    )
    assert [e["kind"] for e in incident["timeline"]] == ["status_change", "alert"]
    assert len(incident["checklist"]) == 6 and "checkout-api" in incident["checklist"][2]["text"]

    second = await client.post(
        f"/v1/tenants/acme/alerts/{alert_id}/incident", json={"severity": "sev1"}, headers=sre
    )
    assert second.status_code == 200 and second.json()["id"] == incident["id"]
    assert second.json()["severity"] == "sev2"
    # The create operation with alert_id is the same idempotent path.
    third = await client.post(
        "/v1/tenants/acme/incidents",
        json={"title": "x", "severity": "sev3", "alert_id": alert_id},
        headers=sre,
    )
    assert third.status_code == 200 and third.json()["id"] == incident["id"]
    alert = (await client.get(f"/v1/tenants/acme/alerts/{alert_id}", headers=sre)).json()
    assert alert["incident_id"] == incident["id"]
    listed = (await client.get("/v1/tenants/acme/incidents", headers=sre)).json()["items"]
    assert [i["id"] for i in listed if i["source_alert_id"] == alert_id] == [incident["id"]]
    # Unknown alert → 404.
    r = await client.post("/v1/tenants/acme/alerts/alt_doesnotexist000/incident", headers=sre)
    assert r.status_code == 404
