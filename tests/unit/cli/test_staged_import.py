"""``companyos import staging-files`` and ``companyos import staged``: import files already in the tenant's
staging area, declaring each one's SHA-256 and size; mismatched option counts are usage errors."""

from __future__ import annotations

import json
from typing import Any

import respx

from .conftest import Cli
from .factories import page

T = "/v1/tenants/acme"
SHA = "ab" * 32
IMPORT: dict[str, Any] = {"id": "imp_1", "format": "csv", "state": "uploading", "files": [],
                          "created_at": "2026-12-01T00:00:00Z"}  # fmt: skip
JOB = {"id": "job_1", "kind": "datasets.import", "state": "succeeded", "progress": {"done": 3, "total": 3},
       "result": {"rows_written": 3}, "errors": []}  # fmt: skip


def test_staging_files_lists_paths_and_sizes(cli: Cli, api: respx.MockRouter) -> None:
    route = api.get(T + "/staging-files").respond(
        json=page([{"path": "drops/a.csv", "size_bytes": 31, "modified_at": "2026-12-01T00:00:00Z"}])
    )
    result = cli("import", "staging-files", "--prefix", "drops/")
    assert result.exit_code == 0, result.stderr
    assert "drops/a.csv" in result.stdout and route.calls.last.request.url.params["prefix"] == "drops/"


def test_staged_opens_the_manifest_and_runs_the_import(cli: Cli, api: respx.MockRouter) -> None:
    create = api.post(T + "/datasets/ds_1/imports").respond(201, json=IMPORT)
    start = api.post(T + "/imports/imp_1/start").respond(202, json={**JOB, "state": "queued"})
    api.get(T + "/jobs/job_1").respond(json=JOB)
    api.get(T + "/imports/imp_1").respond(json={**IMPORT, "state": "started"})
    result = cli("import", "staged", "ds_1", "drops/2026/cities.csv.gz", "--sha256", SHA.upper(),
                 "--size", "31", "--rows", "3", "--interval", "0")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    body = json.loads(create.calls.last.request.content)
    assert body["compression"] == "gzip" and body["format"] == "csv"
    assert body["manifest"]["files"] == [{"name": "cities.csv.gz", "staging_path": "drops/2026/cities.csv.gz",
                                          "sha256": SHA, "size_bytes": 31, "rows": 3}]  # fmt: skip
    assert start.called and "imp_1" in result.stdout


def test_staged_without_start_only_opens(cli: Cli, api: respx.MockRouter) -> None:
    api.post(T + "/datasets/ds_1/imports").respond(201, json=IMPORT)
    start = api.post(T + "/imports/imp_1/start").respond(202, json=JOB)
    result = cli("import", "staged", "ds_1", "a.ndjson", "--sha256", SHA, "--size", "9", "--no-start")
    assert result.exit_code == 0 and not start.called


def test_staged_needs_one_checksum_and_size_per_path(cli: Cli, api: respx.MockRouter) -> None:
    create = api.post(T + "/datasets/ds_1/imports").respond(201, json=IMPORT)
    result = cli("import", "staged", "ds_1", "a.csv", "b.csv", "--sha256", SHA, "--size", "1", "--size", "2")
    assert result.exit_code == 2 and "--sha256 needs one value per staging path" in result.stderr
    result = cli("import", "staged", "ds_1", "x/a.csv", "y/a.csv", "--sha256", SHA, "--sha256", SHA,
                 "--size", "1", "--size", "2")  # fmt: skip
    assert result.exit_code == 2 and "same file name" in result.stderr
    assert not create.called
