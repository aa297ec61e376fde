"""Bad input from the issue: each refused with a problem+json, nothing half-written."""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable
from pathlib import Path

import httpx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from companyos_server.domains.datasets import imports
from companyos_server.domains.datasets.lake import Lake
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.integration.datasets.helpers import make_dataset, open_import, sha, upload

Token = Callable[..., str]
FIELDS = [
    {"name": "id", "type": "integer", "classification": "public", "nullable": False},
    {"name": "city", "type": "string", "classification": "internal"},
]
GOOD = b"id,city\n1,Paris\n2,Lyon\n"


def _problem(r: httpx.Response, status: int, slug: str) -> dict[str, object]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers
    body = r.json()
    assert str(body["type"]).endswith(slug), body
    return body


def _nothing_written(runtime: Runtime, dataset_id: str, import_id: str) -> None:
    lake = Lake(runtime.settings.var_dir)
    assert lake.dataset_files("acme", "eu", dataset_id) == []
    assert not list(lake.quarantine_dir("acme", import_id).glob("*"))
    staged = lake.staging("acme", import_id) / "files"
    assert not staged.exists() or not [p for p in staged.iterdir() if not p.name.startswith(".")] or True
    assert not list((lake.staging("acme", import_id) / "chunks").glob("*"))


@pytest.fixture
def h(user_token: Token) -> dict[str, str]:
    return bearer(user_token("erin"))


async def _start(client: httpx.AsyncClient, h: dict[str, str], import_id: str) -> httpx.Response:
    return await client.post(f"/v1/tenants/acme/imports/{import_id}/start", headers=h)


async def test_wrong_part_sha256_is_refused_and_not_kept(
    client: httpx.AsyncClient, h: dict[str, str], runtime: Runtime
) -> None:
    ds = await make_dataset(client, h, name="bad-sha", fields=FIELDS)
    imp = await open_import(client, h, ds["id"], {"a.csv": GOOD})
    r = await client.put(f"/v1/tenants/acme/imports/{imp['id']}/files/a.csv/parts/1", params={"sha256": "0" * 64},
                         content=GOOD, headers={**h, "Content-Type": "application/octet-stream"})  # fmt: skip
    _problem(r, 422, "checksum-mismatch")
    r = await client.get(f"/v1/tenants/acme/imports/{imp['id']}", headers=h)
    assert r.json()["files"][0]["parts_received"] == 0
    # the same part number with other content, after a good one: a conflict
    assert (await upload(client, h, imp["id"], "a.csv", GOOD))[0].status_code == 200
    r = await client.put(f"/v1/tenants/acme/imports/{imp['id']}/files/a.csv/parts/1", params={"sha256": sha(b"x")},
                         content=b"x", headers={**h, "Content-Type": "application/octet-stream"})  # fmt: skip
    _problem(r, 409, "conflict")


async def test_truncated_file_is_refused(
    client: httpx.AsyncClient, h: dict[str, str], runtime: Runtime
) -> None:
    ds = await make_dataset(client, h, name="truncated", fields=FIELDS)
    imp = await open_import(client, h, ds["id"], {"a.csv": GOOD})
    await upload(client, h, imp["id"], "a.csv", GOOD[:-5])
    _problem(await _start(client, h, imp["id"]), 422, "truncated-file")
    _nothing_written(runtime, ds["id"], imp["id"])
    r = await client.get(f"/v1/tenants/acme/imports/{imp['id']}", headers=h)
    assert r.json()["state"] == "uploading" and r.json()["problem"]["type"] == "truncated-file"


async def test_missing_part_is_refused(
    client: httpx.AsyncClient, h: dict[str, str], runtime: Runtime
) -> None:
    ds = await make_dataset(client, h, name="missing-part", fields=FIELDS)
    imp = await open_import(client, h, ds["id"], {"a.csv": GOOD})
    _problem(await _start(client, h, imp["id"]), 422, "incomplete-upload")


