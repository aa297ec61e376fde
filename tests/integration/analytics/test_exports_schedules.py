"""Report exports (residency, redaction, watermark, signed pack) and scheduled reports (delivery policies)."""

# ruff: noqa: S608 -- the SQL sent to the ad-hoc endpoint is built from constants

from __future__ import annotations

import csv
import io
import json
import tarfile
from datetime import UTC, datetime, timedelta

import httpx
import pyarrow.parquet as pq
from sqlalchemy import update

from companyos_server.core.spine.store import verify_archive
from companyos_server.domains.analytics import schedules, store
from companyos_server.platform.dataprotection import watermark
from companyos_server.platform.runtime import Runtime
from tests.integration.analytics.test_analytics_api import BASE, Mint, as_role, event
from tests.integration.datasets.helpers import run_job

FEATURE = "export-probe"


def _files(pack: bytes) -> dict[str, bytes]:
    with tarfile.open(fileobj=io.BytesIO(pack), mode="r:gz") as tar:
        members = {m.name.split("/", 1)[-1]: tar.extractfile(m) for m in tar.getmembers() if m.isfile()}
        files = {name: f.read() for name, f in members.items() if f is not None}
    manifest = json.loads(files["manifest.json"])
    return {item["name"]: files[f"items/{item['sha256']}"] for item in manifest["items"]}


async def _pack(client: httpx.AsyncClient, runtime: Runtime, export: dict, headers: dict) -> dict[str, bytes]:
    job = run_job(runtime, export["job_id"])
    assert job["state"] == "succeeded", job
    r = await client.get(f"{BASE}/exports/{export['id']}/pack", headers=headers)
    assert r.status_code == 200 and r.headers["content-type"] == "application/gzip", r.text
    assert verify_archive(r.content)["ok"]
    return _files(r.content)


async def _seed_usage(client: httpx.AsyncClient, mint: Mint) -> None:
    batch = [
        event(feature=FEATURE, user_id=u, properties={"latency_ms": 10}) for u in ("alice", "bob", "carol")
    ]
    r = await client.post(f"{BASE}/events", json={"events": batch}, headers=as_role(mint, "sre"))
    assert r.status_code == 200 and r.json()["accepted"] == 3, r.text


