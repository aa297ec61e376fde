"""Imports: resumable part uploads, pre-flight, and the exactly-once ``datasets.import`` job.

Exactly once: chunk ``k`` of file ``f`` is validated into two files named by ``f``/``k`` (its good rows
in the import's staging area, its bad rows in quarantine), each written through a rename; only then
is the checkpoint ``next = k + 1`` saved. A worker killed anywhere redoes at most chunk ``k``, which
overwrites the same two files, so every input row ends up written once or quarantined once. Staged rows
are published into the dataset (renames again, idempotent) only after reconciliation has proved the
counts: nothing of a failed or cancelled import is ever visible in the dataset.
"""

# ruff: noqa: S608  (DuckDB SQL here interpolates only escaped literals: file paths, quoted identifiers)

from __future__ import annotations

import codecs
import gzip
import hashlib
import os
import random
import re
import shutil
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from companyos_server import errors
from companyos_server.core.spine.store import EvidenceItem, canonical_json
from companyos_server.domains.datasets import staging_area, store
from companyos_server.domains.datasets.lake import QUARANTINE_SCHEMA, Lake, write_parquet_atomic
from companyos_server.domains.datasets.readers import (
    DEFAULT_BLOCK_BYTES,
    DEFAULT_CHUNK_ROWS,
    Chunk,
    Reject,
    as_text,
    count_rows,
    iter_chunks,
)
from companyos_server.domains.datasets.schema import ARROW_TYPES, arrow_schema, validate_chunk
from companyos_server.domains.tenants import store as tenants_store
from companyos_server.platform import sandbox
from companyos_server.platform.files import private_dir
from companyos_server.platform.jobs.context import JobCancelled, JobContext
from companyos_server.platform.jobs.models import JobRow
from companyos_server.platform.jobs.registry import job_kind
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import new_id, utcnow

KIND = "datasets.import"
FORMATS = ("csv", "ndjson", "parquet")
ENCODINGS = ("utf-8", "latin-1", "windows-1252", "utf-16")
FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
MAX_FILES = 50
MAX_PART_BYTES = 8 << 20
STAGED_BLOCK_BYTES = 8 << 20  # a staged file is read, hashed and copied in blocks of this size
MAX_PARTS = 10_000
MAX_DECOMPRESSED_BYTES = 4 << 30
BOMB_RATIO = 200  # decompressed bytes per compressed byte beyond which a gzip is a bomb …
BOMB_FLOOR = 64 << 20  # … once past this size
QUOTA_ROWS = {"free": 1_000_000, "standard": 50_000_000, "enterprise": 500_000_000}
THROTTLE_ROWS_PER_SECOND: dict[str, float | None] = {
    "free": 50_000.0,
    "standard": 500_000.0,
    "enterprise": None,
}
AUDIT_SAMPLE = 20
PARSER_RULES = ("ragged_row", "malformed_record")  # no schema change fixes these

# Tests set this to kill the worker at a named point: hook(point, chunk_id).
CRASH_HOOK: Callable[[str, str], None] | None = None


def _hook(point: str, chunk_id: str) -> None:
    if CRASH_HOOK is not None:
        CRASH_HOOK(point, chunk_id)


def rejected(
    detail: str, slug: str, problems: list[errors.FieldError] | None = None, status: int = 422
) -> errors.DomainError:
    return errors.DomainError(detail, status, "Import rejected", slug, problems or [])


def _lake() -> Lake:
    from companyos_server.platform.runtime import get_runtime

    return Lake(get_runtime().settings.var_dir)


def import_to_dict(row: store.DatasetImportRow, parts: list[store.DatasetImportPartRow] | None = None,
                   job: dict[str, Any] | None = None) -> dict[str, Any]:  # fmt: skip
    received: dict[str, list[store.DatasetImportPartRow]] = {}
    for part in parts or []:
        received.setdefault(part.file_name, []).append(part)
    files = [
        {
            **f,
            "parts_received": len(received.get(f["name"], [])),
            "bytes_received": sum(p.size_bytes for p in received.get(f["name"], [])),
        }
        for f in row.files
    ]
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "dataset_id": row.dataset_id,
        "format": row.format,
        "options": dict(row.options or {}),
        "files": files,
        "state": row.state,
        "job_id": row.job_id,
        "job": job,
        "preflight": row.preflight,
        "problem": row.problem,
        "result": (job or {}).get("result"),
        "retry_of": (row.options or {}).get("retry_of"),
        "retried_by": (row.options or {}).get("retried_by"),
        "created_by": row.created_by,
        "created_at": row.created_at,
    }