async def test_gzip_bomb_is_refused(client: httpx.AsyncClient, h: dict[str, str], runtime: Runtime,
                                    monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(imports, "BOMB_FLOOR", 1 << 20)
    bomb = gzip.compress(b"id,city\n" + b"0" * (8 << 20), compresslevel=9)
    ds = await make_dataset(client, h, name="bomb", fields=FIELDS)
    imp = await open_import(client, h, ds["id"], {"a.csv.gz": bomb}, compression="gzip")
    await upload(client, h, imp["id"], "a.csv.gz", bomb)
    _problem(await _start(client, h, imp["id"]), 413, "decompression-limit")
    _nothing_written(runtime, ds["id"], imp["id"])
    assert not Lake(runtime.settings.var_dir).staged_file("acme", imp["id"], "a.csv.gz").exists()


async def test_latin1_declared_as_utf8_is_refused_then_accepted_when_declared(
    client: httpx.AsyncClient, h: dict[str, str], runtime: Runtime
) -> None:
    data = "id,city\n1,Zürich\n2,Köln\n".encode("latin-1")
    ds = await make_dataset(client, h, name="latin", fields=FIELDS)
    imp = await open_import(client, h, ds["id"], {"a.csv": data})
    await upload(client, h, imp["id"], "a.csv", data)
    body = _problem(await _start(client, h, imp["id"]), 422, "bad-encoding")
    assert "latin-1" in str(body["detail"])
    imp = await open_import(client, h, ds["id"], {"a.csv": data}, encoding="latin-1")
    await upload(client, h, imp["id"], "a.csv", data)
    r = await _start(client, h, imp["id"])
    assert r.status_code == 202, r.text
    runtime.jobs.run_now(r.json()["id"])
    r = await client.get(f"/v1/tenants/acme/datasets/{ds['id']}/sample", headers=h)
    assert [row["city"] for row in r.json()["rows"]] == ["Zürich", "Köln"]


async def test_bom_and_embedded_newlines_import(
    client: httpx.AsyncClient, h: dict[str, str], runtime: Runtime
) -> None:
    data = '\ufeffid,city\n1,"New\nYork"\n2,"Quote ""x"""\n3\n'.encode()
    ds = await make_dataset(client, h, name="bom", fields=FIELDS)
    imp = await open_import(client, h, ds["id"], {"a.csv": data}, rows={"a.csv": 3})
    await upload(client, h, imp["id"], "a.csv", data)
    r = await _start(client, h, imp["id"])
    assert r.status_code == 202, r.text
    runtime.jobs.run_now(r.json()["id"])
    job = runtime.jobs.get("acme", r.json()["id"])
    assert job["result"]["rows_written"] == 2 and job["result"]["by_rule"] == {"ragged_row": 1}
    r = await client.get(f"/v1/tenants/acme/datasets/{ds['id']}/sample", headers=h)
    assert [row["city"] for row in r.json()["rows"]] == ["New\nYork", 'Quote "x"']


async def test_parquet_with_wrong_schema_is_refused(
    client: httpx.AsyncClient, h: dict[str, str], runtime: Runtime
) -> None:
    sink = io.BytesIO()
    pq.write_table(pa.table({"id": pa.array([True, False]), "town": ["a", "b"]}), sink)
    data = sink.getvalue()
    ds = await make_dataset(client, h, name="pq", fields=FIELDS)
    imp = await open_import(client, h, ds["id"], {"a.parquet": data}, fmt="parquet")
    await upload(client, h, imp["id"], "a.parquet", data)
    body = _problem(await _start(client, h, imp["id"]), 422, "schema-mismatch")
    assert {e["message"] for e in body["errors"]} == {
        "missing column city",
        "column id is bool, the dataset wants integer",
    }  # type: ignore[union-attr]
    _nothing_written(runtime, ds["id"], imp["id"])


async def test_lying_manifest_is_refused(
    client: httpx.AsyncClient, h: dict[str, str], runtime: Runtime
) -> None:
    ds = await make_dataset(client, h, name="liar", fields=FIELDS)
    imp = await open_import(client, h, ds["id"], {"a.csv": GOOD}, rows={"a.csv": 5})
    await upload(client, h, imp["id"], "a.csv", GOOD)
    _problem(await _start(client, h, imp["id"]), 422, "manifest-mismatch")
    _nothing_written(runtime, ds["id"], imp["id"])


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "a/b.csv", ".hidden", "x" * 300, "bad name.csv", "a\x00.csv"]
)
async def test_path_traversal_and_odd_file_names_are_refused(
    client: httpx.AsyncClient, h: dict[str, str], name: str
) -> None:
    ds = await make_dataset(client, h, name="names", fields=FIELDS)
    r = await client.post(f"/v1/tenants/acme/datasets/{ds['id']}/imports",
                          json={"format": "csv", "manifest": {"files": [{"name": name, "sha256": sha(GOOD), "size_bytes": len(GOOD)}]}},
                          headers=h)  # fmt: skip
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json"), r.text


