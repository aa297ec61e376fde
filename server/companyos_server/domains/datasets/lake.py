"""Where dataset rows live: Parquet files partitioned by tenant and region, queried with DuckDB.

Layout under ``var_dir/datasets/``::

    tenant=<t>/region=<r>/dataset=<id>/part-<import>-<chunk>.parquet   published rows
    _staging/<t>/<import>/parts/<file>/<n>                             uploaded parts
    _staging/<t>/<import>/files/<file>                                 assembled, decompressed input
    _staging/<t>/<import>/chunks/<chunk>.parquet                       validated rows, not yet published
    _quarantine/<t>/<import>/<chunk>.parquet                           bad rows (row, file, field, rule)

Every file is written to a temporary name and renamed, so a reader (or a restarted worker) sees a whole
file or none; names are derived from the chunk id, so writing a chunk twice leaves one file.
"""

# ruff: noqa: S608  (DuckDB SQL here interpolates only escaped literals: file paths, quoted identifiers)

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from companyos_server.platform.files import private_dir

__all__ = ["Lake"]

_SAFE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
RAW_SHOWN = 2000  # characters of a quarantined row's raw value a listing shows (a retry reads it all)
QUARANTINE_SCHEMA = pa.schema(
    [
        pa.field("row", pa.int64()),
        pa.field("file", pa.string()),
        pa.field("field", pa.string()),
        pa.field("rule", pa.string()),
        pa.field("detail", pa.string()),
        pa.field("raw", pa.string()),
        pa.field("chunk", pa.string()),
    ]
)


def _safe(value: str) -> str:
    if not _SAFE.match(value) or value in {".", ".."}:
        raise ValueError(f"unsafe path component: {value!r}")
    return value


def write_parquet_atomic(path: Path, table: pa.Table, metadata: dict[str, str] | None = None) -> int:
    """Write ``table`` to ``path`` through a temporary file and a rename; returns the file's size."""
    private_dir(path.parent)
    if metadata:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata})
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, str(tmp), compression="zstd")
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return path.stat().st_size


def sql_list(paths: list[Path]) -> str:
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"


