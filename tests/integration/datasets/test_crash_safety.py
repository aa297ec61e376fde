"""Crash safety: the import worker is SIGKILLed at chunk boundaries and inside chunks, restarted each time,
and the import still ends with every input row written once or quarantined once."""

# ruff: noqa: S608  (DuckDB SQL here interpolates only escaped literals: file paths, quoted identifiers)

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta

import duckdb
import httpx
import pytest

from companyos_server.domains.datasets.lake import Lake, sql_list
from companyos_server.platform.runtime import Runtime
from companyos_server.platform.storage import utcnow
from tests.conftest import bearer
from tests.integration.datasets.helpers import make_dataset, open_import, run_job, upload
from tools.live_server import REPO

Token = Callable[..., str]
FIELDS = [
    {"name": "id", "type": "integer", "classification": "public", "nullable": False},
    {"name": "note", "type": "string", "classification": "internal"},
]
POINTS = ("before_chunk", "after_quarantine", "after_data", "after_checkpoint")


def ndjson(n: int) -> tuple[bytes, int]:
    out, bad = io.StringIO(), 0
    for i in range(1, n + 1):
        if i % 97 == 0:
            out.write('{"id": "nope", "note": "bad"}\n')
            bad += 1
        elif i % 131 == 0:
            out.write("{not json\n")
            bad += 1
        else:
            out.write(json.dumps({"id": i, "note": f"row {i}"}) + "\n")
    return out.getvalue().encode(), bad


def csv_rows(n: int) -> tuple[bytes, int]:
    out, bad = io.StringIO(), 0
    out.write("id,note\n")
    for i in range(1, n + 1):
        if i % 89 == 0:
            out.write(f"{i}\n")  # ragged
            bad += 1
        elif i % 113 == 0:
            out.write(f"x{i},mail me at someone{i}@example.com\n")
            bad += 1
        else:
            out.write(f'{i},"row, {i}"\n')
    return out.getvalue().encode(), bad


def _worker(runtime: Runtime, job_id: str, point: str | None = None, chunk: str | None = None) -> int:
    config = {"var_dir": str(runtime.settings.var_dir), "database_url": runtime.settings.effective_database_url,
              "public_base_url": runtime.settings.public_base_url}  # fmt: skip
    args = [sys.executable, "-m", "tests.integration.datasets.worker_proc", json.dumps(config), job_id]
    if point:
        args += [point, chunk or "*"]
    return subprocess.run(args, cwd=REPO, capture_output=True, timeout=120).returncode


def _requeue(runtime: Runtime, job_id: str) -> None:
    later = utcnow() + timedelta(seconds=runtime.settings.job_lease_seconds + 5)
    changed = runtime.jobs.recover_lost(now=later)
    assert [j["id"] for j in changed] == [job_id]
    if changed[0]["state"] == "failed":  # out of automatic attempts: the tenant retries it (resumes too)
        assert runtime.jobs.retry("acme", job_id)["state"] == "queued"
    else:
        assert changed[0]["state"] == "queued"


@pytest.mark.parametrize("fmt", ["ndjson", "csv"])
async def test_sigkill_anywhere_then_restart_reconciles_exactly(
    fmt: str, client: httpx.AsyncClient, user_token: Token, runtime: Runtime
) -> None:
    h = bearer(user_token("erin"))
    ds = await make_dataset(client, h, name=f"crash-{fmt}", fields=FIELDS)
    # enough rows for 6 NDJSON chunks of 250 rows and 5 CSV blocks of 64 KiB (the smallest allowed): kills
    # land in chunks 0-3, so later chunks still run after the last one
    total = 1500 if fmt == "ndjson" else 20000
    data, bad = ndjson(total) if fmt == "ndjson" else csv_rows(total)
    options = {"chunk_rows": 250} if fmt == "ndjson" else {"block_size": 65536}
    imp = await open_import(
        client, h, ds["id"], {"input.data": data}, fmt=fmt, rows={"input.data": total}, **options
    )
    await upload(client, h, imp["id"], "input.data", data)
    r = await client.post(f"/v1/tenants/acme/imports/{imp['id']}/start", headers=h)
    assert r.status_code == 202, r.text
    job_id = r.json()["id"]
    rng = random.Random(f"crash-{fmt}")
    # random chunks, visited in order (a kill at an earlier chunk than one already passed would not fire)
    kills = sorted(
        ((f"f000-c{rng.randrange(0, 4):06d}", p) for p in POINTS), key=lambda k: (k[0], POINTS.index(k[1]))
    )
    kills = [(p, c) for c, p in kills] + [("before_publish", "*"), ("after_publish", "*")]
    killed = 0
    for point, chunk in kills:
        code = _worker(runtime, job_id, point, chunk)
        killed += code == -9
        job = runtime.jobs.get("acme", job_id)
        if code == -9:
            assert job["state"] == "running"
            _requeue(runtime, job_id)
        else:  # that point had already passed on an earlier attempt: the worker finished
            assert code == 0 and job["state"] == "succeeded", job
            break
    job = runtime.jobs.get("acme", job_id)
    if job["state"] != "succeeded":
        job = run_job(runtime, job_id)
    assert job["state"] == "succeeded", job
    assert killed >= 3 and job["attempts"] >= 2
    result = job["result"]
    assert (
        result["rows_in"] == total
        and result["rows_quarantined"] == bad
        and result["rows_written"] == total - bad
    )
    lake = Lake(runtime.settings.var_dir)
    files = lake.dataset_files("acme", "eu", ds["id"])
    quarantine = sorted(lake.quarantine_dir("acme", imp["id"]).glob("*.parquet"))
    with duckdb.connect() as con:
        written, distinct = con.execute(
            f"SELECT count(*), count(DISTINCT _row) FROM read_parquet({sql_list(files)})"
        ).fetchone()  # type: ignore[misc]
        q_rows = sorted(
            r[0] for r in con.execute(f"SELECT row FROM read_parquet({sql_list(quarantine)})").fetchall()
        )
        w_rows = {r[0] for r in con.execute(f"SELECT _row FROM read_parquet({sql_list(files)})").fetchall()}
    assert written == distinct == total - bad
    assert len(q_rows) == len(set(q_rows)) == bad
    assert w_rows | set(q_rows) == set(range(1, total + 1)) and not (w_rows & set(q_rows))
    assert not list((lake.staging("acme", imp["id"]) / "chunks").glob("*"))
