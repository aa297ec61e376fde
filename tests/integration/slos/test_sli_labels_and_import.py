"""SLI samples with labels and bulk imports (CSV, NDJSON, JSON) over HTTP, and what SLO Doctor makes of
them: hotspots by label, the share of bad minutes the upstreams explain, errors that rise with load."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import func, select

from companyos_server.core.maestro.models import SliSampleRow
from companyos_server.domains.slos import flows, report
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer

Mint = Callable[..., str]
BASE = "/v1/tenants/acme"


def as_role(mint: Mint, role: str, tenant: str = "acme") -> dict[str, str]:
    return bearer(mint(f"usr_{tenant}_{role}", tenants={tenant: [role]}))


async def _service(client: httpx.AsyncClient, headers: dict[str, str], name: str, **extra: object) -> str:
    body = {"name": name, "owner": {"team": "sre"}, "tier": "tier-1", **extra}
    r = await client.post(f"{BASE}/services", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _stored(runtime: Runtime, service_id: str) -> int:
    with runtime.db.session() as session:
        count = session.scalar(select(func.count()).where(SliSampleRow.service_ref == service_id))
    return int(count or 0)


def _minute(offset: int) -> str:
    base = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
    return (base + timedelta(minutes=offset)).isoformat().replace("+00:00", "Z")


async def _import(
    client: httpx.AsyncClient, headers: dict[str, str], service_id: str, fmt: str, data: bytes
) -> httpx.Response:
    return await client.post(
        f"{BASE}/services/{service_id}/sli-samples/import",
        params={"format": fmt},
        content=data,
        headers={**headers, "Content-Type": "application/octet-stream"},
    )


async def test_csv_ndjson_and_json_files_import_with_labels_and_replace_on_reimport(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    sre = as_role(mint, "sre")
    service_id = await _service(client, sre, "sli-import-probe")
    csv_file = (
        "ts,good,total,endpoint,region\n"
        + "".join(f"{_minute(m)},{990 + m % 3},1000,GET /cart,eu\n" for m in range(60))
        + "".join(f"{_minute(m)},500,500,,us\n" for m in range(60))
    ).encode()
    r = await _import(client, sre, service_id, "csv", csv_file)
    assert r.status_code == 200, r.text
    first = r.json()
    assert (first["rows"], first["recorded"], first["replaced"], first["series"]) == (120, 120, 0, 2)
    assert first["from"].startswith(_minute(0)[:16]) and first["to"].startswith(_minute(59)[:16])

    again = (await _import(client, sre, service_id, "csv", csv_file)).json()
    assert (again["recorded"], again["replaced"]) == (120, 120)  # same ts and labels: replaced, not doubled
    assert _stored(runtime, service_id) == 120

    page = (
        await client.get(
            f"{BASE}/services/{service_id}/sli-samples",
            params={"since": _minute(0), "until": _minute(0), "page_size": 10},
            headers=sre,
        )
    ).json()["items"]
    assert sorted(json.dumps(s.get("labels"), sort_keys=True) for s in page) == [
        json.dumps({"endpoint": "GET /cart", "region": "eu"}, sort_keys=True),
        json.dumps({"region": "us"}),
    ]

    ndjson = "\n".join(
        json.dumps({"ts": _minute(m), "good": 10, "total": 10, "labels": {"segment": "enterprise"}})
        for m in range(5)
    ).encode()
    r = await _import(client, sre, service_id, "ndjson", ndjson + b"\n\n")
    assert r.status_code == 200, r.text
    assert (r.json()["recorded"], r.json()["replaced"], r.json()["series"]) == (5, 0, 1)

    array = json.dumps(
        [{"ts": _minute(70), "good": 1, "total": 2}, {"ts": _minute(70), "good": 2, "total": 2}]
    )
    r = await _import(client, sre, service_id, "json", array.encode())
    assert r.status_code == 200, r.text
    assert (r.json()["rows"], r.json()["recorded"]) == (2, 1)  # the repeated ts: the last row wins
    assert _stored(runtime, service_id) == 126

    # The JSON batch operation takes labels too, and replaces by ts and labels.
    r = await client.post(
        f"{BASE}/services/{service_id}/sli-samples",
        json={"samples": [{"ts": _minute(0), "good": 1, "total": 1, "labels": {"region": "us"}}]},
        headers=sre,
    )
    assert r.status_code == 200, r.text
    assert r.json()["replaced"] == 1

    # Counts beyond 32 bits (the API allows 10^12 a bucket) are stored and summed as they are.
    big = 10_000_000_000
    r = await _import(
        client, sre, service_id, "csv", f"ts,good,total\n{_minute(90)},{big - 1},{big}\n".encode()
    )
    assert r.status_code == 200, r.text
    listed = (
        await client.get(
            f"{BASE}/services/{service_id}/sli-samples",
            params={"since": _minute(90), "until": _minute(90)},
            headers=sre,
        )
    ).json()["items"]
    assert [(s["good"], s["total"]) for s in listed] == [(big - 1, big)]


@pytest.mark.parametrize(
    ("fmt", "data", "fields"),
    [
        (
            "csv",
            b"ts,good,total\n2026-01-01T00:00:00Z,5,4\nyesterday,1,1\n2026-01-01T00:02:00Z,-1,1\n2026-01-01T00:03:00Z,1,1\n",
            ["line 2", "line 3", "line 4"],
        ),
        ("csv", b"ts,good,total,colour\n2026-01-01T00:00:00Z,1,1,red\n", ["line 1"]),
        ("csv", b"ts,good,total\n2026-01-01T00:00:00Z,1\n", ["line 2"]),
        (
            "ndjson",
            b'{"ts": "2026-01-01T00:00:00Z", "good": 1, "total": 1}\nnot json\n[1]\n'
            b'{"ts": "2026-01-01T00:00:00Z", "good": 1, "total": 1, "labels": {"pod": "a"}}\n',
            ["line 2", "line 3"],
        ),
        (
            "ndjson",
            b'{"ts": "2026-01-01T00:00:00Z", "good": 1, "total": 1, "labels": {"pod": "a"}}\n',
            ["line 1"],
        ),
        ("json", b'{"samples": []}', ["body"]),
        ("json", b'[{"ts": "2026-01-01T00:00:00", "good": true, "total": 1}]', ["item 1"]),
        ("csv", b"\xff\xfe", ["body"]),
        ("csv", b"ts,good,total\n", ["body"]),
    ],
)
async def test_a_bad_file_is_refused_whole_naming_each_bad_line(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime, fmt: str, data: bytes, fields: list[str]
) -> None:
    sre = as_role(mint, "sre")
    service_id = await _service(client, sre, f"sli-bad-{fmt}-{abs(hash(data)) % 10_000}")
    r = await _import(client, sre, service_id, fmt, data)
    assert r.status_code == 400, r.text
    problem = r.json()
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "nothing was stored" in problem["detail"] or problem["errors"][0]["field"] in ("body", "line 1")
    assert sorted({e["field"] for e in problem["errors"]}) == fields
    assert _stored(runtime, service_id) == 0


async def test_import_needs_the_record_permission_and_a_known_service(
    client: httpx.AsyncClient, mint: Mint
) -> None:
    sre, viewer = as_role(mint, "sre"), as_role(mint, "viewer")
    service_id = await _service(client, sre, "sli-import-authz")
    data = b"ts,good,total\n2026-01-01T00:00:00Z,1,1\n"
    assert (await _import(client, viewer, service_id, "csv", data)).status_code == 403
    assert (await _import(client, sre, "svc_missing000", "csv", data)).status_code == 404
    r = await client.post(
        f"{BASE}/services/{service_id}/sli-samples/import",
        params={"format": "xml"},
        content=data,
        headers=sre,
    )
    assert r.status_code in (400, 415)


async def test_doctor_reports_hotspots_upstream_share_and_load_sensitivity(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    """A day of minutes: the `eu` region carries every bad event on a quarter of the traffic; the upstream
    is bad in exactly the minutes the service is; errors grow with the load."""
    sre = as_role(mint, "sre")
    upstream = await _service(client, sre, "attr-upstream", slo={"objective": 99.9, "window_days": 28})
    service_id = await _service(
        client, sre, "attr-service", dependencies=[upstream], slo={"objective": 99.9, "window_days": 28}
    )
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    start = now - timedelta(hours=23)
    service_rows, upstream_rows = ["ts,good,total,region"], ["ts,good,total"]
    for m in range(23 * 60):
        ts = (start + timedelta(minutes=m)).isoformat()
        load = 400 + (m % 60) * 20  # 400 to 1,580 a minute, every hour
        bad = 0 if load < 1300 else (load - 1200) // 4  # only the busiest minutes fail, more as load grows
        service_rows += [f"{ts},{load * 3 - 0},{load * 3},us", f"{ts},{load - bad},{load},eu"]
        upstream_rows.append(f"{ts},{1000 - (50 if bad else 0)},1000")
    for sid, rows in ((service_id, service_rows), (upstream, upstream_rows)):
        r = await _import(client, sre, sid, "csv", ("\n".join(rows) + "\n").encode())
        assert r.status_code == 200, r.text

    with runtime.db.session() as session:
        found = flows.diagnose(session, "acme", service_id, days=1, now=now)
    built = report.build(found, [])
    (hotspot,) = [h for h in built["hotspots"] if h["value"] == "eu"]
    assert hotspot["dimension"] == "region" and hotspot["bad_share"] == 1.0
    assert hotspot["traffic_share"] == pytest.approx(0.25, abs=0.001) and hotspot["lift"] == pytest.approx(
        4, abs=0.02
    )
    slo = built["slos"][0]
    assert slo["dependencies"]["by_upstream"] == {"attr-upstream": 1.0}
    assert slo["dependencies"]["explained_share"] == 1.0 and slo["dependencies"]["bad_minutes"] > 0
    assert slo["load_sensitivity"]["rho"] > 0.3 and slo["load_sensitivity"]["ratio"] > 2
    titles = [f["title"] for f in built["findings"]]
    assert "hotspot: region eu" in titles
    assert f"{slo['slo']['name']}: upstreams explain its bad minutes" in titles
    assert f"{slo['slo']['name']}: errors rise with load" in titles

    # The upstream itself has no upstreams and no labels: nothing is claimed.
    with runtime.db.session() as session:
        alone = report.build(flows.diagnose(session, "acme", upstream, days=1, now=now), [])
    assert alone["hotspots"] == [] and alone["slos"][0]["dependencies"] is None


async def test_doctor_scores_the_alerts_that_fired(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    """A day with one 40-minute outage; imported history: a flappy alert firing every two hours (one of its
    firings during the outage) and a good alert firing during the outage only."""
    sre = as_role(mint, "sre")
    service_id = await _service(client, sre, "observed-alerts", slo={"objective": 99.9, "window_days": 28})
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    start = now - timedelta(hours=23)
    outage = 10 * 60
    rows = ["ts,good,total"]
    for m in range(23 * 60):
        bad = 300 if outage <= m < outage + 40 else 0
        rows.append(f"{(start + timedelta(minutes=m)).isoformat()},{1000 - bad},1000")
    r = await _import(client, sre, service_id, "csv", ("\n".join(rows) + "\n").encode())
    assert r.status_code == 200, r.text

    def at(minute: int) -> str:
        return (start + timedelta(minutes=minute)).isoformat()

    history = ["alert_name,service,starts_at,ends_at"]
    history += [f"FlappyErrors,{service_id},{at(m)},{at(m + 4)}" for m in range(30, 23 * 60 - 10, 120)]
    history.append(f"LedgerBurn,{service_id},{at(outage + 3)},{at(outage + 45)}")
    r = await client.post(
        f"{BASE}/alert-history/import", params={"format": "csv"}, content=("\n".join(history) + "\n").encode(),
        headers={**sre, "Content-Type": "application/octet-stream"},
    )  # fmt: skip
    assert r.status_code == 200, r.text

    with runtime.db.session() as session:
        built = report.build(flows.diagnose(session, "acme", service_id, days=1, now=now), [])
    slo = built["slos"][0]
    assert len(slo["significant_burns"]) == 1  # the outage
    by_name = {a["alert_name"]: a for a in slo["observed_alerts"]}
    assert list(by_name) == ["FlappyErrors", "LedgerBurn"]  # the noisiest first
    flappy, good = by_name["FlappyErrors"], by_name["LedgerBurn"]
    assert flappy["pages"] == 12 and flappy["precision"] == pytest.approx(1 / 12, abs=1e-4)
    assert (good["pages"], good["precision"], good["recall"], good["detection_minutes"]) == (1, 1.0, 1.0, 3.0)
    titles = [f["title"] for f in built["findings"]]
    assert f"{slo['slo']['name']}: alert FlappyErrors pages on noise" in titles
    assert not any("LedgerBurn" in t for t in titles)


async def test_labelled_samples_page_without_loss_and_long_labels_store(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    sre = as_role(mint, "sre")
    service_id = await _service(client, sre, "sli-paging-probe")
    rows = "".join(f"{_minute(m)},1,1,{region}\n" for m in range(5) for region in ("a", "b", "c"))
    assert (
        await _import(client, sre, service_id, "csv", ("ts,good,total,region\n" + rows).encode())
    ).status_code == 200
    seen, token = [], None
    while True:
        params = {
            "since": _minute(0),
            "until": _minute(10),
            "page_size": 4,
            **({"page_token": token} if token else {}),
        }
        page = (
            await client.get(f"{BASE}/services/{service_id}/sli-samples", params=params, headers=sre)
        ).json()
        seen += [(s["ts"], s["labels"]["region"]) for s in page["items"]]
        if not (token := page.get("next_page_token")):
            break
    assert len(seen) == 15 and len(set(seen)) == 15

    # Labels the spec allows, however they encode: four of 200 non-ASCII characters.
    labels = {name: "é" * 200 for name in ("endpoint", "task", "region", "segment")}
    r = await client.post(
        f"{BASE}/services/{service_id}/sli-samples",
        json={"samples": [{"ts": _minute(30), "good": 1, "total": 1, "labels": labels}]},
        headers=sre,
    )
    assert r.status_code == 200, r.text
    again = await client.post(
        f"{BASE}/services/{service_id}/sli-samples",
        json={"samples": [{"ts": _minute(30), "good": 1, "total": 2, "labels": labels}]},
        headers=sre,
    )
    assert again.json()["replaced"] == 1


@pytest.mark.parametrize(
    ("fmt", "data"),
    [
        ("csv", "ts,good,total\n2026-01-01T00:00:00Z,²,3\n".encode()),
        ("ndjson", b'{"ts": "2026-01-01T00:00:00Z", "good": 1, "total": ' + b"9" * 5000 + b"}\n"),
        ("json", b"[" * 100_000),
        ("csv", b"ts,good,total\n" + b"x" * 200_000 + b",1,1\n"),
        ("csv", b"ts,good,total\n0001-01-01T00:00:00+01:00,1,1\n"),
        (
            "ndjson",
            b'{"ts": "2026-01-01T00:00:00Z", "good": 1, "total": 1, "labels": {"region": "\\ud800"}}\n',
        ),
    ],
)
async def test_hostile_files_are_400_not_500(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime, fmt: str, data: bytes
) -> None:
    sre = as_role(mint, "sre")
    service_id = await _service(client, sre, f"sli-hostile-{abs(hash(data)) % 100_000}")
    r = await _import(client, sre, service_id, fmt, data)
    assert r.status_code == 400, r.text[:500]
    assert _stored(runtime, service_id) == 0


async def test_each_slo_is_judged_on_its_own_sli(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    """Availability and latency samples of one service, told apart by the `sli` label; an SLO on the
    checkout endpoint reads that endpoint's service-wide samples; the summary reads service-wide ones only."""
    sre = as_role(mint, "sre")
    service_id = await _service(client, sre, "per-sli-probe", slo={"objective": 99.0, "window_days": 28})
    slos = f"{BASE}/services/{service_id}/slos"
    for body in (
        {
            "name": "avail",
            "sli_type": "availability",
            "objective": 99.9,
            "indicator": {"name": "requests-ok"},
        },
        {
            "name": "fast",
            "sli_type": "latency",
            "objective": 99.0,
            "indicator": {"name": "requests-fast", "threshold_ms": 300},
        },
        {
            "name": "checkout",
            "sli_type": "availability",
            "objective": 99.5,
            "indicator": {"name": "checkout-ok", "endpoint": "POST /checkout"},
        },
        {"name": "other", "sli_type": "availability", "objective": 99.5, "indicator": {"name": "unknown"}},
    ):
        r = await client.post(slos, json=body, headers=sre)
        assert r.status_code == 201, r.text
    rows = ["ts,good,total,sli,endpoint"]
    for m in range(120):
        rows += [f"{_minute(m)},1000,1000,requests-ok,", f"{_minute(m)},900,1000,requests-fast,",
                 f"{_minute(m)},98,100,,POST /checkout", f"{_minute(m)},400,400,,GET /cart"]  # fmt: skip
    r = await _import(client, sre, service_id, "csv", ("\n".join(rows) + "\n").encode())
    assert r.status_code == 200, r.text

    with runtime.db.session() as session:
        found = flows.diagnose(session, "acme", service_id, days=1)
    by_name = {s["slo"]["name"]: s for s in found["slos"]}
    assert by_name["avail"]["sli_source"] == "sli:requests-ok" and by_name["avail"]["bad_events"] == 0
    assert by_name["fast"]["sli_source"] == "sli:requests-fast"
    assert (by_name["fast"]["events"], by_name["fast"]["bad_events"]) == (120_000, 12_000)
    assert by_name["checkout"]["sli_source"] == "endpoint:POST /checkout"
    assert (by_name["checkout"]["events"], by_name["checkout"]["bad_events"]) == (12_000, 240)
    assert by_name["other"]["sli_source"] == "service"  # the service-wide samples: checkout and cart
    assert (by_name["other"]["events"], by_name["other"]["bad_events"]) == (60_000, 240)
    # No hotspot is an SLI: the `sli` label is not a slice of the traffic.
    assert {h["dimension"] for h in found["hotspots"]} <= {"endpoint"}

    summary = (await client.get(f"{BASE}/services/{service_id}", headers=sre)).json()["slo"]
    assert summary["sli"] == pytest.approx(100 * (1 - 240 / 60_000), abs=1e-3)  # service-wide samples only