def _check_manifest(body: dict[str, Any]) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
    fmt = body.get("format")
    if fmt not in FORMATS:
        raise errors.invalid_argument(
            "format must be csv, ndjson or parquet.", [errors.FieldError("format", "unknown")]
        )
    compression = body.get("compression", "none")
    csv = dict(body.get("csv") or {})
    encoding = str(body.get("encoding") or csv.get("encoding") or "utf-8").lower()
    problems: list[errors.FieldError] = []
    # Rules relating values to each other, which a JSON schema cannot state (409, as the spec documents).
    clashes: list[errors.FieldError] = []
    if compression not in ("none", "gzip"):
        problems.append(errors.FieldError("compression", "none or gzip"))
    if encoding not in ENCODINGS:
        problems.append(errors.FieldError("encoding", f"one of {', '.join(ENCODINGS)}"))
    delimiter = csv.get("delimiter", ",")
    quote = csv.get("quote_char", '"')
    if not (isinstance(delimiter, str) and len(delimiter) == 1 and delimiter not in "\r\n"):
        problems.append(errors.FieldError("csv.delimiter", "one character"))
    if not (isinstance(quote, str) and len(quote) == 1 and quote not in "\r\n"):
        problems.append(errors.FieldError("csv.quote_char", "one character"))
    elif quote == delimiter:
        clashes.append(errors.FieldError("csv.quote_char", "not the delimiter", "conflict"))
    files = (body.get("manifest") or {}).get("files")
    if not isinstance(files, list) or not 1 <= len(files) <= MAX_FILES:
        problems.append(errors.FieldError("manifest.files", f"1 to {MAX_FILES} files"))
        files = []
    names: set[str] = set()
    clean: list[dict[str, Any]] = []
    for i, f in enumerate(files):
        name = f.get("name") if isinstance(f, dict) else None
        if not isinstance(name, str) or not FILE_NAME.match(name) or ".." in name:
            problems.append(errors.FieldError(f"manifest.files[{i}].name", "a plain file name (no path)"))
            continue
        if name in names:
            clashes.append(
                errors.FieldError(f"manifest.files[{i}].name", "unique in the manifest", "conflict")
            )
            continue
        names.add(name)
        sha = f.get("sha256")
        if not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
            problems.append(errors.FieldError(f"manifest.files[{i}].sha256", "64 lowercase hex digits"))
        size, rows = f.get("size_bytes"), f.get("rows")
        if not isinstance(size, int) or size < 0:
            problems.append(errors.FieldError(f"manifest.files[{i}].size_bytes", "a byte count"))
        if rows is not None and (not isinstance(rows, int) or rows < 0):
            problems.append(errors.FieldError(f"manifest.files[{i}].rows", "a row count"))
        entry = {"name": name, "sha256": sha, "size_bytes": size, "rows": rows}
        staging_path = f.get("staging_path")
        if staging_path is not None:
            if not isinstance(staging_path, str) or not staging_area.valid_path(staging_path):
                problems.append(
                    errors.FieldError(f"manifest.files[{i}].staging_path", "relative plain segments")
                )
            entry["staging_path"] = staging_path
        clean.append(entry)
    if problems:
        raise errors.invalid_argument("The import manifest is not valid.", problems + clashes)
    if clashes:
        raise errors.DomainError(
            "The import's options or manifest conflict with themselves.", 409, "Conflict", "conflict", clashes
        )
    options = {
        "compression": compression,
        "encoding": encoding,
        "header": bool(csv.get("header", True)),
        "delimiter": delimiter,
        "quote_char": quote,
        "block_size": int(body.get("block_size") or DEFAULT_BLOCK_BYTES),
        "chunk_rows": int(body.get("chunk_rows") or DEFAULT_CHUNK_ROWS),
    }
    return str(fmt), options, clean


def create_import(db: Any, ctx: TenantContext, dataset_id: str, body: dict[str, Any]) -> dict[str, Any]:
    fmt, options, files = _check_manifest(body or {})
    with db.session() as session:
        if store.get_dataset(session, ctx.tenant_id, dataset_id) is None:
            raise errors.not_found("Dataset", dataset_id)
        row = store.DatasetImportRow(
            id=new_id("imp"), tenant_id=ctx.tenant_id, dataset_id=dataset_id, format=fmt, options=options,
            files=files, state="uploading", created_by=ctx.principal.subject, created_at=utcnow(),
        )  # fmt: skip
        session.add(row)
        session.flush()
        return import_to_dict(row, [])


