"""Imports from the tenant's staging area: files that arrived out of band, named by ``staging_path``, checked
against the manifest like an upload; the listing; and every way a path could reach what it must not."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from companyos_server.domains.datasets.lake import Lake
from companyos_server.platform.runtime import Runtime
from tests.conftest import bearer
from tests.integration.datasets.helpers import make_dataset, run_job, sha

Token = Callable[..., str]
FIELDS = [
    {"name": "id", "type": "integer", "classification": "public", "nullable": False},
    {"name": "city", "type": "string", "classification": "internal"},
]
DATA = b"id,city\n1,Paris\n2,Lyon\n3,Nantes\n"


@pytest.fixture
def h(user_token: Token) -> dict[str, str]:
    return bearer(user_token("erin"))


def _drop(runtime: Runtime, tenant: str, path: str, data: bytes) -> Path:
    target = Lake(runtime.settings.var_dir).staging_area(tenant) / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


async def _open(client: httpx.AsyncClient, h: dict[str, str], dataset_id: str, path: str, data: bytes,
                **file: object) -> httpx.Response:  # fmt: skip
    entry = {"name": path.rsplit("/", 1)[-1], "staging_path": path, "sha256": sha(data), "size_bytes": len(data),
             **file}  # fmt: skip
    return await client.post(f"/v1/tenants/acme/datasets/{dataset_id}/imports",
                             json={"format": "csv", "manifest": {"files": [entry]}}, headers=h)  # fmt: skip


async def test_a_staged_file_imports_without_upload(
    client: httpx.AsyncClient, h: dict[str, str], runtime: Runtime
) -> None:
    staged = _drop(runtime, "acme", "drops/2026-12/cities.csv", DATA)
    _drop(runtime, "acme", "drops/2026-12/other.csv", b"id,city\n")
    r = await client.get("/v1/tenants/acme/staging-files", params={"prefix": "drops/"}, headers=h)
    assert r.status_code == 200, r.text
    assert [(f["path"], f["size_bytes"]) for f in r.json()["items"]] == [
        ("drops/2026-12/cities.csv", len(DATA)),
        ("drops/2026-12/other.csv", 8),
    ]
    page = (await client.get("/v1/tenants/acme/staging-files", params={"page_size": 1}, headers=h)).json()
    assert len(page["items"]) == 1 and page["next_page_token"]
    rest = await client.get("/v1/tenants/acme/staging-files",
                            params={"page_size": 1, "page_token": page["next_page_token"]}, headers=h)  # fmt: skip
    assert [f["path"] for f in rest.json()["items"]] == ["drops/2026-12/other.csv"]

    ds = await make_dataset(client, h, name="staged", fields=FIELDS)
    r = await _open(client, h, ds["id"], "drops/2026-12/cities.csv", DATA, rows=3)
    assert r.status_code == 201, r.text
    imp = r.json()
    assert imp["files"][0]["staging_path"] == "drops/2026-12/cities.csv"
    part = await client.put(f"/v1/tenants/acme/imports/{imp['id']}/files/cities.csv/parts/1",
                            params={"sha256": sha(DATA)}, content=DATA,
                            headers={**h, "Content-Type": "application/octet-stream"})  # fmt: skip
    assert part.status_code == 409 and "staging area" in part.json()["detail"]
    r = await client.post(f"/v1/tenants/acme/imports/{imp['id']}/start", headers=h)
    assert r.status_code == 202, r.text
    job = run_job(runtime, r.json()["id"])
    assert job["state"] == "succeeded", job
    assert job["result"]["rows_written"] == 3 and job["result"]["reconciliation"]["ok"]
    assert staged.read_bytes() == DATA  # the drop is the sender's: read, never moved or changed


@pytest.mark.parametrize(
    ("setup", "slug", "reason"),
    [
        ("missing", "staged-file-missing", "no such file"),
        ("resized", "truncated-file", "size differs"),
        ("tampered", "checksum-mismatch", "sha256 differs"),
        ("symlink", "staged-file-missing", "symbolic link"),
        ("linked-dir", "staged-file-missing", "symbolic link"),
    ],
)
async def test_a_staged_file_that_is_not_what_the_manifest_says_is_refused(
    client: httpx.AsyncClient, h: dict[str, str], runtime: Runtime, setup: str, slug: str, reason: str
) -> None:
    ds = await make_dataset(client, h, name=f"bad-{setup}", fields=FIELDS)
    path = f"in/{setup}.csv"
    secret = _drop(runtime, "globex", "secret.csv", DATA)  # another tenant's drop, same bytes
    if setup == "resized":
        _drop(runtime, "acme", path, DATA + b"4,Lille\n")
    elif setup == "tampered":
        _drop(runtime, "acme", path, DATA.replace(b"Paris", b"Parix"))
    elif setup == "symlink":
        link = Lake(runtime.settings.var_dir).staging_area("acme") / path
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(secret, link)
    elif setup == "linked-dir":
        area = Lake(runtime.settings.var_dir).staging_area("acme")
        area.mkdir(parents=True, exist_ok=True)
        os.symlink(secret.parent, area / "in", target_is_directory=True)
        path = "in/secret.csv"
    r = await _open(client, h, ds["id"], path, DATA)
    assert r.status_code == 201, r.text
    imp = r.json()
    r = await client.post(f"/v1/tenants/acme/imports/{imp['id']}/start", headers=h)
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json"), r.text
    body = r.json()
    assert str(body["type"]).endswith(slug) and reason in str(body["errors"]), body
    state = (await client.get(f"/v1/tenants/acme/imports/{imp['id']}", headers=h)).json()
    assert state["state"] == "uploading" and state["problem"]["type"] == slug
    assert Lake(runtime.settings.var_dir).dataset_files("acme", "eu", ds["id"]) == []


@pytest.mark.parametrize("path", ["../globex/secret.csv", "/etc/passwd", "a//b.csv", "a/../b.csv", ".x/y.csv",
                                  "a/b c.csv", "a\\b.csv"])  # fmt: skip
async def test_staging_paths_that_could_escape_are_refused_at_once(
    client: httpx.AsyncClient, h: dict[str, str], path: str
) -> None:
    ds = await make_dataset(client, h, name="escape", fields=FIELDS)
    entry = {"name": "x.csv", "staging_path": path, "sha256": sha(DATA), "size_bytes": len(DATA)}
    r = await client.post(f"/v1/tenants/acme/datasets/{ds['id']}/imports",
                          json={"format": "csv", "manifest": {"files": [entry]}}, headers=h)  # fmt: skip
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json"), r.text


async def test_each_tenant_sees_only_its_own_staging_area(
    client: httpx.AsyncClient, mint: Token, h: dict[str, str], runtime: Runtime
) -> None:
    _drop(runtime, "acme", "mine.csv", DATA)
    _drop(runtime, "globex", "theirs.csv", DATA)
    area = Lake(runtime.settings.var_dir).staging_area("acme")
    os.symlink(area / "mine.csv", area / "alias.csv")  # links are never listed
    (area / "bad name.csv").write_bytes(DATA)  # nor names no import could give
    mine = (await client.get("/v1/tenants/acme/staging-files", headers=h)).json()["items"]
    assert [f["path"] for f in mine] == ["mine.csv"]
    globex = bearer(mint("usr_globex_admin", tenants={"globex": ["tenant_admin"]}))
    theirs = (await client.get("/v1/tenants/globex/staging-files", headers=globex)).json()["items"]
    assert [f["path"] for f in theirs] == ["theirs.csv"]
    r = await client.get("/v1/tenants/globex/staging-files", headers=h)
    assert r.status_code in (403, 404) and r.headers["content-type"].startswith("application/problem+json")
    viewer = bearer(mint("usr_acme_viewer", tenants={"acme": ["viewer"]}))
    assert (await client.get("/v1/tenants/acme/staging-files", headers=viewer)).status_code == 403