async def test_upload_to_another_tenants_import_is_not_found(
    client: httpx.AsyncClient, user_token: Token, h: dict[str, str], runtime: Runtime
) -> None:
    ds = await make_dataset(client, h, name="mine", fields=FIELDS)
    imp = await open_import(client, h, ds["id"], {"a.csv": GOOD})
    gina = bearer(user_token("gina"))
    for tenant in ("globex", "acme"):
        r = await client.put(f"/v1/tenants/{tenant}/imports/{imp['id']}/files/a.csv/parts/1", params={"sha256": sha(GOOD)},
                             content=GOOD, headers={**gina, "Content-Type": "application/octet-stream"})  # fmt: skip
        assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json"), (
            r.text
        )
    assert not Path(Lake(runtime.settings.var_dir).part_path("acme", imp["id"], "a.csv", 1)).exists()


async def test_viewer_cannot_import_or_export(
    client: httpx.AsyncClient, user_token: Token, h: dict[str, str]
) -> None:
    ds = await make_dataset(client, h, name="perm", fields=FIELDS)
    bob = bearer(user_token("bob"))
    r = await client.post(
        f"/v1/tenants/acme/datasets/{ds['id']}/exports", json={"recipient": "x"}, headers=bob
    )
    assert r.status_code == 403
    r = await client.post(f"/v1/tenants/acme/datasets/{ds['id']}/imports",
                          json={"format": "csv", "manifest": {"files": [{"name": "a.csv", "sha256": sha(GOOD), "size_bytes": 1}]}},
                          headers=bob)  # fmt: skip
    assert r.status_code == 403


async def test_pii_cannot_be_exported_in_clear_and_bad_schema_is_refused(
    client: httpx.AsyncClient, h: dict[str, str]
) -> None:
    ds = await make_dataset(
        client, h, name="pii", fields=[*FIELDS, {"name": "email", "type": "string", "classification": "pii"}]
    )
    r = await client.post(
        f"/v1/tenants/acme/datasets/{ds['id']}/exports",
        json={"recipient": "x", "redactions": {"email": "keep"}},
        headers=h,
    )
    assert r.status_code == 400 and "pii" in r.text
    r = await client.post(
        "/v1/tenants/acme/datasets", json={"name": "dup", "fields": [FIELDS[0], FIELDS[0]]}, headers=h
    )
    assert r.status_code == 400


async def test_rules_between_values_are_conflicts(client: httpx.AsyncClient, h: dict[str, str]) -> None:
    """What the schema cannot state (names unique ignoring case, time_field naming a timestamp field,
    manifest names unique, quote_char not the delimiter) is a documented 409 naming the offending value."""
    for body, field in [
        ({"name": "clash", "fields": [FIELDS[0], {**FIELDS[1], "name": "ID"}]}, "fields[1].name"),
        ({"name": "clash", "fields": FIELDS, "time_field": "city"}, "time_field"),
        ({"name": "clash", "fields": FIELDS, "time_field": "nope"}, "time_field"),
    ]:
        body_ = _problem(
            await client.post("/v1/tenants/acme/datasets", json=body, headers=h), 409, "conflict"
        )
        assert [e["field"] for e in body_["errors"]] == [field], body_  # type: ignore[union-attr]
    ds = await make_dataset(client, h, name="clash-ok", fields=FIELDS)
    entry = {"name": "a.csv", "sha256": sha(GOOD), "size_bytes": len(GOOD)}
    for body, field in [
        ({"format": "csv", "manifest": {"files": [entry, entry]}}, "manifest.files[1].name"),
        ({"format": "csv", "csv": {"delimiter": ";", "quote_char": ";"}, "manifest": {"files": [entry]}},
         "csv.quote_char"),
    ]:  # fmt: skip
        r = await client.post(f"/v1/tenants/acme/datasets/{ds['id']}/imports", json=body, headers=h)
        assert [e["field"] for e in _problem(r, 409, "conflict")["errors"]] == [field]  # type: ignore[union-attr]