class Lake:
    def __init__(self, var_dir: Path) -> None:
        self.root = Path(var_dir) / "datasets"

    # -- published rows ----------------------------------------------------------------------
    def dataset_dir(self, tenant_id: str, region: str, dataset_id: str) -> Path:
        return (
            self.root
            / f"tenant={_safe(tenant_id)}"
            / f"region={_safe(region)}"
            / f"dataset={_safe(dataset_id)}"
        )

    def dataset_files(self, tenant_id: str, region: str, dataset_id: str) -> list[Path]:
        directory = self.dataset_dir(tenant_id, region, dataset_id)
        return sorted(directory.glob("part-*.parquet")) if directory.exists() else []

    def staging_area(self, tenant_id: str) -> Path:
        """Where a tenant's files arrive out of band for imports to name (see ``staging_area``)."""
        return self.root / "_staging-area" / _safe(tenant_id)

    # -- an import's work area ---------------------------------------------------------------
    def staging(self, tenant_id: str, import_id: str) -> Path:
        return self.root / "_staging" / _safe(tenant_id) / _safe(import_id)

    def part_path(self, tenant_id: str, import_id: str, file_name: str, number: int) -> Path:
        return self.staging(tenant_id, import_id) / "parts" / _safe(file_name) / f"{int(number):05d}"

    def staged_file(self, tenant_id: str, import_id: str, file_name: str) -> Path:
        return self.staging(tenant_id, import_id) / "files" / _safe(file_name)

    def chunk_path(self, tenant_id: str, import_id: str, chunk_id: str) -> Path:
        return self.staging(tenant_id, import_id) / "chunks" / f"{_safe(chunk_id)}.parquet"

    def quarantine_dir(self, tenant_id: str, import_id: str) -> Path:
        return self.root / "_quarantine" / _safe(tenant_id) / _safe(import_id)

    def quarantine_path(self, tenant_id: str, import_id: str, chunk_id: str) -> Path:
        return self.quarantine_dir(tenant_id, import_id) / f"{_safe(chunk_id)}.parquet"

    def published_name(self, import_id: str, chunk_id: str) -> str:
        return f"part-{_safe(import_id)}-{_safe(chunk_id)}.parquet"

    def publish(self, tenant_id: str, region: str, dataset_id: str, import_id: str) -> int:
        """Move the import's staged chunks into the dataset (idempotent: a rerun moves what is left)."""
        chunks = self.staging(tenant_id, import_id) / "chunks"
        target = private_dir(self.dataset_dir(tenant_id, region, dataset_id))
        moved = 0
        for path in sorted(chunks.glob("*.parquet")) if chunks.exists() else []:
            os.replace(path, target / self.published_name(import_id, path.stem))
            moved += 1
        return moved

    def discard(self, tenant_id: str, import_id: str, *, quarantine: bool = False) -> None:
        shutil.rmtree(self.staging(tenant_id, import_id) / "chunks", ignore_errors=True)
        if quarantine:
            shutil.rmtree(self.quarantine_dir(tenant_id, import_id), ignore_errors=True)

    def remove_published(self, tenant_id: str, region: str, dataset_id: str, import_id: str) -> int:
        removed = 0
        for path in self.dataset_dir(tenant_id, region, dataset_id).glob(
            f"part-{_safe(import_id)}-*.parquet"
        ):
            path.unlink(missing_ok=True)
            removed += 1
        return removed

    # -- queries -----------------------------------------------------------------------------
    @staticmethod
    def connect() -> duckdb.DuckDBPyConnection:
        con = duckdb.connect(":memory:")
        con.execute("SET threads TO 2")
        return con

    def count(self, files: list[Path]) -> int:
        if not files:
            return 0
        with self.connect() as con:
            row = con.execute(f"SELECT count(*) FROM read_parquet({sql_list(files)})").fetchone()
        return int(row[0]) if row else 0

    def sample(self, files: list[Path], columns: list[str], limit: int) -> list[dict[str, Any]]:
        if not files:
            return []
        cols = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
        with self.connect() as con:
            table = con.execute(
                f"SELECT {cols} FROM read_parquet({sql_list(files)}) ORDER BY _import_id, _file, _row LIMIT ?",
                [limit],
            ).to_arrow_table()
        return table.to_pylist()  # type: ignore[no-any-return,union-attr]

    def quarantine_page(
        self, tenant_id: str, import_id: str, offset: int, limit: int
    ) -> tuple[list[dict[str, Any]], int]:
        files = sorted(self.quarantine_dir(tenant_id, import_id).glob("*.parquet"))
        if not files:
            return [], 0
        with self.connect() as con:
            source = f"read_parquet({sql_list(files)})"
            total = int(con.execute(f"SELECT count(*) FROM {source}").fetchone()[0])  # type: ignore[index]
            rows = (
                con.execute(
                    f"SELECT row, file, field, rule, detail, left(raw, {RAW_SHOWN}) AS raw FROM {source} "
                    "ORDER BY file, row LIMIT ? OFFSET ?",
                    [limit, offset],
                )
                .to_arrow_table()
                .to_pylist()  # type: ignore[union-attr]
            )
        return rows, total

    def quarantine_by_file(self, tenant_id: str, import_id: str) -> dict[str, int]:
        """Quarantined rows per input file."""
        files = sorted(self.quarantine_dir(tenant_id, import_id).glob("*.parquet"))
        if not files:
            return {}
        with self.connect() as con:
            rows = con.execute(
                f"SELECT file, count(*) FROM read_parquet({sql_list(files)}) GROUP BY file ORDER BY file"
            ).fetchall()
        return {str(name): int(n) for name, n in rows}

    def quarantined_rows(self, tenant_id: str, import_id: str, file_name: str) -> Iterator[pa.Table]:
        """One input file's quarantined rows, a quarantine chunk at a time in row order (deterministic,
        so a resumed retry finds the same chunk boundaries)."""
        for path in sorted(self.quarantine_dir(tenant_id, import_id).glob("*.parquet")):
            table = pq.read_table(str(path), filters=[("file", "=", file_name)])
            if table.num_rows:
                yield table.sort_by("row")

    def quarantine_summary(self, tenant_id: str, import_id: str) -> dict[str, int]:
        files = sorted(self.quarantine_dir(tenant_id, import_id).glob("*.parquet"))
        if not files:
            return {}
        with self.connect() as con:
            rows = con.execute(
                f"SELECT rule, count(*) FROM read_parquet({sql_list(files)}) GROUP BY rule ORDER BY rule"
            ).fetchall()
        return {str(rule): int(n) for rule, n in rows}
