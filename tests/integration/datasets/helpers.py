"""Shared helpers for the datasets tests: declare a dataset, upload files in parts, run jobs."""

from __future__ import annotations

import hashlib
import time
from typing import Any

import httpx

from companyos_server.platform.runtime import Runtime

FIELDS = [
    {"name": "id", "type": "integer", "classification": "public", "nullable": False},
    {"name": "name", "type": "string", "classification": "internal"},
    {"name": "email", "type": "string", "classification": "pii"},
    {"name": "score", "type": "number", "classification": "confidential"},
    {"name": "active", "type": "boolean", "classification": "public"},
    {"name": "seen_at", "type": "timestamp", "classification": "internal"},
]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def make_dataset(client: httpx.AsyncClient, headers: dict[str, str], name: str = "customers",
                       fields: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:  # fmt: skip
    body = {
        "name": name,
        "fields": fields or FIELDS,
        "time_field": "seen_at" if fields is None else None,
        **extra,
    }
    r = await client.post(
        "/v1/tenants/acme/datasets", json={k: v for k, v in body.items() if v is not None}, headers=headers
    )
    assert r.status_code == 201, r.text
    return r.json()


async def open_import(client: httpx.AsyncClient, headers: dict[str, str], dataset_id: str,
                      files: dict[str, bytes], fmt: str = "csv", rows: dict[str, int] | None = None,
                      tenant: str = "acme", **options: Any) -> dict[str, Any]:  # fmt: skip
    manifest = [{"name": n, "sha256": sha(d), "size_bytes": len(d), **({"rows": rows[n]} if rows and n in rows else {})}
                for n, d in files.items()]  # fmt: skip
    r = await client.post(f"/v1/tenants/{tenant}/datasets/{dataset_id}/imports",
                          json={"format": fmt, "manifest": {"files": manifest}, **options}, headers=headers)  # fmt: skip
    assert r.status_code == 201, r.text
    return r.json()


async def upload(client: httpx.AsyncClient, headers: dict[str, str], import_id: str, name: str, data: bytes,
                 part_size: int = 1 << 20, tenant: str = "acme") -> list[httpx.Response]:  # fmt: skip
    out = []
    for i in range(0, max(len(data), 1), part_size):
        part = data[i : i + part_size]
        r = await client.put(
            f"/v1/tenants/{tenant}/imports/{import_id}/files/{name}/parts/{i // part_size + 1}",
            params={"sha256": sha(part)}, content=part,
            headers={**headers, "Content-Type": "application/octet-stream"},
        )  # fmt: skip
        out.append(r)
    return out


def run_job(runtime: Runtime, job_id: str) -> dict[str, Any]:
    runtime.jobs.run_now(job_id)
    deadline = time.monotonic() + 30
    job = runtime.jobs.get("acme", job_id)
    while job["state"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.05)
        job = runtime.jobs.get("acme", job_id)
    return job
