"""Demo data: a deterministic ``customers-demo`` dataset for acme (2,000 rows, some bad) imported through
the real pipeline (parts, pre-flight, the import job), and one signed export pack. Idempotent."""

from __future__ import annotations

import hashlib
import io
import random
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from companyos_server.domains.datasets import exports, imports, service, store
from companyos_server.platform.principal import Principal, TenantContext
from companyos_server.platform.runtime import Runtime

SEED_ORDER = 90
TENANT = "acme"
NAME = "customers-demo"
ROWS = 2000
FIELDS = [
    {"name": "customer_id", "type": "integer", "classification": "public", "nullable": False},
    {"name": "name", "type": "string", "classification": "internal"},
    {"name": "email", "type": "string", "classification": "pii"},
    {"name": "country", "type": "string", "classification": "public"},
    {"name": "lifetime_value", "type": "number", "classification": "confidential"},
    {"name": "active", "type": "boolean", "classification": "public"},
    {"name": "signed_up", "type": "timestamp", "classification": "internal"},
]
COUNTRIES = ("DE", "FR", "NL", "ES", "IT", "IE", "PL", "SE")


def sample_csv(rows: int = ROWS, seed: int = 12) -> bytes:
    """Deterministic CSV with about 2 % bad rows (bad types, missing ids, ragged rows, stray PII)."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    out = io.StringIO()
    out.write("customer_id,name,email,country,lifetime_value,active,signed_up\n")
    for i in range(1, rows + 1):
        when = (start + timedelta(minutes=rng.randrange(0, 60 * 24 * 300))).strftime("%Y-%m-%dT%H:%M:%SZ")
        value = f"{rng.uniform(0, 5000):.2f}"
        row = [str(i), f"Customer {i}", f"customer{i}@example.com", rng.choice(COUNTRIES), value,
               rng.choice(("true", "false")), when]  # fmt: skip
        if i % 97 == 0:
            row[4] = "n/a"  # not a number
        elif i % 151 == 0:
            row[0] = ""  # a required id is missing
        elif i % 211 == 0:
            row = row[:3]  # ragged
        elif i % 173 == 0:
            row[1] = f"Customer {i} (card 4111 1111 1111 1111)"  # PII in an internal field
        out.write(",".join(row) + "\n")
    return out.getvalue().encode()


def _ctx() -> TenantContext:
    principal = Principal(subject="usr_erin", kind="user", tenants={TENANT: ("tenant_admin",)})
    return TenantContext(tenant_id=TENANT, principal=principal, roles=("tenant_admin",))


def seed_demo(runtime: Runtime) -> dict[str, Any] | None:
    with runtime.db.session() as session:
        existing = session.scalars(
            select(store.DatasetRow).where(
                store.DatasetRow.tenant_id == TENANT, store.DatasetRow.name == NAME
            )
        ).first()
    if existing is not None:
        return None
    ctx = _ctx()
    dataset = service.create_dataset(runtime.db, ctx, {
        "name": NAME, "fields": FIELDS, "time_field": "signed_up",
        "description": "Deterministic demo customers (seeded), with a few bad rows in quarantine.",
    })  # fmt: skip
    data = sample_csv()
    manifest = {
        "files": [
            {
                "name": "customers.csv",
                "sha256": hashlib.sha256(data).hexdigest(),
                "size_bytes": len(data),
                "rows": ROWS,
            }
        ]
    }
    imp = imports.create_import(runtime.db, ctx, dataset["id"], {"format": "csv", "manifest": manifest})
    part = 256 * 1024
    for n, offset in enumerate(range(0, len(data), part), start=1):
        chunk = data[offset : offset + part]
        imports.upload_part(
            runtime.db, ctx, imp["id"], "customers.csv", n, hashlib.sha256(chunk).hexdigest(), chunk
        )
    job = imports.start_import(runtime.db, runtime.jobs, ctx, imp["id"])
    runtime.jobs.run_now(job["id"])
    export = exports.create_export(runtime.db, runtime, ctx, dataset["id"], {
        "recipient": "auditor@example.com", "destination_region": "eu", "redactions": {"name": "drop"},
    })  # fmt: skip
    runtime.jobs.run_now(export["job_id"])
    return {"dataset_id": dataset["id"], "import_id": imp["id"], "export_id": export["id"]}