def upload_part(
    db: Any, ctx: TenantContext, import_id: str, file_name: str, part_number: int, sha256: str, body: bytes
) -> dict[str, Any]:
    """Store one part after checking its SHA-256; the same part sent again is accepted once."""
    if not FILE_NAME.match(file_name) or ".." in file_name:
        raise errors.invalid_argument("Not a plain file name.", [errors.FieldError("file_name", "no path")])
    if not 1 <= part_number <= MAX_PARTS:
        raise errors.invalid_argument(f"part_number must be 1 to {MAX_PARTS}.")
    if len(body) > MAX_PART_BYTES:
        raise errors.payload_too_large(f"A part holds at most {MAX_PART_BYTES} bytes.")
    actual = hashlib.sha256(body).hexdigest()
    if actual != sha256.lower():
        raise rejected(
            f"Part {part_number} of '{file_name}' has SHA-256 {actual}, not the declared {sha256} "
            "(damaged or truncated in transit: send it again).",
            "checksum-mismatch", [errors.FieldError("sha256", "does not match the body")],
        )  # fmt: skip
    lake = _lake()
    with db.session() as session:
        row = store.get_import(session, ctx.tenant_id, import_id)
        if row is None:
            raise errors.not_found("Import", import_id)
        if row.state != "uploading":
            raise errors.failed_precondition(
                f"Import '{import_id}' is {row.state}; parts are accepted while uploading."
            )
        if file_name not in {f["name"] for f in row.files}:
            raise errors.DomainError(
                f"'{file_name}' is not in the manifest of import '{import_id}'.",
                404,
                "Not Found",
                "not-found",
            )
        if any(f["name"] == file_name and f.get("staging_path") for f in row.files):
            raise errors.conflict(
                f"'{file_name}' comes from the staging area in import '{import_id}': it has no parts to upload."
            )
        existing = [
            p
            for p in store.parts_of(session, ctx.tenant_id, import_id)
            if p.file_name == file_name and p.part_number == part_number
        ]
    if existing:
        if existing[0].sha256 != actual:
            raise errors.conflict(
                f"Part {part_number} of '{file_name}' was already received with other content."
            )
        return {
            "file_name": file_name,
            "part_number": part_number,
            "sha256": actual,
            "size_bytes": len(body),
            "duplicate": True,
        }
    path = lake.part_path(ctx.tenant_id, import_id, file_name, part_number)
    private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{new_id('tmp')}")
    tmp.write_bytes(body)
    os.replace(tmp, path)
    try:
        with db.session() as session:
            session.add(store.DatasetImportPartRow(
                id=new_id("prt"), tenant_id=ctx.tenant_id, import_id=import_id, file_name=file_name,
                part_number=part_number, sha256=actual, size_bytes=len(body), created_at=utcnow(),
            ))  # fmt: skip
    except IntegrityError:  # the same part, raced by a re-send: the first one counts
        return {
            "file_name": file_name,
            "part_number": part_number,
            "sha256": actual,
            "size_bytes": len(body),
            "duplicate": True,
        }
    return {
        "file_name": file_name,
        "part_number": part_number,
        "sha256": actual,
        "size_bytes": len(body),
        "duplicate": False,
    }


# -- pre-flight ---------------------------------------------------------------------------------
def _assemble(lake: Lake, tenant_id: str, row: store.DatasetImportRow, f: dict[str, Any],
              parts: list[store.DatasetImportPartRow]) -> Path:  # fmt: skip
    name = f["name"]
    target = lake.staged_file(tenant_id, row.id, name)
    private_dir(target.parent)
    raw = target.with_name(f".{name}.raw")
    digest, size = hashlib.sha256(), 0
    with open(raw, "wb") as out:
        for data in _blocks_of(lake, tenant_id, row, f, parts):
            digest.update(data)
            size += out.write(data)
    try:
        if size != f["size_bytes"]:
            raise rejected(f"'{name}' has {size} bytes, the manifest says {f['size_bytes']} (truncated upload?).",
                           "truncated-file", [errors.FieldError(name, "size differs from the manifest")])  # fmt: skip
        if digest.hexdigest() != f["sha256"]:
            raise rejected(f"'{name}' has SHA-256 {digest.hexdigest()}, the manifest says {f['sha256']}.",
                           "checksum-mismatch", [errors.FieldError(name, "sha256 differs from the manifest")])  # fmt: skip
        if row.options.get("compression") == "gzip":
            _gunzip(raw, target, size, name)
            raw.unlink()
        else:
            os.replace(raw, target)
    finally:
        raw.unlink(missing_ok=True)
    return target


def _blocks_of(lake: Lake, tenant_id: str, row: store.DatasetImportRow, f: dict[str, Any],
               parts: list[store.DatasetImportPartRow]) -> Iterator[bytes]:  # fmt: skip
    """A manifest file's bytes: its uploaded parts in order, or the staged file it names."""
    name = f["name"]
    if f.get("staging_path"):
        try:
            source = staging_area.resolve(lake, tenant_id, f["staging_path"])
        except staging_area.StagingPathError as exc:
            raise rejected(f"'{name}' is to be read from the staging area at '{exc.path}': {exc.reason}.",
                           "staged-file-missing", [errors.FieldError(name, exc.reason)]) from None  # fmt: skip
        size = source.stat().st_size
        if size != f["size_bytes"]:  # before reading what may be gigabytes
            raise rejected(f"'{name}' has {size} bytes in the staging area, the manifest says {f['size_bytes']}.",
                           "truncated-file", [errors.FieldError(name, "size differs from the manifest")])  # fmt: skip
        with open(source, "rb") as staged:
            while block := staged.read(STAGED_BLOCK_BYTES):
                yield block
        return
    mine = sorted((p for p in parts if p.file_name == name), key=lambda p: p.part_number)
    if not mine:
        raise rejected(
            f"No part of '{name}' was uploaded.", "incomplete-upload", [errors.FieldError(name, "no parts")]
        )
    numbers = [p.part_number for p in mine]
    if numbers != list(range(1, len(mine) + 1)):
        missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
        raise rejected(
            f"Parts {missing} of '{name}' are missing.",
            "incomplete-upload",
            [errors.FieldError(name, "missing parts")],
        )
    for part in mine:
        yield lake.part_path(tenant_id, row.id, name, part.part_number).read_bytes()


