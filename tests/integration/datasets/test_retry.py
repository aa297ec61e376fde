"""Retrying quarantined rows after a schema fix: PATCH the dataset (compatible changes only), retry the
finished import, and the attempts reconcile with the input row for row."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pyarrow.parquet as pq

from companyos_server.domains.datasets.lake import Lake
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.integration.cli.conftest import Cli, _cli_env, cli, http, service, worker  # noqa: F401  (fixtures)
from tests.integration.datasets.helpers import FIELDS, make_dataset, open_import, run_job, upload
from tests.integration.datasets.test_flow import customers_csv

Token = Callable[..., str]
RAGGED = b"999,too,many,columns,for,this,schema\n"


async def _finished_import(client: httpx.AsyncClient, h: dict[str, str], runtime: Runtime) -> tuple[dict[str, Any], dict[str, Any]]:  # fmt: skip
    ds = await make_dataset(client, h)
    data, _ = customers_csv()
    data += RAGGED  # row 301: the parser rejects it, no schema change can fix it
    imp = await open_import(client, h, ds["id"], {"customers.csv": data})
    await upload(client, h, imp["id"], "customers.csv", data)
    r = await client.post(f"/v1/tenants/acme/imports/{imp['id']}/start", headers=h)
    assert r.status_code == 202, r.text
    job = run_job(runtime, r.json()["id"])
    assert job["state"] == "succeeded", job
    assert job["result"]["by_rule"] == {"pii:phone": 4, "ragged_row": 1, "type": 6}
    return ds, imp


async def _retry(client: httpx.AsyncClient, h: dict[str, str], import_id: str) -> httpx.Response:
    return await client.post(f"/v1/tenants/acme/imports/{import_id}/retry", headers=h)


async def test_a_schema_fix_lets_quarantined_rows_through_on_retry(
    client: httpx.AsyncClient, user_token: Token, runtime: Runtime
) -> None:
    h = bearer(user_token("erin"))
    ds, first = await _finished_import(client, h, runtime)
    base = f"/v1/tenants/acme/datasets/{ds['id']}"

    # The names that held phone numbers are personal data after all: classify the field pii.
    fixed = [{**f, "classification": "pii"} if f["name"] == "name" else f for f in FIELDS]
    r = await client.patch(base, json={"fields": fixed, "description": "CRM customers"}, headers=h)
    assert r.status_code == 200, r.text
    assert r.json()["fields"][1]["classification"] == "pii" and r.json()["description"] == "CRM customers"

    r = await _retry(client, h, first["id"])
    assert r.status_code == 202, r.text
    retry = r.json()
    assert r.headers["location"] == f"/v1/tenants/acme/imports/{retry['id']}"
    assert retry["retry_of"] == first["id"] and retry["state"] == "started" and retry["job_id"]
    assert retry["files"][0]["rows"] == 11
    job = run_job(runtime, retry["job_id"])
    assert job["state"] == "succeeded", job
    result = job["result"]
    assert (result["rows_in"], result["rows_written"], result["rows_quarantined"]) == (11, 4, 7)
    assert result["by_rule"] == {"ragged_row": 1, "type": 6} and result["reconciliation"]["ok"]

    # The attempts reconcile: 290 written first, 4 on retry, 7 still quarantined = 301 input rows.
    r = await client.get(base, headers=h)
    assert r.json()["row_count"] == 294
    r = await client.get(
        f"/v1/tenants/acme/imports/{retry['id']}/quarantine", params={"page_size": 100}, headers=h
    )
    rows = {(i["row"], i["rule"]) for i in r.json()["items"]}
    assert rows == {(50, "type"), (100, "type"), (150, "type"), (200, "type"), (250, "type"), (300, "type"),
                    (301, "ragged_row")}  # fmt: skip
    lake = Lake(runtime.settings.var_dir).dataset_dir("acme", "eu", ds["id"])
    published = sorted(
        row
        for path in lake.glob(f"part-{retry['id']}-*.parquet")
        for row in pq.read_table(path)["_row"].to_pylist()
    )
    assert published == [70, 140, 210, 280]  # the original row numbers

    r = await client.get(f"/v1/tenants/acme/imports/{first['id']}", headers=h)
    assert r.json()["retried_by"] == retry["id"]
    # Only the latest attempt is retried, and the first cannot be rolled back from under its retry.
    r = await _retry(client, h, first["id"])
    assert r.status_code == 409 and retry["id"] in r.json()["detail"]
    r = await client.post(f"/v1/tenants/acme/imports/{first['id']}/rollback", headers=h)
    assert r.status_code == 409 and retry["id"] in r.json()["detail"]
    # Rolling the retry back takes its rows out and lets the first import be retried again.
    r = await client.post(f"/v1/tenants/acme/imports/{retry['id']}/rollback", headers=h)
    assert r.status_code == 200, r.text
    r = await client.get(base, headers=h)
    assert r.json()["row_count"] == 290
    r = await client.get(f"/v1/tenants/acme/imports/{first['id']}", headers=h)
    assert r.json()["retried_by"] is None
    r = await _retry(client, h, first["id"])
    assert r.status_code == 202, r.text


async def test_schema_changes_that_would_not_describe_written_rows_are_refused(
    client: httpx.AsyncClient, user_token: Token
) -> None:
    h = bearer(user_token("erin"))
    ds = await make_dataset(client, h)
    base = f"/v1/tenants/acme/datasets/{ds['id']}"
    cases = {
        "retyped": [{**f, "type": "string"} if f["name"] == "id" else f for f in FIELDS],
        "required": [{**f, "nullable": False} if f["name"] == "name" else f for f in FIELDS],
        "removed": FIELDS[:-1],
        "reordered": [FIELDS[1], FIELDS[0], *FIELDS[2:]],
    }
    for name, fields in cases.items():
        r = await client.patch(base, json={"fields": fields}, headers=h)
        assert r.status_code == 409, (name, r.text)
        assert r.headers["content-type"].startswith("application/problem+json") and r.json()["errors"], name
    narrow = [{**f, "max_length": 10} if f["name"] == "name" else f for f in FIELDS]
    assert (await client.patch(base, json={"fields": narrow}, headers=h)).status_code == 409
    r = await client.get(base, headers=h)
    assert r.json()["fields"] == [{"max_length": None, "nullable": True, **f} for f in FIELDS]  # unchanged
    # Widening is fine; an SRE imports data but does not change classifications; a viewer does neither.
    wide = [{**f, "nullable": True} if f["name"] == "id" else f for f in FIELDS]
    assert (await client.patch(base, json={"fields": wide}, headers=h)).status_code == 200
    assert (
        await client.patch(base, json={"description": "x"}, headers=bearer(user_token("alice")))
    ).status_code == 403
    assert (await client.patch(base, json={}, headers=h)).status_code == 400


async def test_only_a_finished_import_with_quarantined_rows_is_retried(
    client: httpx.AsyncClient, user_token: Token, runtime: Runtime
) -> None:
    h = bearer(user_token("erin"))
    ds = await make_dataset(client, h)
    data = b"id,name,email,score,active,seen_at\n1,a,a@x.example,1,true,2026-01-01T00:00:00Z\n"
    imp = await open_import(client, h, ds["id"], {"clean.csv": data})
    r = await _retry(client, h, imp["id"])
    assert r.status_code == 409 and "uploading" in r.json()["detail"]
    await upload(client, h, imp["id"], "clean.csv", data)
    r = await client.post(f"/v1/tenants/acme/imports/{imp['id']}/start", headers=h)
    assert run_job(runtime, r.json()["id"])["state"] == "succeeded"
    r = await _retry(client, h, imp["id"])
    assert r.status_code == 409 and "no quarantined rows" in r.json()["detail"]
    assert (await _retry(client, bearer(user_token("bob")), imp["id"])).status_code == 403
    assert (await _retry(client, h, "imp_" + "0" * 26)).status_code == 404


def test_the_cli_fixes_the_schema_and_retries_the_seeded_import(
    cli: Cli,  # noqa: F811
    service: Any,  # noqa: F811
    worker: Runtime,  # noqa: F811
) -> None:
    env = service("acme")
    imports = json.loads(cli("-o", "json", "import", "list", "customers-demo", **env).stdout)
    seeded = imports[-1]
    assert seeded["result"]["by_rule"]["pii:card_number"] > 0
    bad = cli("datasets", "update", "customers-demo", "--classify", "nickname=pii", **env)
    assert bad.exit_code != 0 and "no field 'nickname'" in bad.stderr
    narrowed = cli("datasets", "update", "customers-demo", "--max-length", "name=3", **env)
    assert narrowed.exit_code != 0 and "max_length" in narrowed.stderr
    assert cli("datasets", "update", "customers-demo", **env).exit_code != 0  # nothing to change

    # The card numbers sit in customer names: the field is personal data, classify it so.
    fixed = cli("datasets", "update", "customers-demo", "--classify", "name=pii", **env)
    assert fixed.exit_code == 0, fixed.stderr
    result = cli("import", "retry", seeded["id"], "--watch", **env)
    assert result.exit_code == 0, result.stderr
    retry_id = result.stderr.split()[1]
    assert f"import {retry_id} retries {seeded['id']}" in result.stderr and "succeeded" in result.stdout
    retry = json.loads(cli("-o", "json", "import", "get", retry_id, **env).stdout)
    assert retry["retry_of"] == seeded["id"] and retry["job"]["state"] == "succeeded"
    first, second = seeded["result"], retry["result"]
    assert second["rows_written"] == first["by_rule"]["pii:card_number"]
    assert "pii:card_number" not in second["by_rule"]
    assert first["rows_written"] + second["rows_written"] + second["rows_quarantined"] == first["rows_in"]
