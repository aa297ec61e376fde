"""SecOps through HTTP: bulk ingest → streaming detection → security alerts in the inbox; rules; history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.integration.alerts.helpers import Mint, member

BASE = "/v1/tenants/{tenant}"


def analyst(mint: Mint, tenant: str = "acme") -> dict[str, str]:
    return member(mint, tenant, "security_analyst", subject=f"usr_{tenant}_analyst")


def at(minutes: float, base: datetime | None = None) -> str:
    start = base or datetime.now(UTC) - timedelta(hours=1)
    return (start + timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z")


def failures(principal: str, count: int, ip: str = "203.0.113.7") -> list[dict[str, Any]]:
    return [
        {"occurred_at": at(i * 0.5), "action": "identity.sign_in", "outcome": "failure", "principal": principal,
         "source_ip": ip, "user_agent": "curl/8.0"}
        for i in range(count)
    ]  # fmt: skip


async def test_brute_force_ingest_raises_one_deduplicated_security_alert(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    headers = analyst(mint)
    r = await client.post(
        BASE.format(tenant="acme") + "/security-events/bulk",
        json={"events": failures("mallory", 7)},
        headers=headers,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["accepted"] == 7 and body["rejected"] == 0
    fired = {d["rule"] for d in body["detections"]}
    assert "brute_force" in fired
    assert len(body["alert_ids"]) >= 1
    inbox = (
        await client.get(
            BASE.format(tenant="acme") + "/alerts",
            params={"category": "security", "principal": "mallory"},
            headers=headers,
        )
    ).json()["items"]
    brute = [a for a in inbox if a["rule"] == "brute_force"]
    assert len(brute) == 1  # three anchors (5th, 6th, 7th failure) dedup into one alert
    alert = brute[0]
    assert (
        alert["category"] == "security"
        and alert["principal"] == "mallory"
        and alert["severity"] == "critical"
    )
    assert alert["occurrences"] == 3 and alert["risk"] > 0
    assert alert["detection"]["group"] == {"principal": "mallory"}
    assert "enrichment" in alert["detection"]
    ops = (
        await client.get(
            BASE.format(tenant="acme") + "/alerts", params={"category": "operations"}, headers=headers
        )
    ).json()["items"]
    assert all(a["category"] == "operations" for a in ops)

    profile = (
        await client.get(BASE.format(tenant="acme") + "/security-principals/mallory", headers=headers)
    ).json()
    assert profile["risk"] > 0 and profile["alerts"] and profile["recent_events"]

    # Tenant isolation: globex sees neither the events nor the alert.
    other = analyst(mint, "globex")
    events = (
        await client.get(
            BASE.format(tenant="globex") + "/security-events", params={"principal": "mallory"}, headers=other
        )
    ).json()
    assert events["items"] == []
    denied = await client.get(BASE.format(tenant="acme") + "/security-events", headers=other)
    assert denied.status_code in (403, 404)


async def test_ingest_reports_each_bad_event_and_records_a_spoofed_tenant(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    headers = analyst(mint)
    ndjson = "\n".join([
        f'{{"occurred_at": "{at(1)}", "action": "net.flow", "outcome": "success", "tenant_id": "globex", "source_ip": "10.0.0.1"}}',
        '{"occurred_at": "not a time", "action": "net.flow"}',
        "this is not json",
        f'{{"occurred_at": "{at(2)}", "action": "net.flow", "outcome": "maybe"}}',
    ])  # fmt: skip
    r = await client.post(
        BASE.format(tenant="acme") + "/security-events/bulk", json={"ndjson": ndjson}, headers=headers
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["received"] == 4 and body["accepted"] == 1 and body["rejected"] == 3
    assert [e["index"] for e in body["errors"]] == [1, 2, 3]
    assert body["tenant_mismatches"] == 1
    stored = (
        await client.get(
            BASE.format(tenant="acme") + "/security-events", params={"action": "net.flow"}, headers=headers
        )
    ).json()["items"]
    assert stored[0]["tenant_id"] == "acme" and stored[0]["claimed_tenant"] == "globex"
    assert (
        await client.get(
            BASE.format(tenant="globex") + "/security-events",
            params={"action": "net.flow"},
            headers=analyst(mint, "globex"),
        )
    ).json()["items"] == []
    neither = await client.post(
        BASE.format(tenant="acme") + "/security-events/bulk", json={}, headers=headers
    )
    assert neither.status_code == 400


async def test_raw_ndjson_as_log_shippers_send_it(client: httpx.AsyncClient, mint: Mint) -> None:
    url = BASE.format(tenant="acme") + "/security-events/ndjson"
    headers = {**analyst(mint), "Content-Type": "application/x-ndjson"}
    body = "\n".join([
        f'{{"occurred_at": "{at(1)}", "action": "vpn.login", "outcome": "failure", "principal": "eve", "source_ip": "198.51.100.4"}}',
        "",
        "{truncated",
        f'{{"occurred_at": "{at(2)}", "action": "vpn.login", "outcome": "success", "principal": "eve", "tenant_id": "globex"}}',
    ]) + "\n"  # fmt: skip
    r = await client.post(url, content=body.encode(), headers=headers)
    assert r.status_code == 200, r.text
    result = r.json()
    assert (result["received"], result["accepted"], result["rejected"], result["tenant_mismatches"]) == (
        3,
        2,
        1,
        1,
    )
    assert [e["index"] for e in result["errors"]] == [1]
    stored = (await client.get(BASE.format(tenant="acme") + "/security-events", params={"action": "vpn.login"},
                               headers=analyst(mint))).json()["items"]  # fmt: skip
    assert sorted(e["outcome"] for e in stored) == ["failure", "success"]
    assert {e["tenant_id"] for e in stored} == {"acme"}

    # A line that is not UTF-8 is refused on its own, like any line that is not JSON; nothing is a 400.
    mixed = (
        f'{{"occurred_at": "{at(3)}", "action": "vpn.login", "principal": "eve"}}\n'.encode()
        + b'{"action": "\xff"}\n'
    )
    r = await client.post(url, content=mixed, headers=headers)
    assert r.status_code == 200 and (r.json()["accepted"], [e["index"] for e in r.json()["errors"]]) == (
        1,
        [1],
    )
    blank = await client.post(url, content=b"\n\n", headers=headers)
    assert blank.status_code == 200 and blank.json()["received"] == 0
    missing = await client.post(url, headers=headers)
    assert missing.status_code == 400 and missing.json()["errors"][0]["field"] == "body"
    as_json = await client.post(url, json=[{"action": "x"}], headers=analyst(mint))
    assert as_json.status_code == 415
    too_many = "".join(f'{{"occurred_at": "{at(1)}", "action": "net.flow"}}\n' for _ in range(5001))
    over = await client.post(url, content=too_many.encode(), headers=headers)
    assert over.status_code == 413 and "5000" in over.json()["detail"]


async def test_rules_malformed_versioned_disabled_and_tested(client: httpx.AsyncClient, mint: Mint) -> None:
    headers = analyst(mint)
    rules = (await client.get(BASE.format(tenant="acme") + "/detection-rules", headers=headers)).json()[
        "items"
    ]
    names = {r["name"] for r in rules}
    assert {
        "brute_force",
        "password_spray",
        "impossible_travel",
        "refresh_token_reuse",
        "supply_chain_integrity",
    } <= names

    bad = "title: broken\nlogsource: {product: x}\ndetection:\n  sel:\n    a: 1\n  condition: sel and nope\n"
    r = await client.post(
        BASE.format(tenant="acme") + "/detection-rules",
        json={"name": "broken", "sigma": bad},
        headers=headers,
    )
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json")
    assert "line" in r.json()["detail"]
    yaml_bad = "title: x\ndetection: [unclosed\n"
    r = await client.post(
        BASE.format(tenant="acme") + "/detection-rules",
        json={"name": "broken", "sigma": yaml_bad},
        headers=headers,
    )
    assert r.status_code == 400 and r.json()["line"] >= 2

    rule = "title: Admin change\nlogsource: {product: companyos}\ndetection:\n  sel:\n    category: admin\n  condition: sel\nlevel: medium\n"
    r = await client.post(
        BASE.format(tenant="acme") + "/detection-rules",
        json={"name": "admin_change", "sigma": rule},
        headers=headers,
    )
    assert r.status_code == 201, r.text
    r = await client.post(
        BASE.format(tenant="acme") + "/detection-rules",
        json={"name": "admin_change", "sigma": rule.replace("medium", "high")},
        headers=headers,
    )
    assert r.status_code == 200 and r.json()["version"] == 2 and r.json()["level"] == "high"
    got = (
        await client.get(BASE.format(tenant="acme") + "/detection-rules/admin_change", headers=headers)
    ).json()
    assert [v["version"] for v in got["versions"]] == [2, 1]
    r = await client.patch(
        BASE.format(tenant="acme") + "/detection-rules/admin_change", json={"enabled": False}, headers=headers
    )
    assert r.status_code == 200 and r.json()["enabled"] is False
    # globex never sees acme's rule
    assert (
        await client.get(
            BASE.format(tenant="globex") + "/detection-rules/admin_change", headers=analyst(mint, "globex")
        )
    ).status_code == 404

    sample = [
        {"occurred_at": at(0), "action": "identity.refresh_reuse", "outcome": "failure", "principal": "bob"}
    ]
    verdict = (
        await client.post(
            BASE.format(tenant="acme") + "/detection-rule-tests",
            json={"rule": "refresh_token_reuse", "events": sample},
            headers=headers,
        )
    ).json()
    assert verdict["fires"] is True and verdict["agree"] is True and verdict["sql"]
    quiet = [{"occurred_at": at(0), "action": "identity.sign_in", "outcome": "success", "principal": "bob"}]
    verdict = (
        await client.post(
            BASE.format(tenant="acme") + "/detection-rule-tests",
            json={"rule": "refresh_token_reuse", "events": quiet},
            headers=headers,
        )
    ).json()
    assert verdict["fires"] is False and verdict["agree"] is True


async def test_history_runs_need_a_time_bound(client: httpx.AsyncClient, mint: Mint) -> None:
    headers = analyst(mint)
    await client.post(
        BASE.format(tenant="acme") + "/security-events/bulk",
        json={"events": failures("trudy", 6)},
        headers=headers,
    )
    r = await client.post(BASE.format(tenant="acme") + "/detection-runs", json={}, headers=headers)
    # The contract makes since required: the refusal names it.
    assert r.status_code == 400 and r.json()["errors"][0] == {
        "field": "since",
        "message": "is required",
        "code": "required",
    }
    r = await client.post(
        BASE.format(tenant="acme") + "/detection-runs",
        json={"since": at(-60), "rules": ["brute_force"]},
        headers=headers,
    )
    assert r.status_code == 200, r.text
    hits = [d for d in r.json()["detections"] if d["principal"] == "trudy"]
    assert len(hits) == 2 and all(d["rule"] == "brute_force" for d in hits)


async def test_viewers_cannot_read_security_events(client: httpx.AsyncClient, mint: Mint) -> None:
    r = await client.get(
        BASE.format(tenant="acme") + "/security-events", headers=member(mint, "acme", "viewer")
    )
    assert r.status_code == 403