def _gunzip(source: Path, target: Path, compressed: int, name: str) -> None:
    cap = min(MAX_DECOMPRESSED_BYTES, max(BOMB_FLOOR, BOMB_RATIO * max(compressed, 1)))
    written = 0
    try:
        with gzip.open(source, "rb") as src, open(target, "wb") as out:
            while block := src.read(1 << 20):
                written += len(block)
                if written > cap:
                    raise rejected(
                        f"'{name}' decompresses beyond {cap} bytes (a ratio above {BOMB_RATIO}:1): refused as a "
                        "decompression bomb.", "decompression-limit", [errors.FieldError(name, "too large decompressed")],
                        status=413,
                    )  # fmt: skip
                out.write(block)
    except (OSError, EOFError, zlib.error) as exc:
        target.unlink(missing_ok=True)
        raise rejected(
            f"'{name}' is not a valid gzip file: {exc}",
            "bad-compression",
            [errors.FieldError(name, "not gzip")],
        ) from None
    except errors.DomainError:
        target.unlink(missing_ok=True)
        raise


def _check_encoding(path: Path, encoding: str, name: str) -> None:
    if encoding not in ("utf-8",):
        return
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    offset = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                raise rejected(
                    f"'{name}' is not valid UTF-8 (byte {offset + exc.start}): declare its encoding "
                    "(for example latin-1).",
                    "bad-encoding",
                    [errors.FieldError(name, "invalid UTF-8")],
                ) from None
            offset += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise rejected(
                f"'{name}' ends inside a UTF-8 sequence.",
                "bad-encoding",
                [errors.FieldError(name, "truncated UTF-8")],
            ) from None


def _check_layout(
    path: Path, fmt: str, options: dict[str, Any], fields: list[dict[str, Any]], name: str
) -> None:
    names = [f["name"] for f in fields]
    if fmt == "csv" and options.get("header", True):
        try:
            reader = pacsv.open_csv(str(path), read_options=pacsv.ReadOptions(encoding=options["encoding"], use_threads=False),
                                    parse_options=pacsv.ParseOptions(delimiter=options["delimiter"], quote_char=options["quote_char"],
                                                                     newlines_in_values=True, invalid_row_handler=lambda r: "skip"))  # fmt: skip
            header = reader.schema.names
        except (pa.ArrowInvalid, OSError, UnicodeError) as exc:
            raise rejected(
                f"'{name}' is not readable as CSV: {exc}", "bad-file", [errors.FieldError(name, "not CSV")]
            ) from None
        missing = [n for n in names if n not in header]
        if missing:
            raise rejected(f"'{name}' has no column {', '.join(missing)} (header: {', '.join(header[:20])}).",
                           "schema-mismatch", [errors.FieldError(name, f"missing {m}") for m in missing])  # fmt: skip
    if fmt == "parquet":
        try:
            schema = pq.read_schema(str(path))
        except (pa.ArrowInvalid, OSError) as exc:
            raise rejected(
                f"'{name}' is not a Parquet file: {exc}", "bad-file", [errors.FieldError(name, "not Parquet")]
            ) from None
        problems = []
        for f in fields:
            if f["name"] not in schema.names:
                problems.append(errors.FieldError(name, f"missing column {f['name']}"))
                continue
            have, want = schema.field(f["name"]).type, ARROW_TYPES[f["type"]]
            if not _compatible(have, want):
                problems.append(
                    errors.FieldError(name, f"column {f['name']} is {have}, the dataset wants {f['type']}")
                )
        if problems:
            raise rejected(f"'{name}' does not have the dataset's schema.", "schema-mismatch", problems)


def _compatible(have: pa.DataType, want: pa.DataType) -> bool:
    if have == want or pa.types.is_string(have) or pa.types.is_large_string(have) or pa.types.is_null(have):
        return True
    if pa.types.is_integer(want):
        return pa.types.is_integer(have)
    if pa.types.is_floating(want):
        return pa.types.is_integer(have) or pa.types.is_floating(have) or pa.types.is_decimal(have)
    if pa.types.is_timestamp(want):
        return pa.types.is_timestamp(have) or pa.types.is_date(have)
    if pa.types.is_date(want):
        return pa.types.is_date(have) or pa.types.is_timestamp(have)
    return pa.types.is_string(want)


