"""Past incidents and postmortems from a file: recorded at their own time, all or nothing, re-import
harmless; SLO Doctor says which incidents burned budget and what paged for them."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from companyos_server.domains.slos import flows, report
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"


def as_role(mint: Mint, role: str, tenant: str = "acme") -> dict[str, str]:
    return bearer(mint(f"usr_{tenant}_{role}", tenants={tenant: [role]}))


async def _post_file(
    client: httpx.AsyncClient, headers: dict[str, str], path: str, fmt: str, data: bytes
) -> httpx.Response:
    return await client.post(
        f"{BASE}/{path}", params={"format": fmt}, content=data,
        headers={**headers, "Content-Type": "application/octet-stream"},
    )  # fmt: skip


async def _service(client: httpx.AsyncClient, headers: dict[str, str], name: str) -> str:
    body = {
        "name": name,
        "owner": {"team": "sre"},
        "tier": "tier-1",
        "slo": {"objective": 99.9, "window_days": 28},
    }
    r = await client.post(f"{BASE}/services", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _at(hours_ago: float) -> str:
    return (datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=hours_ago)).isoformat()


async def test_incidents_import_with_postmortems_at_their_time_and_skip_on_reimport(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    sre = as_role(mint, "sre")
    await _service(client, sre, "incident-import-a")
    b = await _service(client, sre, "incident-import-b")
    csv_file = (
        "title,severity,started_at,resolved_at,services,postmortem_url,summary\n"
        f'Import probe one,sev2,{_at(50)},{_at(49)},incident-import-a;{b},https://wiki.example.com/pm/1,"Checkout, 5xx"\n'
        f"Import probe two,,{_at(3)},,,,\n"
    ).encode()
    r = await _post_file(client, sre, "incident-history/import", "csv", csv_file)
    assert r.status_code == 200, r.text
    done = r.json()
    assert (done["rows"], done["imported"], done["skipped"]) == (2, 2, 0)
    one, two = [(await client.get(f"{BASE}/incidents/{i}", headers=sre)).json() for i in done["incident_ids"]]
    assert (one["status"], one["severity"], one["summary"]) == ("resolved", "sev2", "Checkout, 5xx")
    assert datetime.fromisoformat(one["created_at"]) == datetime.fromisoformat(_at(50))
    assert datetime.fromisoformat(one["resolved_at"]) == datetime.fromisoformat(_at(49))
    assert len(one["service_ids"]) == 2 and b in one["service_ids"]
    assert any(d["title"] == "Postmortem" for d in one["dashboards"])
    texts = [entry["text"] for entry in one["timeline"]]
    assert texts[-1] == "Resolved (imported history)" and any(t.startswith("Postmortem: ") for t in texts)
    assert (two["status"], two["severity"], two["resolved_at"]) == ("investigating", "sev3", None)

    again = (await _post_file(client, sre, "incident-history/import", "csv", csv_file)).json()
    assert (again["imported"], again["skipped"]) == (0, 2)


@pytest.mark.parametrize(
    ("fmt", "data", "fields"),
    [
        ("csv", b"title,started_at,services\nx,2026-01-01T00:00:00Z,no-such-service\n", ["line 2"]),
        (
            "csv",
            b"title,started_at,resolved_at,severity\nx,2026-01-02T00:00:00Z,2026-01-01T00:00:00Z,p1\n",
            ["line 2"],
        ),
        (
            "ndjson",
            b'{"title": "", "started_at": "2026-01-01T00:00:00Z"}\n{"title": "ok"}\n',
            ["line 1", "line 2"],
        ),
        (
            "json",
            b'[{"title": "x", "started_at": "2026-01-01T00:00:00Z", "postmortem_url": "ftp://x"}]',
            ["item 1"],
        ),
        ("json", b'[{"title": "x\\u0007", "started_at": "2099-01-01T00:00:00Z"}]', ["item 1"]),
    ],
)
async def test_a_bad_incident_file_records_nothing(
    client: httpx.AsyncClient, mint: Mint, fmt: str, data: bytes, fields: list[str]
) -> None:
    sre = as_role(mint, "sre")
    before = (await client.get(f"{BASE}/incidents", params={"page_size": 100}, headers=sre)).json()["items"]
    r = await _post_file(client, sre, "incident-history/import", fmt, data)
    assert r.status_code == 400, r.text
    assert sorted({e["field"] for e in r.json()["errors"]}) == fields
    after = (await client.get(f"{BASE}/incidents", params={"page_size": 100}, headers=sre)).json()["items"]
    assert len(after) == len(before)


async def test_only_responders_import(client: httpx.AsyncClient, mint: Mint) -> None:
    data = json.dumps([{"title": "authz probe", "started_at": _at(1)}]).encode()
    r = await _post_file(client, as_role(mint, "viewer"), "incident-history/import", "json", data)
    assert r.status_code == 403


async def test_the_doctor_says_which_incidents_burned_budget_and_what_paged(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    sre = as_role(mint, "sre")
    service_id = await _service(client, sre, "incident-coverage")
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    start = now - timedelta(hours=23)
    rows = ["ts,good,total"]
    for m in range(23 * 60):
        bad = 300 if 600 <= m < 640 or 900 <= m < 940 else 0  # two outages
        rows.append(f"{(start + timedelta(minutes=m)).isoformat()},{1000 - bad},1000")
    samples = ("\n".join(rows) + "\n").encode()
    assert (
        await _post_file(client, sre, f"services/{service_id}/sli-samples/import", "csv", samples)
    ).status_code == 200

    def at(minute: int) -> str:
        return (start + timedelta(minutes=minute)).isoformat()

    alerts = f"alert_name,service,starts_at,ends_at\nCheckoutBurn,{service_id},{at(603)},{at(645)}\n".encode()
    assert (await _post_file(client, sre, "alert-history/import", "csv", alerts)).status_code == 200
    incidents = (
        "title,severity,started_at,resolved_at,services\n"
        f"Paged outage,sev2,{at(610)},{at(650)},{service_id}\n"
        f"Silent outage,sev1,{at(905)},{at(950)},{service_id}\n"
        f"Unfelt incident,sev4,{at(200)},{at(230)},{service_id}\n"
    ).encode()
    assert (await _post_file(client, sre, "incident-history/import", "csv", incidents)).status_code == 200

    with runtime.db.session() as session:
        built = report.build(flows.diagnose(session, "acme", service_id, days=1, now=now), [])
    slo = built["slos"][0]
    coverage = {i["title"]: i for i in slo["incidents"]}
    assert list(coverage) == ["Unfelt incident", "Paged outage", "Silent outage"]
    assert (
        coverage["Paged outage"]["alerts_fired"] == ["CheckoutBurn"]
        and coverage["Paged outage"]["significant_burn"]
    )
    assert coverage["Silent outage"]["alerts_fired"] == [] and coverage["Silent outage"]["significant_burn"]
    assert coverage["Silent outage"]["declared_rules_paged"] is None  # the SLO declares no page rules
    assert not coverage["Unfelt incident"]["significant_burn"]
    name = slo["slo"]["name"]
    titles = [f["title"] for f in built["findings"]]
    assert f"{name}: nothing paged for incident 'Silent outage' (sev1)" in titles
    assert f"{name}: incident 'Unfelt incident' (sev4) burned no budget" in titles
    assert not any("Paged outage" in t for t in titles)