async def test_a_report_export_is_residency_checked_redacted_watermarked_and_signed(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    admin, viewer = as_role(mint, "tenant_admin"), as_role(mint, "viewer")
    await _seed_usage(client, mint)
    body = {"report": "adoption", "parameters": {"feature": FEATURE, "days": 7, "source": "raw"},
            "format": "csv", "recipient": "board@example.com"}  # fmt: skip
    assert (await client.post(f"{BASE}/exports", json=body, headers=viewer)).status_code == 403
    r = await client.post(f"{BASE}/exports", json={**body, "destination_region": "us"}, headers=admin)
    assert r.status_code == 403 and "residency-eu-analytics-export" in r.json()["detail"], r.text
    r = await client.post(f"{BASE}/exports", json={**body, "parameters": {"days": 7}}, headers=admin)
    assert r.status_code == 400 and r.json()["errors"][0]["field"] == "parameters.feature", r.text
    r = await client.post(f"{BASE}/exports", json={**body, "redactions": {"nope": "drop"}}, headers=admin)
    assert r.status_code == 400 and "no such field" in r.text
    r = await client.post(f"{BASE}/exports", json={**body, "redactions": {"adopters": "drop"}}, headers=admin)
    assert r.status_code == 202, r.text
    export = r.json()
    assert (
        export["residency"] == "eu"
        and export["destination_region"] == "eu"
        and export["evidence_pack_id"] is None
    )
    assert export["redactions"] == {"group": "keep", "active_users": "keep", "adopters": "drop",
                                    "adoption_rate": "keep", "feature_events": "keep"}  # fmt: skip
    early = await client.get(f"{BASE}/exports/{export['id']}/pack", headers=admin)
    assert early.status_code == 409 and early.headers["content-type"].startswith("application/problem+json")
    files = await _pack(client, runtime, export, viewer)
    rows = list(csv.DictReader(io.StringIO(files["adoption.csv"].decode())))
    assert list(rows[0]) == ["group", "active_users", "adoption_rate", "feature_events", "_watermark"]
    assert rows[0]["group"] == "acme" and int(rows[0]["feature_events"]) >= 3
    assert rows[0]["_watermark"] == watermark.row_mark(export["id"], "board@example.com", 0)
    doc = json.loads(files["export.json"])
    assert (
        doc["rows"] == doc["files"][0]["rows"] == len(rows) == 1
        and doc["redactions"]["applied"]["adopters"] == "drop"
    )
    assert doc["residency"] == "eu" and doc["freshness"]["events"] >= 3
    done = (await client.get(f"{BASE}/exports/{export['id']}", headers=viewer)).json()
    assert done["rows"] == 1 and done["evidence_pack_id"] and done["job"]["state"] == "succeeded"
    events = runtime.audit.list("acme", action="analytics:export.complete").items
    assert events and events[0]["resource"] == f"analytics_export:{export['id']}"


async def test_an_exported_query_hashes_pseudonyms_and_anything_that_looks_personal(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    admin, sre = as_role(mint, "tenant_admin"), as_role(mint, "sre")
    await _seed_usage(client, mint)
    sql = (f"SELECT user_hash, properties, 'ops+' || name || '@example.com' AS contact FROM events "
           f"WHERE feature = '{FEATURE}' ORDER BY user_hash")  # fmt: skip
    body = {"report": "query", "parameters": {"sql": sql}, "format": "parquet", "recipient": "analyst"}
    assert (await client.post(f"{BASE}/exports", json=body, headers=sre)).status_code == 403
    loosen = await client.post(
        f"{BASE}/exports", json={**body, "redactions": {"properties": "drop"}}, headers=admin
    )
    assert loosen.status_code == 202, loosen.text
    export = loosen.json()
    assert export["redactions"] == {"user_hash": "hash", "properties": "drop", "contact": "hash"}
    files = await _pack(client, runtime, export, admin)
    table = pq.read_table(io.BytesIO(files["query.parquet"]))
    assert table.column_names == ["user_hash", "contact", "_watermark"]
    assert table.schema.metadata[watermark.METADATA_KEY.encode()] == export["id"].encode()
    contacts = table.column("contact").to_pylist()
    assert len(contacts) >= 3 and all(len(c) == 64 and "@" not in c for c in contacts)
    raw = (await client.post(f"{BASE}/query", json={"sql": sql}, headers=admin)).json()["rows"]
    assert set(table.column("user_hash").to_pylist()).isdisjoint({r[0] for r in raw})  # hashed again, salted
    # Renaming a column or computing from it keeps its classification (the query's lineage decides).
    hidden = (f"WITH x AS (SELECT user_hash AS u, properties AS p, feature FROM events WHERE feature = '{FEATURE}') "
              f"SELECT u AS who, upper(p) AS what, feature, count(*) AS n FROM x GROUP BY ALL")  # fmt: skip
    r = await client.post(f"{BASE}/exports", json={**body, "parameters": {"sql": hidden}}, headers=admin)
    assert r.status_code == 202, r.text
    assert r.json()["redactions"] == {"who": "hash", "what": "mask", "feature": "keep", "n": "keep"}
    twice = {"sql": f"SELECT feature AS x, user_hash AS x FROM events WHERE feature = '{FEATURE}'"}
    r = await client.post(f"{BASE}/exports", json={**body, "parameters": twice}, headers=admin)
    assert r.status_code == 202 and r.json()["redactions"] == {
        "x": "hash", "x_1": "hash"}, r.text  # fmt: skip
    huge = await client.post(f"{BASE}/exports", json={**body, "parameters": {"sql": "SELECT sum(seq) * 100 AS s FROM events"}},
                             headers=admin)  # fmt: skip
    assert huge.status_code == 202, huge.text  # beyond 64 bits: exported as text, not a 500
    files = await _pack(client, runtime, huge.json(), admin)
    assert pq.read_table(io.BytesIO(files["query.parquet"])).column("s").type == "string"
    bad = await client.post(f"{BASE}/exports", json={**body, "parameters": {"sql": "DELETE FROM events"}},
                            headers=admin)  # fmt: skip
    assert bad.status_code == 400 and bad.json()["errors"][0]["code"] == "unsafe_sql"


async def test_a_schedule_delivers_one_watermarked_export_per_recipient_once_per_due_time(
    client: httpx.AsyncClient, mint: Mint, runtime: Runtime
) -> None:
    admin, viewer = as_role(mint, "tenant_admin"), as_role(mint, "viewer")
    await _seed_usage(client, mint)
    body = {"name": "Weekly probe adoption", "report": "active_users",
            "parameters": {"feature": FEATURE, "days": 7, "source": "raw"}, "format": "ndjson",
            "recipients": ["cfo@example.com", "product@example.com"],
            "cadence": {"every": "week", "weekday": "mon", "at": "07:00"}}  # fmt: skip
    assert (await client.post(f"{BASE}/schedules", json=body, headers=viewer)).status_code == 403
    r = await client.post(f"{BASE}/schedules", json={**body, "cadence": {"every": "hour"}}, headers=admin)
    assert r.status_code == 400 and r.json()["errors"][0]["field"] == "cadence.every", r.text
    r = await client.post(
        f"{BASE}/schedules", json={**body, "report": "adoption", "parameters": {}}, headers=admin
    )
    assert r.status_code == 400 and r.json()["errors"][0]["field"] == "parameters.feature", r.text
    r = await client.post(f"{BASE}/schedules", json={**body, "destination_region": "us"}, headers=admin)
    assert r.status_code == 403 and "residency-eu-analytics-export" in r.json()["detail"]
    r = await client.post(f"{BASE}/schedules", json=body, headers=admin)
    assert r.status_code == 201, r.text
    schedule = r.json()
    due = datetime.fromisoformat(schedule["next_run_at"].replace("Z", "+00:00"))
    assert due > datetime.now(UTC) and due.weekday() == 0 and (due.hour, due.minute) == (7, 0)
    assert (await client.post(f"{BASE}/schedules", json=body, headers=admin)).status_code == 409
    listed = (await client.get(f"{BASE}/schedules", headers=viewer)).json()["items"]
    assert [s["id"] for s in listed if s["name"] == body["name"]] == [schedule["id"]]

    run = await client.post(f"{BASE}/schedules/{schedule['id']}/run", headers=admin)
    assert run.status_code == 202, run.text
    made = run.json()["exports"]
    assert sorted(e["recipient"] for e in made) == body["recipients"]
    marks = set()
    for export in made:
        assert export["schedule_id"] == schedule["id"] and export["format"] == "ndjson"
        files = await _pack(client, runtime, export, viewer)
        lines = [json.loads(line) for line in files["active_users.ndjson"].decode().splitlines()]
        assert len(lines) == 7 and lines[-1]["dau"] >= 3
        marks.add(lines[0]["_watermark"][:8])
    assert len(marks) == 2  # each recipient's copy is traceable to them

    # The scheduler: a due time is delivered once, then the next one is a week later. (Other schedules,
    # such as the demo seed's monthly one, are paused so that the counts are this schedule's.)
    with runtime.db.session() as session:
        session.execute(update(store.AnalyticsScheduleRow).where(store.AnalyticsScheduleRow.id != schedule["id"])
                        .values(enabled=False, next_run_at=None))  # fmt: skip
    assert schedules.run_due(runtime, now=due) == 1
    assert schedules.run_due(runtime, now=due) == 0
    after = (await client.get(f"{BASE}/schedules/{schedule['id']}", headers=viewer)).json()
    assert datetime.fromisoformat(after["next_run_at"].replace("Z", "+00:00")) == due + timedelta(days=7)
    assert len(after["last_export_ids"]) == 2 and after["last_error"] is None
    page = (
        await client.get(f"{BASE}/exports", params={"schedule_id": schedule["id"]}, headers=viewer)
    ).json()
    assert len(page["items"]) == 4
    mine = await client.get(
        f"{BASE}/exports", params={"recipient": "cfo@example.com", "page_size": 1}, headers=viewer
    )
    assert mine.json()["items"][0]["recipient"] == "cfo@example.com"

    # A run the residency rules now forbid makes no export and says why; the schedule stays on.
    with runtime.db.session() as session:
        session.execute(update(store.AnalyticsScheduleRow).where(store.AnalyticsScheduleRow.id == schedule["id"])
                        .values(destination_region="us"))  # fmt: skip
    assert schedules.run_due(runtime, now=due + timedelta(days=7)) == 1
    refused = (await client.get(f"{BASE}/schedules/{schedule['id']}", headers=viewer)).json()
    assert refused["last_export_ids"] == [] and "residency-eu-analytics-export" in refused["last_error"]

    # A run acts with its creator's rights as they are now: this creator (an identity of no built-in
    # account) keeps the roles it had, so lowering them here stops the deliveries with the reason.
    with runtime.db.session() as session:
        session.execute(update(store.AnalyticsScheduleRow).where(store.AnalyticsScheduleRow.id == schedule["id"])
                        .values(destination_region="eu", authority={"kind": "user", "roles": ["viewer"]}))  # fmt: skip
    assert schedules.run_due(runtime, now=due + timedelta(days=14)) == 1
    demoted = (await client.get(f"{BASE}/schedules/{schedule['id']}", headers=viewer)).json()
    assert demoted["last_export_ids"] == [] and demoted["last_error"].startswith("403"), demoted

    paused = await client.patch(f"{BASE}/schedules/{schedule['id']}", json={"enabled": False, "destination_region": "eu"},
                                headers=admin)  # fmt: skip
    assert paused.status_code == 200 and paused.json()["next_run_at"] is None, paused.text
    assert schedules.run_due(runtime, now=due + timedelta(days=30)) == 0
    resumed = (
        await client.patch(f"{BASE}/schedules/{schedule['id']}", json={"enabled": True}, headers=admin)
    ).json()
    assert resumed["next_run_at"] is not None
    assert (await client.delete(f"{BASE}/schedules/{schedule['id']}", headers=admin)).status_code == 204
    assert (await client.get(f"{BASE}/schedules/{schedule['id']}", headers=viewer)).status_code == 404
    kept = (
        await client.get(f"{BASE}/exports", params={"schedule_id": schedule["id"]}, headers=viewer)
    ).json()
    assert len(kept["items"]) == 4  # past deliveries stay