def preflight(db: Any, ctx: TenantContext, row: store.DatasetImportRow, dataset: store.DatasetRow,
              parts: list[store.DatasetImportPartRow]) -> dict[str, Any]:  # fmt: skip
    """Everything checked before a row is written; a problem leaves no staged file behind."""
    lake = _lake()
    staged: list[Path] = []
    try:
        with db.session() as session:
            tenant = tenants_store.get(session, ctx.tenant_id)
        tenant_residency = tenant.residency if tenant else dataset.residency
        tier = tenant.tier if tenant else "standard"
        if dataset.residency != tenant_residency:
            raise rejected(
                f"Dataset '{dataset.id}' is {dataset.residency}-resident but tenant '{ctx.tenant_id}' keeps its "
                f"data in {tenant_residency}.", "residency-mismatch", status=403,
            )  # fmt: skip
        files_out = []
        total = 0
        for f in row.files:
            path = _assemble(lake, ctx.tenant_id, row, f, parts)
            staged.append(path)
            if row.format != "parquet":
                _check_encoding(path, row.options.get("encoding", "utf-8"), f["name"])
            _check_layout(path, row.format, row.options, dataset.fields, f["name"])
            try:
                rows = count_rows(path, row.format, [x["name"] for x in dataset.fields], row.options)
            except (pa.ArrowInvalid, OSError, UnicodeError) as exc:
                raise rejected(
                    f"'{f['name']}' could not be read: {exc}",
                    "bad-file",
                    [errors.FieldError(f["name"], "unreadable")],
                ) from None
            if f.get("rows") is not None and f["rows"] != rows:
                raise rejected(f"The manifest says '{f['name']}' has {f['rows']} rows; it has {rows}.",
                               "manifest-mismatch", [errors.FieldError(f["name"], "row count differs from the manifest")])  # fmt: skip
            files_out.append(
                {"name": f["name"], "rows": rows, "sha256": f["sha256"], "bytes": path.stat().st_size}
            )
            total += rows
        sandbox.check_quota(ctx.tenant_id, "dataset_rows", dataset.row_count + total, db)
        quota = QUOTA_ROWS.get(tier, QUOTA_ROWS["standard"])
        if dataset.row_count + total > quota:
            raise rejected(f"The import would take dataset '{dataset.id}' to {dataset.row_count + total} rows; "
                           f"the {tier} tier allows {quota}.", "quota-exceeded")  # fmt: skip
    except errors.DomainError:
        for path in staged:
            path.unlink(missing_ok=True)
        raise
    return {
        "ok": True,
        "checked_at": utcnow().isoformat().replace("+00:00", "Z"),
        "rows": total,
        "files": files_out,
        "schema": {"fields": len(dataset.fields), "format": row.format},
        "classification": {
            c: sum(1 for f in dataset.fields if f["classification"] == c)
            for c in ("public", "internal", "confidential", "pii")
        },
        "residency": {
            "dataset": dataset.residency,
            "tenant": tenant_residency,
            "storage_region": dataset.residency,
            "ok": True,
        },
        "quota": {"tier": tier, "rows_after": dataset.row_count + total, "limit": quota},
    }


def start_import(db: Any, jobs: Any, ctx: TenantContext, import_id: str) -> dict[str, Any]:
    with db.session() as session:
        row = store.get_import(session, ctx.tenant_id, import_id)
        if row is None:
            raise errors.not_found("Import", import_id)
        if row.state != "uploading":
            raise errors.failed_precondition(f"Import '{import_id}' is already {row.state}.")
        dataset = store.get_dataset(session, ctx.tenant_id, row.dataset_id)
        if dataset is None:
            raise errors.not_found("Dataset", row.dataset_id)
        parts = store.parts_of(session, ctx.tenant_id, import_id)
        session.expunge_all()
    try:
        report = preflight(db, ctx, row, dataset, parts)
    except errors.DomainError as exc:
        with db.session() as session:
            session.execute(update(store.DatasetImportRow).where(store.DatasetImportRow.id == import_id).values(
                problem={"type": exc.slug, "title": exc.title, "status": exc.status, "detail": exc.detail}))  # fmt: skip
        raise
    with db.session() as session:
        claimed = session.execute(
            update(store.DatasetImportRow)
            .where(store.DatasetImportRow.id == import_id, store.DatasetImportRow.state == "uploading")
            .values(state="started", preflight=report, problem=None)
        ).rowcount  # type: ignore[attr-defined]
    if not claimed:
        raise errors.failed_precondition(f"Import '{import_id}' was started by another request.")
    job = jobs.submit(
        ctx.tenant_id, KIND, {"import_id": import_id, "dataset_id": row.dataset_id}, ctx.principal.subject
    )
    with db.session() as session:
        session.execute(
            update(store.DatasetImportRow)
            .where(store.DatasetImportRow.id == import_id)
            .values(job_id=job["id"])
        )
    return job


