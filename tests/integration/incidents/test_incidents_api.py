"""Incidents through HTTP: lifecycle, automatic status timeline, responders, tasks, checklist who-ticked-what."""

from __future__ import annotations

import httpx

from tests.integration.alerts.helpers import Mint, ensure_service, member


async def test_incident_lifecycle_timeline_and_checklist(client: httpx.AsyncClient, mint: Mint) -> None:
    service_id = await ensure_service(client, mint, "acme", "checkout-api")
    alice = member(mint, "acme", "sre", subject="usr_alice")
    bob = member(mint, "acme", "platform_engineer", subject="usr_bob")
    body = {
        "title": "Checkout error rate above SLO",
        "severity": "sev2",
        "service_ids": [service_id],
        "checklist": ["Check recent deployments", "Roll back if a deploy correlates"],
        "dashboards": [{"url": "https://grafana.example/d/checkout", "title": "Checkout"}],
    }
    r = await client.post("/v1/tenants/acme/incidents", json=body, headers=alice)
    assert r.status_code == 201, r.text
    incident = r.json()
    path = f"/v1/tenants/acme/incidents/{incident['id']}"
    assert incident["responders"] == [
        {
            "subject": "usr_alice",
            "role": "commander",
            "added_by": "usr_alice",
            "added_at": incident["responders"][0]["added_at"],
        }
    ]
    assert [c["text"] for c in incident["checklist"]] == body["checklist"]
    assert incident["dashboards"][0]["title"] == "Checkout"

    r = await client.post(f"{path}/responders", json={"subject": "usr_bob", "role": "ops"}, headers=alice)
    assert {(x["subject"], x["role"]) for x in r.json()["responders"]} == {
        ("usr_alice", "commander"),
        ("usr_bob", "ops"),
    }

    for status in ("identified", "monitoring", "resolved"):
        r = await client.patch(path, json={"status": status, "status_note": f"now {status}"}, headers=bob)
        assert r.status_code == 200, r.text
    incident = r.json()
    assert incident["status"] == "resolved" and incident["resolved_at"] is not None
    changes = [e for e in incident["timeline"] if e["kind"] == "status_change"]
    assert [e["text"] for e in changes] == [
        "Incident opened (sev2, investigating)",
        "Status investigating → identified: now identified",
        "Status identified → monitoring: now monitoring",
        "Status monitoring → resolved: now resolved",
    ]
    assert {e["author"] for e in changes[1:]} == {"usr_bob"}
    # A no-op status patch adds nothing.
    same = await client.patch(path, json={"status": "resolved"}, headers=bob)
    assert len(same.json()["timeline"]) == len(incident["timeline"])

    r = await client.post(
        f"{path}/timeline", json={"kind": "note", "text": "Deploy 2.14.0 correlates"}, headers=alice
    )
    assert r.status_code == 201 and r.json()["author"] == "usr_alice"
    r = await client.post(
        f"{path}/tasks", json={"ref": "plan_run:run_01abc", "title": "Roll back"}, headers=alice
    )
    assert [t["ref"] for t in r.json()["tasks"]] == ["plan_run:run_01abc"]

    first, second = incident["checklist"]
    r = await client.post(f"{path}/checklist/{first['id']}/check", headers=alice)
    assert r.status_code == 200 and (r.json()["checked"], r.json()["checked_by"]) == (True, "usr_alice")
    r = await client.post(f"{path}/checklist/{second['id']}/check", headers=bob)
    assert r.json()["checked_by"] == "usr_bob"
    again = await client.post(f"{path}/checklist/{first['id']}/check", headers=bob)
    assert again.json()["checked_by"] == "usr_alice"  # who ticked first is kept
    added = await client.post(f"{path}/checklist", json={"text": "Write handoff"}, headers=bob)
    assert added.status_code == 201 and added.json()["position"] == 2 and added.json()["checked"] is False

    final = (await client.get(path, headers=member(mint, "acme", "viewer"))).json()
    assert [(c["text"], c["checked_by"]) for c in final["checklist"]] == [
        ("Check recent deployments", "usr_alice"),
        ("Roll back if a deploy correlates", "usr_bob"),
        ("Write handoff", None),
    ]
    kinds = [e["kind"] for e in final["timeline"]]
    assert kinds.count("note") == 1 and kinds.count("status_change") == 4
    assert any(
        e["text"] == "Checked: Check recent deployments" and e["author"] == "usr_alice"
        for e in final["timeline"]
    )
    assert (await client.post(f"{path}/checklist/chk_unknown0000/check", headers=bob)).status_code == 404


async def test_list_filters_and_pagination(client: httpx.AsyncClient, mint: Mint) -> None:
    service_id = await ensure_service(client, mint, "acme", "checkout-api")
    sre = member(mint, "acme", "sre")
    ids = []
    for i, severity in enumerate(["sev1", "sev2", "sev2", "sev3"]):
        body = {
            "title": f"incident {i}",
            "severity": severity,
            **({"service_ids": [service_id]} if i % 2 else {}),
        }
        ids.append((await client.post("/v1/tenants/acme/incidents", json=body, headers=sre)).json()["id"])
    await client.patch(f"/v1/tenants/acme/incidents/{ids[0]}", json={"status": "resolved"}, headers=sre)

    async def listed(**params: object) -> list[str]:
        r = await client.get("/v1/tenants/acme/incidents", params=params, headers=sre)
        assert r.status_code == 200, r.text
        return [i["id"] for i in r.json()["items"] if i["id"] in ids]

    assert await listed(severity="sev2") == [ids[2], ids[1]]
    assert await listed(status="resolved") == [ids[0]]
    assert await listed(service_id=service_id) == [ids[3], ids[1]]
    assert await listed(since="2000-01-01T00:00:00Z") == list(reversed(ids))
    assert await listed(since="2100-01-01T00:00:00Z") == []
    seen, token = [], None
    while True:
        params = {"page_size": 3, **({"page_token": token} if token else {})}
        page = (await client.get("/v1/tenants/acme/incidents", params=params, headers=sre)).json()
        seen += [i["id"] for i in page["items"]]
        token = page.get("next_page_token")
        if not token:
            break
    assert [i for i in seen if i in ids] == list(reversed(ids))
    # Viewers read but cannot open incidents.
    viewer = member(mint, "acme", "viewer")
    assert (
        await client.post(
            "/v1/tenants/acme/incidents", json={"title": "x", "severity": "sev4"}, headers=viewer
        )
    ).status_code == 403
    # An unknown service is refused.
    r = await client.post(
        "/v1/tenants/acme/incidents",
        json={"title": "x", "severity": "sev4", "service_ids": ["svc_nope"]},
        headers=sre,
    )
    assert r.status_code == 404
