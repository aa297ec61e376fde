"""The vertical slice over HTTP: dataset → upload in parts → pre-flight → import job → quarantine →
sample (masked) → export (residency, redaction, watermark) → signed pack verified offline → trace."""

from __future__ import annotations

import csv
import io
import json
import tarfile
from collections.abc import Callable
from typing import Any

import httpx
import pyarrow.parquet as pq

from companyos_server.core.spine.store import verify_archive
from companyos_server.domains.datasets import exports as exports_module
from companyos_server.platform.dataprotection import watermark
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.integration.datasets.helpers import make_dataset, open_import, run_job, sha, upload

Token = Callable[..., str]


def customers_csv(n: int = 300) -> tuple[bytes, int]:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["id", "name", "email", "score", "active", "seen_at"])
    bad = 0
    for i in range(1, n + 1):
        if i % 50 == 0:
            w.writerow([f"x{i}", "bad id", "a@b.example", "1", "true", "2026-01-01T00:00:00Z"])
            bad += 1
        elif i % 70 == 0:
            w.writerow(
                [i, "call me +44 20 7946 0958", f"u{i}@example.com", "1.5", "no", "2026-01-02T00:00:00Z"]
            )
            bad += 1
        else:
            w.writerow(
                [
                    i,
                    f"name {i}",
                    f"u{i}@example.com",
                    i / 3,
                    "yes" if i % 2 else "no",
                    f"2026-01-{1 + i % 28:02d}T10:00:00Z",
                ]
            )
    return out.getvalue().encode(), bad


