"""Exports: residency-checked, redacted, watermarked and signed (the ``datasets.export`` job).

* Residency: the service asks Cedar (``datasets:export`` on the dataset with its ``residency`` and the
  ``destination``); the ``residency-eu-export-destination`` rule forbids EU data leaving the EU and the
  403 problem names it.
* Redaction by classification (:mod:`companyos_server.platform.dataprotection.redaction`) runs inside
  DuckDB: drop, mask, or SHA-256 with a salt drawn for this export alone.
* Watermarks (:mod:`companyos_server.platform.dataprotection.watermark`): the export id and recipient
  in each file's Parquet metadata, and a per-row mark in ``_watermark``.
* The pack is a Data Spine evidence pack (signed manifest, Ed25519, lineage): the data files plus
  ``export.json`` (files, sha256, row counts, schema, lineage, validation, redactions).
* Resumable: one output part per group of source files, checkpointed; audit events at start, completion
  and cancellation.
"""

# ruff: noqa: S608  (DuckDB SQL here interpolates only escaped literals: file paths, quoted identifiers)

from __future__ import annotations

import hashlib
import math
import os
import secrets
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from sqlalchemy import update

from companyos_server import errors
from companyos_server.core.spine.store import EvidenceItem, canonical_json
from companyos_server.domains.datasets import store
from companyos_server.domains.datasets.lake import Lake, sql_list
from companyos_server.domains.datasets.service import REGIONS
from companyos_server.platform import sandbox
from companyos_server.platform.dataprotection import redaction, watermark
from companyos_server.platform.files import private_dir
from companyos_server.platform.jobs.context import JobCancelled, JobContext
from companyos_server.platform.jobs.registry import job_kind
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.policy import Resource
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