def retry_import(db: Any, jobs: Any, ctx: TenantContext, import_id: str) -> dict[str, Any]:
    """A new import of a finished import's quarantined rows, validated again against today's schema."""
    with db.session() as session:
        row = store.get_import(session, ctx.tenant_id, import_id, for_update=True)
        if row is None:
            raise errors.not_found("Import", import_id)
        job = jobs.get(ctx.tenant_id, row.job_id) if row.job_id else None
        if row.state != "started" or job is None or job["state"] != "succeeded":
            state = row.state if row.state != "started" or job is None else f"a {job['state']} job"
            raise errors.failed_precondition(
                f"Import '{import_id}' is {state}: only the quarantine of a finished import can be retried."
            )
        retried_by = (row.options or {}).get("retried_by")
        if retried_by:
            raise errors.failed_precondition(
                f"Import '{import_id}' was retried by '{retried_by}': retry the latest attempt instead."
            )
        per_file = _lake().quarantine_by_file(ctx.tenant_id, import_id)
        if not sum(per_file.values()):
            raise errors.failed_precondition(f"Import '{import_id}' has no quarantined rows to retry.")
        files = [{**f, "rows": per_file[f["name"]]} for f in row.files if per_file.get(f["name"])]
        retry = store.DatasetImportRow(
            id=new_id("imp"), tenant_id=ctx.tenant_id, dataset_id=row.dataset_id, format=row.format,
            options={**(row.options or {}), "retry_of": import_id, "retried_by": None}, files=files,
            state="started", created_by=ctx.principal.subject, created_at=utcnow(),
            preflight={
                "rows": sum(f["rows"] for f in files), "files": [{"name": f["name"], "rows": f["rows"]} for f in files],
                "residency": (row.preflight or {}).get("residency", {}), "retry_of": import_id,
            },
        )  # fmt: skip
        session.add(retry)
        row.options = {**(row.options or {}), "retried_by": retry.id}
    submitted = jobs.submit(
        ctx.tenant_id,
        KIND,
        {"import_id": retry.id, "dataset_id": row.dataset_id, "retry_of": import_id},
        ctx.principal.subject,
    )
    with db.session() as session:
        session.execute(
            update(store.DatasetImportRow)
            .where(store.DatasetImportRow.id == retry.id)
            .values(job_id=submitted["id"])
        )
        stored = store.get_import(session, ctx.tenant_id, retry.id)
        assert stored is not None
        return import_to_dict(stored, [], submitted)


def _retry_chunks(lake: Lake, tenant_id: str, retry_of: str, file_name: str, names: list[str],
                  options: dict[str, Any]) -> Iterator[Chunk]:  # fmt: skip
    """The quarantined rows of one file of ``retry_of`` as chunks: a row whose values were kept (it broke a
    schema rule) is validated again; a row the parser rejected is carried over as the same reject."""
    limit = int(options.get("chunk_rows") or DEFAULT_CHUNK_ROWS)
    index, records, numbers, rejects = 0, [], [], []  # type: ignore[var-annotated]

    def flush() -> Chunk:
        columns = {name: pa.array([as_text(r.get(name)) for r in records], pa.string()) for name in names}
        return Chunk(index, pa.table(columns), np.asarray(numbers, dtype=np.int64), list(rejects))

    for table in lake.quarantined_rows(tenant_id, retry_of, file_name):
        for bad in table.to_pylist():
            values = None
            if bad["rule"] not in PARSER_RULES and bad["raw"]:
                try:
                    values = orjson.loads(bad["raw"])
                except orjson.JSONDecodeError:
                    values = None  # a raw value cut short before whole values were kept
            if isinstance(values, dict):
                records.append(values)
                numbers.append(int(bad["row"]))
            else:
                rejects.append(Reject(int(bad["row"]), bad["rule"], bad["detail"] or "", bad["raw"] or ""))
            if len(records) + len(rejects) >= limit:
                yield flush()
                index, records, numbers, rejects = index + 1, [], [], []
    if records or rejects:
        yield flush()


# -- the job ------------------------------------------------------------------------------------
def _chunk_id(file_index: int, chunk_index: int) -> str:
    return f"f{file_index:03d}-c{chunk_index:06d}"