async def test_import_then_export_end_to_end(
    client: httpx.AsyncClient, user_token: Token, runtime: Runtime
) -> None:
    h = bearer(user_token("erin"))
    ds = await make_dataset(client, h)
    assert ds["residency"] == "eu" and ds["row_count"] == 0
    data, bad = customers_csv()
    imp = await open_import(client, h, ds["id"], {"customers.csv": data}, rows={"customers.csv": 300})
    responses = await upload(client, h, imp["id"], "customers.csv", data, part_size=4096)
    assert all(r.status_code == 200 for r in responses), responses[0].text
    again = await upload(client, h, imp["id"], "customers.csv", data[:4096], part_size=4096)  # a re-sent part
    assert again[0].status_code == 200 and again[0].json()["duplicate"] is True
    r = await client.post(f"/v1/tenants/acme/imports/{imp['id']}/start", headers=h)
    assert r.status_code == 202, r.text
    job = run_job(runtime, r.json()["id"])
    assert job["state"] == "succeeded", job
    result = job["result"]
    assert (
        result["rows_in"] == 300 and result["rows_quarantined"] == bad and result["rows_written"] == 300 - bad
    )
    assert result["reconciliation"]["ok"] and result["sample_audit"]["ok"]
    r = await client.get(
        f"/v1/tenants/acme/imports/{imp['id']}/quarantine", params={"page_size": 3}, headers=h
    )
    assert r.status_code == 200, r.text
    q = r.json()
    assert q["total"] == bad and len(q["items"]) == 3 and q["next_page_token"]
    assert q["items"][0] == {
        **q["items"][0],
        "row": 50,
        "file": "customers.csv",
        "field": "id",
        "rule": "type",
    }
    assert q["by_rule"] == {"pii:phone": 4, "type": 6}
    r = await client.get(
        f"/v1/tenants/acme/imports/{imp['id']}/quarantine",
        params={"page_size": 3, "page_token": q["next_page_token"]},
        headers=h,
    )
    assert [i["row"] for i in r.json()["items"]] == [140, 150, 200]
    r = await client.get(f"/v1/tenants/acme/datasets/{ds['id']}", headers=bearer(user_token("bob")))
    assert r.json()["row_count"] == 300 - bad
    r = await client.get(
        f"/v1/tenants/acme/datasets/{ds['id']}/sample", params={"limit": 2}, headers=bearer(user_token("bob"))
    )
    sample = r.json()
    assert sample["masked_fields"] == ["email", "score"]
    assert (
        sample["rows"][0]["id"] == 1
        and sample["rows"][0]["email"].endswith("om")
        and "@" not in sample["rows"][0]["email"]
    )
    # residency: EU data to a US destination is refused, naming the rule
    r = await client.post(f"/v1/tenants/acme/datasets/{ds['id']}/exports",
                          json={"recipient": "auditor", "destination_region": "us"}, headers=h)  # fmt: skip
    assert r.status_code == 403 and r.headers["content-type"].startswith("application/problem+json")
    assert "residency-eu-export-destination" in r.json()["detail"]
    r = await client.post(f"/v1/tenants/acme/datasets/{ds['id']}/exports",
                          json={"recipient": "auditor@example.com", "destination_region": "eu", "redactions": {"name": "drop"},
                                "since": "2026-01-01T00:00:00Z", "until": "2026-01-15T00:00:00Z"}, headers=h)  # fmt: skip
    assert r.status_code == 202, r.text
    export = r.json()
    assert export["redactions"] == {
        "id": "keep",
        "name": "drop",
        "email": "hash",
        "score": "mask",
        "active": "keep",
        "seen_at": "keep",
    }
    job = run_job(runtime, export["job_id"])
    assert job["state"] == "succeeded", job
    r = await client.get(f"/v1/tenants/acme/exports/{export['id']}/pack", headers=h)
    assert r.status_code == 200 and r.headers["content-type"] == "application/gzip"
    pack = r.content
    assert verify_archive(pack)["ok"]
    files = _members(pack)
    manifest = json.loads(files["manifest.json"])
    doc = json.loads(files[f"items/{_digest(manifest, 'export.json')}"])
    assert doc["redactions"]["applied"]["name"] == "drop" and doc["rows"] == job["result"]["rows"]
    parquet_bytes = files[f"items/{_digest(manifest, 'part-00000.parquet')}"]
    table = pq.read_table(io.BytesIO(parquet_bytes))
    assert "name" not in table.column_names and "_row" not in table.column_names
    emails = table.column("email").to_pylist()
    assert all(len(e) == 64 and "@" not in e for e in emails)  # salted SHA-256
    assert all(s.startswith("*") for s in table.column("score").to_pylist() if s)
    assert all("2026-01-01" <= t.isoformat() < "2026-01-15" for t in table.column("seen_at").to_pylist())
    # trace: metadata, then the watermarks alone once the metadata is stripped
    leaked = runtime.settings.var_dir / "leaked.parquet"
    leaked.write_bytes(parquet_bytes)
    assert exports_module.trace(leaked)["export_id"] == export["id"]
    stripped = runtime.settings.var_dir / "stripped.parquet"
    pq.write_table(table.replace_schema_metadata(None).slice(3, 10), str(stripped))
    traced = exports_module.trace(stripped, [("exp_other", "x"), (export["id"], "auditor@example.com")])
    assert traced == {**traced, "export_id": export["id"], "source": "watermark"}
    assert table.column(watermark.COLUMN)[0].as_py() == watermark.row_mark(
        export["id"], "auditor@example.com", 0
    )
    # tampering with the pack is detected
    tampered = _rewrite(pack, "export.json", manifest, b'{"rows": 0}')
    assert not verify_archive(tampered)["ok"]
    events = runtime.audit.list("acme", action="datasets:export.complete").items
    assert events and events[0]["resource"] == f"dataset_export:{export['id']}"


def _members(pack: bytes) -> dict[str, bytes]:
    out = {}
    with tarfile.open(fileobj=io.BytesIO(pack), mode="r:gz") as tar:
        for m in tar.getmembers():
            f = tar.extractfile(m)
            out[m.name.split("/", 1)[1]] = f.read() if f else b""
    return out


def _digest(manifest: dict[str, Any], name: str) -> str:
    return next(i["sha256"] for i in manifest["items"] if i["name"] == name)


def _rewrite(pack: bytes, name: str, manifest: dict[str, Any], content: bytes) -> bytes:
    import gzip

    target = f"items/{_digest(manifest, name)}"
    raw = io.BytesIO()
    with (
        tarfile.open(fileobj=io.BytesIO(pack), mode="r:gz") as src,
        tarfile.open(fileobj=raw, mode="w") as dst,
    ):
        for m in src.getmembers():
            data = src.extractfile(m).read()  # type: ignore[union-attr]
            if m.name.endswith(target):
                data = content
            m.size = len(data)
            dst.addfile(m, io.BytesIO(data))
    return gzip.compress(raw.getvalue())


def test_sha_helper() -> None:
    assert sha(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