KIND = "datasets.export"
ACTION = "datasets:export"
PARQUET = "application/vnd.apache.parquet"
MAX_PARTS = 100


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _ident(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def to_dict(row: store.DatasetExportRow, job: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "dataset_id": row.dataset_id,
        "recipient": row.recipient,
        "destination_region": row.destination_region,
        "since": row.since,
        "until": row.until,
        "redactions": dict(row.redactions),
        "job_id": row.job_id,
        "job": job,
        "evidence_pack_id": row.pack_id,
        "created_by": row.created_by,
        "created_at": row.created_at,
    }


def _parse_time(value: Any, field: str) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise errors.invalid_argument(
            f"{field} is not an RFC 3339 instant.", [errors.FieldError(field, "invalid")]
        ) from None
    if parsed.tzinfo is None:
        raise errors.invalid_argument(f"{field} needs a UTC offset.", [errors.FieldError(field, "no offset")])
    return parsed


def create_export(
    db: Database, runtime: Any, ctx: TenantContext, dataset_id: str, body: dict[str, Any]
) -> dict[str, Any]:
    body = body or {}
    with db.session() as session:
        dataset = store.get_dataset(session, ctx.tenant_id, dataset_id)
        if dataset is None:
            raise errors.not_found("Dataset", dataset_id)
        session.expunge(dataset)
    destination = body.get("destination_region") or dataset.residency
    if destination not in REGIONS:
        raise errors.invalid_argument(f"destination_region must be one of {', '.join(REGIONS)}.",
                                      [errors.FieldError("destination_region", "unknown region")])  # fmt: skip
    recipient = body.get("recipient")
    if not isinstance(recipient, str) or not 1 <= len(recipient) <= 200:
        raise errors.invalid_argument(
            "recipient names who receives the export.", [errors.FieldError("recipient", "required")]
        )
    since, until = _parse_time(body.get("since"), "since"), _parse_time(body.get("until"), "until")
    if (since or until) and not dataset.time_field:
        raise errors.invalid_argument("The dataset has no time_field: a time range cannot apply.",
                                      [errors.FieldError("since", "dataset has no time_field")])  # fmt: skip
    if since and until and since > until:
        raise errors.invalid_argument(
            "since must not be after until.", [errors.FieldError("since", "after until")]
        )
    actions, problems = redaction.resolve(
        {f["name"]: f["classification"] for f in dataset.fields}, body.get("redactions")
    )
    if problems:
        raise errors.invalid_argument(
            "The redactions are not valid.", [errors.FieldError(p.split(":")[0], p) for p in problems]
        )
    decision = runtime.policy.authorize(
        ctx.principal, ACTION,
        Resource("dataset", dataset.id, ctx.tenant_id, {"residency": dataset.residency, "destination": destination,
                                                       **sandbox.attributes(ctx.tenant_id, db)}),
        mutation=True, purpose=ctx.purpose,
    )  # fmt: skip
    if not decision.allowed:
        rule = ", ".join(decision.policy_ids) or "no permit"
        raise errors.DomainError(
            f"Exporting {dataset.residency}-resident dataset '{dataset.id}' to {destination} is forbidden by {rule}.",
            403, "Forbidden", "permission-denied", extra={"reasons": list(decision.reasons), "policy_ids": list(decision.policy_ids)},
        )  # fmt: skip
    export_id = new_id("exp")
    with db.session() as session:
        row = store.DatasetExportRow(
            id=export_id, tenant_id=ctx.tenant_id, dataset_id=dataset.id, recipient=recipient,
            destination_region=destination, since=since, until=until, redactions=actions,
            salt=secrets.token_hex(16), created_by=ctx.principal.subject, created_at=utcnow(),
        )  # fmt: skip
        session.add(row)
    job = runtime.jobs.submit(ctx.tenant_id, KIND, {"export_id": export_id}, ctx.principal.subject)
    with db.session() as session:
        session.execute(
            update(store.DatasetExportRow)
            .where(store.DatasetExportRow.id == export_id)
            .values(job_id=job["id"])
        )
        saved = store.get_export(session, ctx.tenant_id, export_id)
        assert saved is not None
        return to_dict(saved, job)


def get_export(db: Database, jobs: Any, ctx: TenantContext, export_id: str) -> dict[str, Any]:
    with db.session() as session:
        row = store.get_export(session, ctx.tenant_id, export_id)
        if row is None:
            raise errors.not_found("Export", export_id)
        return to_dict(row, jobs.get(ctx.tenant_id, row.job_id) if row.job_id else None)


def list_exports(db: Database, jobs: Any, ctx: TenantContext, dataset_id: str, *, page_size: int | None = None,
                 page_token: str | None = None) -> Page[dict[str, Any]]:  # fmt: skip
    with db.session() as session:
        if store.get_dataset(session, ctx.tenant_id, dataset_id) is None:
            raise errors.not_found("Dataset", dataset_id)

        def fetch(after: str | None, limit: int) -> list[store.DatasetExportRow]:
            query = tenant_select(store.DatasetExportRow, ctx.tenant_id).where(
                store.DatasetExportRow.dataset_id == dataset_id
            )
            if after:
                query = query.where(store.DatasetExportRow.id < after)
            return list(session.scalars(query.order_by(store.DatasetExportRow.id.desc()).limit(limit)))

        page = paginate(fetch, key=lambda r: r.id, page_size=page_size, page_token=page_token,
                        filters={"tenant": ctx.tenant_id, "dataset": dataset_id})  # fmt: skip
        found = store.jobs_by_id(session, ctx.tenant_id, [r.job_id for r in page.items])
        return Page(
            [to_dict(r, found[r.job_id] if r.job_id else None) for r in page.items], page.next_page_token
        )


def pack_archive(db: Database, runtime: Any, ctx: TenantContext, export_id: str) -> tuple[bytes, str]:
    with db.session() as session:
        row = store.get_export(session, ctx.tenant_id, export_id)
        if row is None:
            raise errors.not_found("Export", export_id)
        pack_id = row.pack_id
    if not pack_id:
        raise errors.failed_precondition(f"Export '{export_id}' has no pack yet (its job has not finished).")
    return runtime.evidence.archive(ctx.tenant_id, pack_id), pack_id


# -- the job ------------------------------------------------------------------------------------
def _work_dir(lake: Lake, tenant_id: str, export_id: str) -> Path:
    return lake.root / "_exports" / tenant_id / export_id


def _select(fields: list[dict[str, Any]], actions: dict[str, str], row: store.DatasetExportRow, time_field: str | None,
            offset: int, sources: list[Path]) -> str:  # fmt: skip
    columns = []
    for f in fields:
        expr = redaction.sql_expression(f["name"], actions.get(f["name"], "keep"), _lit(row.salt))
        if expr is not None:
            columns.append(expr)
    columns.append(watermark.sql_expression(_lit(row.id), _lit(row.recipient)))
    where = []
    if time_field and row.since:
        where.append(f"{_ident(time_field)} >= {_lit(row.since.isoformat())}::TIMESTAMPTZ")
    if time_field and row.until:
        where.append(f"{_ident(time_field)} < {_lit(row.until.isoformat())}::TIMESTAMPTZ")
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    inner = (f"SELECT *, row_number() OVER (ORDER BY _import_id, _file, _row) - 1 + {int(offset)} AS _export_row "
             f"FROM read_parquet({sql_list(sources)}) {clause}")  # fmt: skip
    return f"SELECT {', '.join(columns)} FROM ({inner}) ORDER BY _export_row"


def _audit(runtime: Any, row: store.DatasetExportRow, event: str, outcome: str, **details: Any) -> None:
    runtime.audit.record(
        row.tenant_id, actor=row.created_by, actor_kind="user", action=f"datasets:export.{event}",
        resource=f"dataset_export:{row.id}", outcome=outcome, status=None, request_id=None,
        details={"dataset_id": row.dataset_id, "recipient": row.recipient, "destination_region": row.destination_region, **details},
    )  # fmt: skip


@job_kind(KIND)
def run_export(ctx: JobContext) -> dict[str, Any]:
    from companyos_server.platform.runtime import get_runtime

    runtime = get_runtime()
    lake = Lake(runtime.settings.var_dir)
    with runtime.db.session() as session:
        row = store.get_export(session, ctx.tenant_id, str(ctx.params["export_id"]))
        dataset = store.get_dataset(session, ctx.tenant_id, row.dataset_id) if row else None
        if row is None or dataset is None:
            raise LookupError("the export or its dataset is gone")
        session.expunge_all()
    work = private_dir(_work_dir(lake, ctx.tenant_id, row.id))
    state: dict[str, Any] = dict(ctx.saved_state or {})
    if not state:
        files = lake.dataset_files(ctx.tenant_id, dataset.residency, dataset.id)
        state = {"sources": [p.name for p in files], "part": 0, "offset": 0, "files": []}
        _audit(runtime, row, "start", "success", sources=len(files))
        ctx.checkpoint(state)
    directory = lake.dataset_dir(ctx.tenant_id, dataset.residency, dataset.id)
    sources = [directory / name for name in state["sources"]]
    group = max(1, math.ceil(len(sources) / MAX_PARTS))
    groups = [sources[i : i + group] for i in range(0, len(sources), group)]
    total = lake.count(sources)
    metadata = {
        watermark.METADATA_KEY: row.id,
        watermark.RECIPIENT_KEY: row.recipient,
        "companyos.dataset_id": dataset.id,
    }
    kv = "{" + ", ".join(f"{_lit(k)}: {_lit(v)}" for k, v in metadata.items()) + "}"
    try:
        ctx.progress(state["offset"], total)
        for k, group_files in enumerate(groups):
            if k < state["part"]:
                continue
            name = f"part-{k:05d}.parquet"
            out = work / name
            tmp = work / f".{name}.tmp"
            with lake.connect() as con:
                con.execute(f"COPY ({_select(dataset.fields, row.redactions, row, dataset.time_field, state['offset'], group_files)}) "
                            f"TO {_lit(str(tmp))} (FORMAT parquet, COMPRESSION zstd, KV_METADATA {kv})")  # fmt: skip
            os.replace(tmp, out)
            rows = pq.ParquetFile(str(out)).metadata.num_rows
            done_files = list(state["files"])
            if rows:
                done_files.append(
                    {
                        "name": name,
                        "rows": rows,
                        "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
                        "size": out.stat().st_size,
                    }
                )
            else:
                out.unlink()
            state = {**state, "part": k + 1, "offset": state["offset"] + rows, "files": done_files}
            ctx.progress(state["offset"], total)
            ctx.checkpoint(state)
    except JobCancelled:
        shutil.rmtree(work, ignore_errors=True)
        _audit(runtime, row, "cancel", "success", rows_done=state["offset"])
        raise
    if "pack_id" not in state:
        pack = _pack(runtime, ctx, row, dataset, state, work)
        state = {**state, "pack_id": pack["id"]}
        with runtime.db.session() as session:
            session.execute(
                update(store.DatasetExportRow)
                .where(store.DatasetExportRow.id == row.id)
                .values(pack_id=pack["id"])
            )
        ctx.checkpoint(state)
        _audit(
            runtime,
            row,
            "complete",
            "success",
            rows=state["offset"],
            files=len(state["files"]),
            evidence_pack_id=pack["id"],
        )
    shutil.rmtree(work, ignore_errors=True)
    return {
        "export_id": row.id,
        "rows": state["offset"],
        "files": state["files"],
        "evidence_pack_id": state["pack_id"],
    }


def _pack(runtime: Any, ctx: JobContext, row: store.DatasetExportRow, dataset: store.DatasetRow,
          state: dict[str, Any], work: Path) -> dict[str, Any]:  # fmt: skip
    exported = [
        {"name": f["name"], "type": f["type"], "classification": f["classification"], "redaction": row.redactions.get(f["name"], "keep")}
        for f in dataset.fields if row.redactions.get(f["name"]) != "drop"
    ] + [{"name": watermark.COLUMN, "type": "string", "classification": "internal", "redaction": "keep"}]  # fmt: skip
    validation = []
    for f in state["files"]:
        path = work / f["name"]
        actual = pq.ParquetFile(str(path)).metadata.num_rows
        validation.append(
            {
                "file": f["name"],
                "rows_expected": f["rows"],
                "rows_read_back": actual,
                "ok": actual == f["rows"],
            }
        )
    document = {
        "schema": "companyos.dataset-export/v1",
        "export_id": row.id,
        "tenant_id": row.tenant_id,
        "dataset": {"id": dataset.id, "name": dataset.name, "residency": dataset.residency},
        "recipient": row.recipient,
        "destination_region": row.destination_region,
        "time_range": {"field": dataset.time_field, "since": row.since.isoformat() if row.since else None,
                       "until": row.until.isoformat() if row.until else None},
        "files": state["files"],
        "rows": state["offset"],
        "fields": exported,
        "redactions": {"applied": dict(row.redactions), "hash": "sha256(salt || value), salt unique to this export"},
        "watermark": {"column": watermark.COLUMN, "scheme": "sha256(export_id|recipient|row)[:16]",
                      "metadata": [watermark.METADATA_KEY, watermark.RECIPIENT_KEY]},
        "validation": validation,
        "lineage": {"inputs": [f"dataset:{dataset.id}"], "process": "datasets:export", "outputs": [f"dataset_export:{row.id}"]},
        "created_at": utcnow().isoformat().replace("+00:00", "Z"),
    }  # fmt: skip
    items = [EvidenceItem("export.json", canonical_json(document))]
    items += [EvidenceItem(f["name"], (work / f["name"]).read_bytes(), PARQUET) for f in state["files"]]
    return runtime.evidence.create_pack(
        tenant_id=row.tenant_id, title=f"Export {row.id} of {dataset.name} for {row.recipient}",
        subject=f"dataset:{dataset.id}", items=items, lineage=document["lineage"], created_by=row.created_by,
    )  # fmt: skip


# -- tracing a leaked file -----------------------------------------------------------------------
def trace(path: Path, candidates: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    """Which export a Parquet file came from: its metadata, confirmed (or replaced) by its row marks."""
    parquet = pq.ParquetFile(str(path))
    meta = {k.decode(): v.decode() for k, v in (parquet.schema_arrow.metadata or {}).items()}
    marks: list[str | None] = []
    if watermark.COLUMN in parquet.schema_arrow.names:
        marks = parquet.read(columns=[watermark.COLUMN]).column(0).to_pylist()[:1000]
    export_id, recipient = meta.get(watermark.METADATA_KEY), meta.get(watermark.RECIPIENT_KEY)
    ratio = watermark.match_ratio(marks, export_id, recipient) if export_id and recipient and marks else None
    if (ratio is None or ratio < 0.5) and candidates and marks:
        best = watermark.best_match(marks, candidates)
        if best:
            return {"export_id": best[0], "recipient": best[1], "source": "watermark", "match": best[2]}
    if export_id:
        return {"export_id": export_id, "recipient": recipient, "source": "metadata", "match": ratio}
    return {"export_id": None, "recipient": None, "source": None, "match": None}
