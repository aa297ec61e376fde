"""`python -m benchmarks data_ramp`: the tenant data on/off-ramp against DuckDB doing the same load.

Rows x 10 columns (1,000,000; 100,000 with ``--quick``), generated deterministically, as CSV, NDJSON and
Parquet. Ours: the whole import path without HTTP (parts uploaded with their SHA-256, pre-flight with the
file checksum, encoding check and row count, chunked pyarrow validation, the PII scan of every string
field not classified ``pii``, quarantine, per-chunk checkpoints, reconciliation, the evidence pack).
Baseline: DuckDB's own ``read_csv`` / ``read_json`` / ``read_parquet`` into a table of the same schema.
Export: ours (redaction, watermarks, the signed pack) against DuckDB ``COPY … TO`` Parquet of the same
rows. Each of our runs is a process of its own, so its peak RSS is its own. Goal: imports ≥ 0.25x DuckDB.
Writes ``benchmarks/results/data_ramp.json``.
"""

# ruff: noqa: S608  (DuckDB SQL here interpolates only escaped literals: file paths, quoted identifiers)

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCHMARK = True
RESULTS = Path(__file__).resolve().parent / "results"
GOAL_RATIO = 0.25
FIELDS = [
    {"name": "id", "type": "integer", "classification": "public", "nullable": False},
    {"name": "name", "type": "string", "classification": "internal"},
    {"name": "email", "type": "string", "classification": "pii"},
    {"name": "country", "type": "string", "classification": "public"},
    {"name": "amount", "type": "number", "classification": "confidential"},
    {"name": "quantity", "type": "integer", "classification": "internal"},
    {"name": "active", "type": "boolean", "classification": "public"},
    {"name": "created", "type": "timestamp", "classification": "internal"},
    {"name": "note", "type": "string", "classification": "internal"},
    {"name": "code", "type": "string", "classification": "public"},
]
DUCK_TYPES = {
    "integer": "BIGINT",
    "string": "VARCHAR",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "timestamp": "TIMESTAMPTZ",
}


def generate(directory: Path, rows: int) -> dict[str, Path]:
    """Deterministic files: the same rows as CSV, NDJSON and Parquet (DuckDB writes them)."""
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads TO 2")
    con.execute(f"""
        CREATE TABLE src AS SELECT
          range + 1 AS id,
          'Customer ' || (range + 1) AS name,
          'user' || (range + 1) || '@example.com' AS email,
          ['DE','FR','NL','ES','IT','IE','PL','SE'][(range % 8) + 1] AS country,
          round(((range * 7919) % 100000) / 100.0, 2) AS amount,
          (range * 31) % 1000 AS quantity,
          range % 3 = 0 AS active,
          TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_seconds(range * 17) AS created,
          'order note ' || (range % 977) AS note,
          'C' || lpad(CAST(range % 100000 AS VARCHAR), 6, '0') AS code
        FROM range({rows})""")  # fmt: skip
    paths = {
        "csv": directory / "rows.csv",
        "ndjson": directory / "rows.ndjson",
        "parquet": directory / "rows.parquet",
    }
    con.execute(f"COPY src TO '{paths['csv']}' (FORMAT csv, HEADER, TIMESTAMPFORMAT '%Y-%m-%dT%H:%M:%SZ')")
    con.execute(f"COPY src TO '{paths['ndjson']}' (FORMAT json)")
    con.execute(f"COPY src TO '{paths['parquet']}' (FORMAT parquet)")
    con.close()
    return paths


def duckdb_import(path: Path, fmt: str) -> float:
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads TO 2")
    cols = ", ".join(f"{f['name']} {DUCK_TYPES[f['type']]}" for f in FIELDS)
    con.execute(f"CREATE TABLE t ({cols})")
    spec = "{" + ", ".join(f"'{f['name']}': '{DUCK_TYPES[f['type']]}'" for f in FIELDS) + "}"
    reader = {
        "csv": f"read_csv('{path}', header=true, columns={spec})",
        "ndjson": f"read_json('{path}', format='newline_delimited', columns={spec})",
        "parquet": f"read_parquet('{path}')",
    }[fmt]
    start = time.perf_counter()
    con.execute(f"INSERT INTO t SELECT * FROM {reader}")
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def _runtime(var_dir: Path) -> Any:
    from companyos_server.platform.migrations import migrate
    from companyos_server.platform.runtime import Runtime, set_runtime
    from companyos_server.seed import seed_tenants
    from companyos_server.settings import Settings

    runtime = Runtime(
        Settings(
            env="test",
            var_dir=var_dir,
            database_url=f"sqlite:///{var_dir / 'bench.db'}",
            rate_limit_enabled=False,
        )
    )
    migrate(runtime.db)
    set_runtime(runtime)
    seed_tenants(runtime)
    return runtime


def _ctx() -> Any:
    from companyos_server.platform.principal import Principal, TenantContext

    principal = Principal(subject="usr_bench", kind="user", tenants={"acme": ("tenant_admin",)})
    return TenantContext(tenant_id="acme", principal=principal, roles=("tenant_admin",))