def _quarantine_table(chunk_id: str, file_name: str, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(
        [{**r, "file": file_name, "chunk": chunk_id} for r in rows], schema=QUARANTINE_SCHEMA
    )


def _raw_texts(raw: pa.Table, indices: list[int]) -> list[str]:
    """The raw values of the bad rows, as canonical JSON (one take, not one slice a row), whole: a retry
    after a schema fix validates them again (a listing shows the first ``RAW_SHOWN`` characters)."""
    if not indices:
        return []
    rows = raw.take(pa.array(indices, pa.int64())).to_pylist()
    return [canonical_json(r).decode("utf-8") for r in rows]


def _reset_checkpoint(ctx: JobContext) -> None:
    with ctx._db.session() as session:
        session.execute(update(JobRow).where(JobRow.id == ctx.job_id).values(checkpoint=None))


@job_kind(KIND)
def run_import(ctx: JobContext) -> dict[str, Any]:
    from companyos_server.platform.runtime import get_runtime

    runtime = get_runtime()
    lake = Lake(runtime.settings.var_dir)
    tenant_id, import_id = ctx.tenant_id, str(ctx.params["import_id"])
    with runtime.db.session() as session:
        row = store.get_import(session, tenant_id, import_id)
        dataset = store.get_dataset(session, tenant_id, str(ctx.params["dataset_id"]))
        tenant = tenants_store.get(session, tenant_id)
        if row is None or dataset is None:
            raise LookupError(f"import {import_id} or its dataset is gone")
        session.expunge_all()
    tier = tenant.tier if tenant else "standard"
    fields = dataset.fields
    names = [f["name"] for f in fields]
    schema = arrow_schema(fields)
    preflight_report = row.preflight or {}
    total = int(preflight_report.get("rows", 0))
    state: dict[str, Any] = dict(ctx.saved_state or {"phase": "chunks", "file": 0, "chunk": 0, "written": 0,
                                                     "quarantined": 0, "audited": [], "by_file": {}})  # fmt: skip
    started, done_at_start = time.monotonic(), state["written"] + state["quarantined"]
    limit = THROTTLE_ROWS_PER_SECOND.get(tier)
    rng = random.Random(import_id)
    try:
        ctx.progress(state["written"] + state["quarantined"], total)
        if state["phase"] == "chunks":
            for fi, f in enumerate(row.files):
                if fi < state["file"]:
                    continue
                retry_of = ctx.params.get("retry_of")
                chunks = (
                    _retry_chunks(lake, tenant_id, str(retry_of), f["name"], names, row.options)
                    if retry_of
                    else iter_chunks(
                        lake.staged_file(tenant_id, import_id, f["name"]), row.format, names, row.options
                    )
                )
                for chunk in chunks:
                    if fi == state["file"] and chunk.index < state["chunk"]:
                        continue
                    chunk_id = _chunk_id(fi, chunk.index)
                    _hook("before_chunk", chunk_id)
                    good, violations = validate_chunk(chunk.raw, fields)
                    bad_rows = [
                        {"row": r.row, "field": None, "rule": r.rule, "detail": r.detail, "raw": r.raw}
                        for r in chunk.rejects
                    ]
                    texts = _raw_texts(chunk.raw, [v.index for v in violations])
                    bad_rows += [{"row": int(chunk.rows[v.index]), "field": v.field, "rule": v.rule, "detail": v.detail,
                                  "raw": text} for v, text in zip(violations, texts, strict=True)]  # fmt: skip
                    bad_index = {v.index for v in violations}
                    keep = [i for i in range(chunk.raw.num_rows) if i not in bad_index] if bad_index else None
                    row_numbers = chunk.rows if keep is None else chunk.rows[keep]
                    data = good.append_column(
                        "_import_id", pa.array([import_id] * good.num_rows, pa.string())
                    )
                    data = data.append_column("_file", pa.array([f["name"]] * good.num_rows, pa.string()))
                    data = data.append_column("_row", pa.array(row_numbers, pa.int64())).cast(schema)
                    write_parquet_atomic(
                        lake.quarantine_path(tenant_id, import_id, chunk_id),
                        _quarantine_table(chunk_id, f["name"], bad_rows),
                    )
                    _hook("after_quarantine", chunk_id)
                    write_parquet_atomic(lake.chunk_path(tenant_id, import_id, chunk_id), data)
                    _hook("after_data", chunk_id)
                    audited = list(state["audited"])
                    if data.num_rows and rng.random() < 0.25 and len(audited) < 8:
                        audited.append(_audit_chunk(lake, tenant_id, import_id, chunk_id, data))
                    by_file = dict(state["by_file"])
                    by_file[f["name"]] = by_file.get(f["name"], 0) + chunk.size
                    state = {**state, "file": fi, "chunk": chunk.index + 1, "written": state["written"] + data.num_rows,
                             "quarantined": state["quarantined"] + len(bad_rows), "audited": audited, "by_file": by_file}  # fmt: skip
                    ctx.progress(state["written"] + state["quarantined"], total)
                    ctx.checkpoint(state)
                    _hook("after_checkpoint", chunk_id)
                    if limit:
                        ahead = (state["written"] + state["quarantined"] - done_at_start) / limit - (
                            time.monotonic() - started
                        )
                        if ahead > 0:
                            time.sleep(min(ahead, 5.0))
                state = {**state, "file": fi + 1, "chunk": 0}
            reconciliation = _reconcile(lake, tenant_id, import_id, row, dataset, state, preflight_report)
            state = {**state, "phase": "publish", "reconciliation": reconciliation}
            ctx.checkpoint(state)
        _hook("before_publish", "")
        lake.publish(tenant_id, dataset.residency, dataset.id, import_id)
        _hook("after_publish", "")
    except JobCancelled:
        lake.discard(tenant_id, import_id, quarantine=True)
        _reset_checkpoint(ctx)
        raise
    from companyos_server.domains.datasets import service

    stats = service.refresh_stats(runtime.db, tenant_id, dataset.id)
    result = {
        "dataset_id": dataset.id,
        "import_id": import_id,
        "rows_in": state["written"] + state["quarantined"],
        "rows_written": state["written"],
        "rows_quarantined": state["quarantined"],
        "by_rule": lake.quarantine_summary(tenant_id, import_id),
        "reconciliation": state["reconciliation"],
        "sample_audit": {
            "chunks": len(state["audited"]),
            "rows": sum(a["rows"] for a in state["audited"]),
            "ok": all(a["ok"] for a in state["audited"]),
        },
        "dataset_rows": stats["row_count"],
    }
    if "pack_id" not in state:
        pack = _evidence(runtime, ctx, dataset, row, preflight_report, result)
        state = {**state, "pack_id": pack["id"]}
        ctx.checkpoint(state)
    result["evidence_pack_id"] = state["pack_id"]
    shutil.rmtree(lake.staging(tenant_id, import_id) / "files", ignore_errors=True)
    shutil.rmtree(lake.staging(tenant_id, import_id) / "parts", ignore_errors=True)
    ctx.progress(result["rows_in"], total)
    return result


def _audit_chunk(lake: Lake, tenant_id: str, import_id: str, chunk_id: str, data: pa.Table) -> dict[str, Any]:
    """The sample row audit: rows re-read from the file just written and compared with what was validated."""
    picks = sorted(random.Random(chunk_id).sample(range(data.num_rows), min(AUDIT_SAMPLE, data.num_rows)))
    back = pq.read_table(str(lake.chunk_path(tenant_id, import_id, chunk_id)))
    indices = pa.array(picks, pa.int64())
    ok = back.take(indices).equals(data.take(indices))
    return {"chunk": chunk_id, "rows": len(picks), "ok": bool(ok)}


def _reconcile(lake: Lake, tenant_id: str, import_id: str, row: store.DatasetImportRow, dataset: store.DatasetRow,
               state: dict[str, Any], preflight_report: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    """Counts and checksums against the manifest; raises (nothing is published) when they disagree."""
    from companyos_server.domains.datasets.lake import sql_list

    staged = sorted((lake.staging(tenant_id, import_id) / "chunks").glob("*.parquet"))
    published = sorted(
        lake.dataset_dir(tenant_id, dataset.residency, dataset.id).glob(f"part-{import_id}-*.parquet")
    )
    quarantined = sorted(lake.quarantine_dir(tenant_id, import_id).glob("*.parquet"))
    files = staged + published
    with lake.connect() as con:
        written, distinct = (0, 0)
        if files:
            written, distinct = con.execute(
                f"SELECT count(*), count(DISTINCT (_file, _row)) FROM read_parquet({sql_list(files)})"
            ).fetchone()  # type: ignore[misc]
        q_count, overlap = 0, 0
        if quarantined:
            q_count = con.execute(f"SELECT count(*) FROM read_parquet({sql_list(quarantined)})").fetchone()[0]  # type: ignore[index]
            if files:
                overlap = con.execute(
                    f"SELECT count(*) FROM read_parquet({sql_list(files)}) d JOIN read_parquet({sql_list(quarantined)}) q "
                    "ON d._file = q.file AND d._row = q.row"
                ).fetchone()[0]  # type: ignore[index]
    problems = []
    expected = {f["name"]: (f["rows"] if f.get("rows") is not None else None) for f in row.files}
    counted = {f["name"]: f["rows"] for f in preflight_report.get("files", [])}
    for name, seen in state["by_file"].items():
        if counted.get(name) != seen:
            problems.append(f"{name}: read {seen} rows, pre-flight counted {counted.get(name)}")
        if expected.get(name) is not None and expected[name] != seen:
            problems.append(f"{name}: read {seen} rows, the manifest says {expected[name]}")
    if written != state["written"]:
        problems.append(f"{written} rows in the written files, {state['written']} counted")
    if distinct != written:
        problems.append(f"{written - distinct} duplicated input rows")
    if q_count != state["quarantined"]:
        problems.append(f"{q_count} rows in quarantine, {state['quarantined']} counted")
    if overlap:
        problems.append(f"{overlap} rows both written and quarantined")
    checksums = []
    for f in row.files:
        path = lake.staged_file(tenant_id, import_id, f["name"])
        if path.exists():
            checksums.append({"file": f["name"], "sha256": f["sha256"], "verified_at_preflight": True})
    report = {
        "ok": not problems,
        "input_rows": sum(state["by_file"].values()),
        "rows_written": int(written),
        "rows_quarantined": int(q_count),
        "files": [
            {"name": n, "rows": state["by_file"].get(n, 0), "manifest_rows": expected.get(n)}
            for n in expected
        ],
        "checksums": checksums,
        "problems": problems,
    }
    if problems:
        raise RuntimeError("reconciliation failed: " + "; ".join(problems))
    return report


def _evidence(runtime: Any, ctx: JobContext, dataset: store.DatasetRow, row: store.DatasetImportRow,
              preflight_report: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    from companyos_server.platform.dataprotection.pii import DETECTORS

    items = [
        EvidenceItem("preflight.json", canonical_json(preflight_report)),
        EvidenceItem("validation.json", canonical_json({k: result[k] for k in ("rows_in", "rows_written", "rows_quarantined", "by_rule", "sample_audit")})),
        EvidenceItem("reconciliation.json", canonical_json(result["reconciliation"])),
        EvidenceItem("dlp-attestation.json", canonical_json({
            "pii_scan": True, "detectors": [d.kind for d in DETECTORS],
            "fields_scanned": [f["name"] for f in dataset.fields if f["type"] == "string" and f["classification"] != "pii"],
            "pii_fields": [f["name"] for f in dataset.fields if f["classification"] == "pii"],
            "rows_quarantined_for_pii": sum(n for rule, n in result["by_rule"].items() if rule.startswith("pii:")),
        })),
        EvidenceItem("residency-attestation.json", canonical_json(preflight_report.get("residency", {}))),
    ]  # fmt: skip
    return runtime.evidence.create_pack(
        tenant_id=ctx.tenant_id, title=f"Import {row.id} into {dataset.name}", subject=f"dataset:{dataset.id}", items=items,
        lineage={"inputs": [f"dataset_import:{i}" for i in (row.id, (row.options or {}).get("retry_of")) if i], "process": "datasets:import", "outputs": [f"dataset:{dataset.id}"]},
        created_by=ctx.created_by,
    )  # fmt: skip