def ours_import(path: str, fmt: str, var_dir: str, queue: Any) -> None:
    """In a process of its own: upload in 8 MiB parts, pre-flight, run the job; report time and RSS."""
    from companyos_server.domains.datasets import imports, service
    from companyos_server.platform.jobs import registry

    runtime = _runtime(Path(var_dir))
    registry.load_kinds()  # import every job kind's module before the clock starts
    ctx = _ctx()
    dataset = service.create_dataset(runtime.db, ctx, {"name": f"bench-{fmt}", "fields": FIELDS})
    source = Path(path)
    start = time.perf_counter()
    digest = hashlib.sha256()
    with open(source, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    manifest = {
        "files": [{"name": source.name, "sha256": digest.hexdigest(), "size_bytes": source.stat().st_size}]
    }
    imp = imports.create_import(runtime.db, ctx, dataset["id"], {"format": fmt, "manifest": manifest})
    with open(source, "rb") as f:
        number = 1
        while part := f.read(8 << 20):
            imports.upload_part(
                runtime.db, ctx, imp["id"], source.name, number, hashlib.sha256(part).hexdigest(), part
            )
            number += 1
    job = imports.start_import(runtime.db, runtime.jobs, ctx, imp["id"])
    runtime.jobs.run_now(job["id"])
    elapsed = time.perf_counter() - start
    result = runtime.jobs.get("acme", job["id"])
    export_s = None
    if fmt == "parquet":
        from companyos_server.domains.datasets import exports

        start = time.perf_counter()
        export = exports.create_export(
            runtime.db, runtime, ctx, dataset["id"], {"recipient": "bench", "destination_region": "eu"}
        )
        runtime.jobs.run_now(export["job_id"])
        export_s = time.perf_counter() - start
        assert runtime.jobs.get("acme", export["job_id"])["state"] == "succeeded"
    queue.put({"seconds": elapsed, "state": result["state"], "result": result["result"], "export_seconds": export_s,
               "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "dataset_dir": str(runtime.settings.var_dir / "datasets")})  # fmt: skip
    runtime.close()


def duckdb_export(dataset_dir: Path, out: Path) -> float:
    import duckdb

    files = sorted(dataset_dir.rglob("part-*.parquet"))
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    listing = "[" + ", ".join(f"'{p}'" for p in files) + "]"
    start = time.perf_counter()
    con.execute(
        f"COPY (SELECT * EXCLUDE (_import_id, _file, _row) FROM read_parquet({listing})) TO '{out}' (FORMAT parquet, COMPRESSION zstd)"
    )
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def main(*, quick: bool = False, profile: bool = False, rows: int | None = None) -> int:
    count = rows or (100_000 if quick else 1_000_000)
    results: list[dict[str, Any]] = []
    spawn = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="companyos-bench-ramp-") as tmp:
        root = Path(tmp)
        paths = generate(root, count)
        export_row: dict[str, Any] = {}
        for fmt, path in paths.items():
            baseline = duckdb_import(path, fmt)
            queue = spawn.Queue()
            proc = spawn.Process(target=ours_import, args=(str(path), fmt, str(root / f"var-{fmt}"), queue))
            proc.start()
            ours = queue.get(timeout=3600)
            proc.join()
            if ours["state"] != "succeeded" or ours["result"]["rows_written"] != count:
                print(f"{fmt}: our import did not succeed: {ours}", file=sys.stderr)
                return 1
            results.append({
                "format": fmt, "rows": count, "bytes": path.stat().st_size,
                "ours_rows_per_s": round(count / ours["seconds"]), "duckdb_rows_per_s": round(count / baseline),
                "ratio": round(baseline / ours["seconds"], 3), "meets_goal": baseline / ours["seconds"] >= GOAL_RATIO,
                "ours_seconds": round(ours["seconds"], 3), "duckdb_seconds": round(baseline, 3),
                "peak_rss_mb": round(ours["peak_rss_mb"], 1), "quarantined": ours["result"]["rows_quarantined"],
            })  # fmt: skip
            if ours["export_seconds"] is not None:
                base_export = duckdb_export(Path(ours["dataset_dir"]), root / "duck-export.parquet")
                export_row = {"rows": count, "ours_rows_per_s": round(count / ours["export_seconds"]),
                              "duckdb_copy_rows_per_s": round(count / base_export),
                              "ratio": round(base_export / ours["export_seconds"], 3)}  # fmt: skip
    report = {
        "benchmark": "data_ramp",
        "goal": f"import ≥ {GOAL_RATIO}× DuckDB",
        "imports": results,
        "export": export_row,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "data_ramp.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(
        f"{'format':<9}{'rows':>9}{'ours rows/s':>13}{'duckdb rows/s':>15}{'ratio':>7}{'peak MB':>9}{'goal':>6}"
    )
    for r in results:
        print(f"{r['format']:<9}{r['rows']:>9}{r['ours_rows_per_s']:>13}{r['duckdb_rows_per_s']:>15}{r['ratio']:>7}"
              f"{r['peak_rss_mb']:>9}{'ok' if r['meets_goal'] else 'MISS':>6}")  # fmt: skip
    if export_row:
        print(f"export   {export_row['rows']:>9}{export_row['ours_rows_per_s']:>13}{export_row['duckdb_copy_rows_per_s']:>15}"
              f"{export_row['ratio']:>7}")  # fmt: skip
    print("wrote benchmarks/results/data_ramp.json")
    return 0 if all(r["meets_goal"] for r in results) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m benchmarks.data_ramp", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="100,000 rows")
    parser.add_argument("--rows", type=int, default=None)
    args = parser.parse_args()
    sys.exit(main(quick=args.quick, rows=args.rows))
