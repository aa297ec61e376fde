"""Report exports: a report's rows for one recipient, residency-checked, redacted, watermarked and signed
(the ``analytics.export`` job).

The same guarantees as a dataset export, from the same shared pieces:

* Residency: a tenant's analytics live in its residency's partition; Cedar decides ``analytics:export``
  with that ``residency`` and the ``destination`` (``residency-eu-analytics-export``, and the sandbox
  guardrail ``sandbox-analytics-in-residency``), and the 403 problem names the rule.
* Redaction (:mod:`companyos_server.platform.dataprotection.redaction`) by each column's classification
  (:func:`.report_tables.classify`: ``user_hash`` pii, ``properties`` confidential, and any text column
  with values that look like personal data pii), applied inside DuckDB with a salt drawn for this export.
* Watermarks (:mod:`companyos_server.platform.dataprotection.watermark`): a per-row ``_watermark`` naming
  the export and recipient, and the export id in a Parquet file's metadata.
* The result is a Data Spine evidence pack: the data file plus ``export.json`` (parameters, columns and
  their treatment, row count, sha256, the data's freshness, lineage).

The report is run when the export is asked for (so a bad parameter, column or residency is a 400/403 then,
not a failed job); its rows are staged under ``var/analytics-exports/`` and the job redacts, watermarks,
writes and signs them, then removes the staged copy.
"""

# ruff: noqa: S608  (DuckDB SQL here interpolates only escaped literals and quoted identifiers)

from __future__ import annotations

import hashlib
import json
import os
import secrets
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import update

from companyos_server import errors
from companyos_server.core.spine.store import EvidenceItem, canonical_json
from companyos_server.domains.analytics import report_tables, store
from companyos_server.domains.datasets.service import REGIONS
from companyos_server.domains.tenants import store as tenants_store
from companyos_server.platform import sandbox
from companyos_server.platform.dataprotection import redaction, watermark
from companyos_server.platform.files import private_dir
from companyos_server.platform.jobs.context import JobCancelled, JobContext
from companyos_server.platform.jobs.registry import job_kind
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.policy import Resource
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

__all__ = ["FORMATS", "create_export", "get_export", "list_exports", "pack_archive", "validate"]

KIND = "analytics.export"
ACTION = "analytics:export"
FORMATS = {"csv": "text/csv", "ndjson": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}
_COPY = {"csv": "FORMAT csv, HEADER", "ndjson": "FORMAT json", "parquet": "FORMAT parquet, COMPRESSION zstd"}
_ROW = "_export_row"


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def to_dict(row: store.AnalyticsExportRow, job: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "report": row.report,
        "parameters": dict(row.parameters),
        "format": row.format,
        "recipient": row.recipient,
        "destination_region": row.destination_region,
        "residency": row.residency,
        "redactions": dict(row.redactions),
        "schedule_id": row.schedule_id,
        "rows": row.rows,
        "job_id": row.job_id,
        "job": job,
        "evidence_pack_id": row.pack_id,
        "created_by": row.created_by,
        "created_at": row.created_at,
    }


def residency_of(db: Database, tenant_id: str) -> str:
    with db.session() as session:
        tenant = tenants_store.get(session, tenant_id)
        if tenant is None:
            raise errors.not_found("Tenant", tenant_id)
        return tenant.residency


def authorize_destination(runtime: Any, ctx: TenantContext, residency: str, destination: str) -> None:
    """403 naming the rule when the caller may not export, or the residency (or sandbox) guardrails
    forbid sending the data there."""
    decision = runtime.policy.authorize(
        ctx.principal, ACTION,
        Resource("analytics", ctx.tenant_id, ctx.tenant_id,
                 {"residency": residency, "destination": destination, **sandbox.attributes(ctx.tenant_id, runtime.db)}),
        mutation=True, purpose=ctx.purpose,
    )  # fmt: skip
    if decision.allowed:
        return
    rule = ", ".join(decision.policy_ids) or "no permit"
    raise errors.DomainError(
        f"Exporting {residency}-resident analytics to {destination} is forbidden by {rule}.",
        403, "Forbidden", "permission-denied",
        extra={"reasons": list(decision.reasons), "policy_ids": list(decision.policy_ids)},
    )  # fmt: skip


def validate(runtime: Any, backend: Any, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    """The export's settings with each column's treatment, or 400/403 before anything is stored.

    Runs the report once: its parameters, its columns and (for an ad-hoc query) its SQL are checked by
    the code the job will run."""
    report = body.get("report")
    parameters = report_tables.check_parameters(str(report), body.get("parameters"))
    fmt = body.get("format") or "csv"
    if fmt not in FORMATS:
        raise errors.invalid_argument("Unknown format.", [errors.FieldError("format", ", ".join(FORMATS))])
    residency = residency_of(runtime.db, ctx.tenant_id)
    destination = body.get("destination_region") or residency
    if destination not in REGIONS:
        raise errors.invalid_argument(f"destination_region must be one of {', '.join(REGIONS)}.",
                                      [errors.FieldError("destination_region", "unknown region")])  # fmt: skip
    if report == "query":
        decision = runtime.policy.authorize(
            ctx.principal,
            "analytics:query",
            Resource("analytics", ctx.tenant_id, ctx.tenant_id),
            purpose=ctx.purpose,
        )
        if not decision.allowed:
            raise errors.DomainError(
                "Exporting an ad-hoc query needs the right to run one (analytics:query).",
                403, "Forbidden", "permission-denied", extra={"reasons": list(decision.reasons)},
            )  # fmt: skip
    authorize_destination(runtime, ctx, residency, destination)
    table = report_tables.run(backend, ctx.tenant_id, str(report), parameters, datetime.now(UTC).date())
    names = table.columns
    clash = sorted({n for n in names if names.count(n) > 1 or n in (_ROW, watermark.COLUMN)})
    if clash:
        raise errors.invalid_argument(
            f"Give every column of the export its own name ({', '.join(clash)}).",
            [errors.FieldError("parameters.sql", f"column '{clash[0]}' is repeated or reserved")],
        )
    sql = parameters.get("sql") if report == "query" else None
    actions, problems = redaction.resolve(report_tables.classify(table, sql), body.get("redactions"))
    if problems:
        raise errors.invalid_argument(
            "The redactions are not valid.", [errors.FieldError(p.split(":")[0], p) for p in problems]
        )
    return {"report": report, "parameters": parameters, "format": fmt, "residency": residency, "table": table,
            "destination_region": destination, "redactions": actions}  # fmt: skip


def create_export(runtime: Any, ctx: TenantContext, checked: dict[str, Any], recipient: str, *,
                  schedule_id: str | None = None, created_by: str | None = None) -> dict[str, Any]:  # fmt: skip
    """Store the export (settings from :func:`validate`) and queue its job."""
    if not isinstance(recipient, str) or not 1 <= len(recipient) <= 200:
        raise errors.invalid_argument(
            "recipient names who receives the export.", [errors.FieldError("recipient", "required")]
        )
    export_id = new_id("aex")
    author = created_by or ctx.principal.subject
    stage(runtime.settings.var_dir, ctx.tenant_id, export_id, checked["table"])
    try:
        with runtime.db.session() as session:
            session.add(store.AnalyticsExportRow(
                id=export_id, tenant_id=ctx.tenant_id, report=checked["report"], parameters=checked["parameters"],
                format=checked["format"], recipient=recipient, destination_region=checked["destination_region"],
                residency=checked["residency"], redactions=checked["redactions"], salt=secrets.token_hex(16),
                schedule_id=schedule_id, created_by=author, created_at=utcnow(),
            ))  # fmt: skip
        job = runtime.jobs.submit(ctx.tenant_id, KIND, {"export_id": export_id}, author)
    except BaseException:
        _staged(runtime.settings.var_dir, ctx.tenant_id, export_id).unlink(missing_ok=True)
        raise
    with runtime.db.session() as session:
        session.execute(
            update(store.AnalyticsExportRow)
            .where(store.AnalyticsExportRow.id == export_id)
            .values(job_id=job["id"])
        )
        saved = session.get(store.AnalyticsExportRow, export_id)
        assert saved is not None
        return to_dict(saved, job)


def get_export(db: Database, jobs: Any, ctx: TenantContext, export_id: str) -> dict[str, Any]:
    with db.session() as session:
        row = _row(session, ctx.tenant_id, export_id)
        return to_dict(row, jobs.get(ctx.tenant_id, row.job_id) if row.job_id else None)


def _row(session: Any, tenant_id: str, export_id: str) -> store.AnalyticsExportRow:
    row = session.scalars(
        tenant_select(store.AnalyticsExportRow, tenant_id).where(store.AnalyticsExportRow.id == export_id)
    ).first()
    if row is None:
        raise errors.not_found("Analytics export", export_id)
    return row  # type: ignore[no-any-return]


def list_exports(db: Database, ctx: TenantContext, *, schedule_id: str | None = None, recipient: str | None = None,
                 page_size: int | None = None, page_token: str | None = None) -> Page[dict[str, Any]]:  # fmt: skip
    from companyos_server.domains.datasets.store import jobs_by_id

    with db.session() as session:

        def fetch(after: str | None, limit: int) -> list[store.AnalyticsExportRow]:
            query = tenant_select(store.AnalyticsExportRow, ctx.tenant_id)
            if schedule_id:
                query = query.where(store.AnalyticsExportRow.schedule_id == schedule_id)
            if recipient:
                query = query.where(store.AnalyticsExportRow.recipient == recipient)
            if after:
                query = query.where(store.AnalyticsExportRow.id < after)
            return list(session.scalars(query.order_by(store.AnalyticsExportRow.id.desc()).limit(limit)))

        page = paginate(fetch, key=lambda r: r.id, page_size=page_size, page_token=page_token,
                        filters={"tenant": ctx.tenant_id, "schedule": schedule_id, "recipient": recipient})  # fmt: skip
        found = jobs_by_id(session, ctx.tenant_id, [r.job_id for r in page.items])
        return Page([to_dict(r, found.get(r.job_id) if r.job_id else None) for r in page.items],
                    page.next_page_token)  # fmt: skip


def pack_archive(db: Database, runtime: Any, ctx: TenantContext, export_id: str) -> tuple[bytes, str]:
    with db.session() as session:
        pack_id = _row(session, ctx.tenant_id, export_id).pack_id
    if not pack_id:
        raise errors.failed_precondition(f"Export '{export_id}' has no pack yet (its job has not finished).")
    return runtime.evidence.archive(ctx.tenant_id, pack_id), pack_id


# -- the job ------------------------------------------------------------------------------------
def _staged(var_dir: Path, tenant_id: str, export_id: str) -> Path:
    return Path(var_dir) / "analytics-exports" / tenant_id / f"{export_id}.parquet"


def stage(var_dir: Path, tenant_id: str, export_id: str, table: report_tables.Table) -> None:
    """Keep the rows read for the request until the job has written them out.

    The job never opens the analytics store: a job worker is another process, and DuckDB lets one
    process hold a file (a single-process server keeps its partitions open)."""
    path = _staged(var_dir, tenant_id, export_id)
    private_dir(path.parent)
    data = _arrow(table).replace_schema_metadata(
        {"columns": json.dumps(table.columns), "freshness": json.dumps(table.freshness, default=str)}
    )
    tmp = path.with_suffix(".tmp")
    pq.write_table(data, str(tmp))
    os.replace(tmp, path)


def _unstage(path: Path) -> report_tables.Table:
    if not path.exists():
        raise LookupError(f"the export's staged rows are gone ({path.name})")
    data = pq.read_table(str(path))
    meta = {k.decode(): v.decode() for k, v in (data.schema.metadata or {}).items()}
    columns = json.loads(meta["columns"])
    rows = [list(r) for r in zip(*(data.column(i).to_pylist() for i in range(len(columns))), strict=True)]
    return report_tables.Table(columns, rows, json.loads(meta["freshness"]))


def _arrow(table: report_tables.Table) -> pa.Table:
    """The rows as Arrow, with unique column names and the row index the watermark is computed from."""
    names: list[str] = []
    for name in table.columns:
        unique, n = name, 2
        while unique in names or unique in (_ROW, watermark.COLUMN):
            unique, n = f"{name}_{n}", n + 1
        names.append(unique)
    arrays = {}
    for i, name in enumerate(names):
        values = [r[i] for r in table.rows]
        try:
            arrays[name] = pa.array(values)
        except (
            pa.ArrowInvalid,
            pa.ArrowTypeError,
            OverflowError,
        ):  # mixed types in one column: text keeps every value
            arrays[name] = pa.array([None if v is None else str(v) for v in values], pa.string())
    arrays[_ROW] = pa.array(range(len(table.rows)), pa.int64())
    return pa.table(arrays)


def write_file(
    table: report_tables.Table, actions: dict[str, str], row: store.AnalyticsExportRow, path: Path
) -> int:
    """Write the redacted, watermarked rows in the export's format; returns the row count."""
    data = _arrow(table)
    columns = []
    for name in data.column_names[:-1]:
        expr = redaction.sql_expression(name, actions.get(name, "keep"), _lit(row.salt))
        if expr is not None:
            columns.append(expr)
    columns.append(watermark.sql_expression(_lit(row.id), _lit(row.recipient), _ROW))
    options = _COPY[row.format]
    if row.format == "parquet":
        kv = {
            watermark.METADATA_KEY: row.id,
            watermark.RECIPIENT_KEY: row.recipient,
            "companyos.report": row.report,
        }
        options += ", KV_METADATA {" + ", ".join(f"{_lit(k)}: {_lit(v)}" for k, v in kv.items()) + "}"
    with duckdb.connect() as con:
        con.register("result", data)
        con.execute(
            f"COPY (SELECT {', '.join(columns)} FROM result ORDER BY {_ROW}) TO {_lit(str(path))} ({options})"
        )
    return data.num_rows


def _audit(runtime: Any, row: store.AnalyticsExportRow, event: str, **details: Any) -> None:
    runtime.audit.record(
        row.tenant_id, actor=row.created_by, actor_kind="user", action=f"analytics:export.{event}",
        resource=f"analytics_export:{row.id}", outcome="success", status=None, request_id=None,
        details={"report": row.report, "recipient": row.recipient, "destination_region": row.destination_region,
                 "schedule_id": row.schedule_id, **details},
    )  # fmt: skip


def stricter(first: dict[str, str], second: dict[str, str]) -> dict[str, str]:
    """Per column, the stronger of two treatments (data may look more personal at run time than before)."""
    out = dict(second)
    for name, action in first.items():
        if redaction.STRENGTH[action] > redaction.STRENGTH[out.get(name, "keep")]:
            out[name] = action
    return out


@job_kind(KIND)
def run_export(ctx: JobContext) -> dict[str, Any]:
    from companyos_server.platform.runtime import get_runtime

    runtime = get_runtime()
    with runtime.db.session() as session:
        row = session.get(store.AnalyticsExportRow, str(ctx.params["export_id"]))
        if row is None or row.tenant_id != ctx.tenant_id:
            raise LookupError("the export is gone")
        session.expunge(row)
    state: dict[str, Any] = dict(ctx.saved_state or {})
    staged = _staged(runtime.settings.var_dir, row.tenant_id, row.id)
    try:
        if "pack_id" not in state:
            state = _write_and_sign(runtime, ctx, row, staged)
    except JobCancelled:
        staged.unlink(missing_ok=True)
        raise
    staged.unlink(missing_ok=True)  # the unredacted rows live only until the pack holds their redacted form
    return {
        "export_id": row.id,
        "rows": state["rows"],
        "file": state["file"],
        "evidence_pack_id": state["pack_id"],
    }


def _write_and_sign(
    runtime: Any, ctx: JobContext, row: store.AnalyticsExportRow, staged: Path
) -> dict[str, Any]:
    _audit(runtime, row, "start")
    ctx.progress(0, 2)
    table = _unstage(staged)
    actions = stricter(
        row.redactions, redaction.resolve(report_tables.classify(table, row.parameters.get("sql")))[0]
    )
    ctx.progress(1, 2)
    with tempfile.TemporaryDirectory(prefix="companyos-aex-") as tmp:
        name = f"{row.report}.{row.format}"
        path = Path(tmp) / name
        count = write_file(table, actions, row, path)
        content = path.read_bytes()
    document = _document(row, table, actions, name, content, count)
    pack = runtime.evidence.create_pack(
        tenant_id=row.tenant_id, title=f"Analytics export {row.id} ({row.report}) for {row.recipient}",
        subject=f"analytics_export:{row.id}",
        items=[EvidenceItem("export.json", canonical_json(document)), EvidenceItem(name, content, FORMATS[row.format])],
        lineage=document["lineage"], created_by=row.created_by,
    )  # fmt: skip
    with runtime.db.session() as session:
        session.execute(
            update(store.AnalyticsExportRow)
            .where(store.AnalyticsExportRow.id == row.id)
            .values(pack_id=pack["id"], rows=count, redactions=actions)
        )
    state = {"pack_id": pack["id"], "rows": count, "file": name}
    ctx.checkpoint(state)
    ctx.progress(2, 2)
    _audit(runtime, row, "complete", rows=count, evidence_pack_id=pack["id"])
    return state


def _document(row: store.AnalyticsExportRow, table: report_tables.Table, actions: dict[str, str], name: str,
              content: bytes, count: int) -> dict[str, Any]:  # fmt: skip
    return {
        "schema": "companyos.analytics-export/v1",
        "export_id": row.id,
        "tenant_id": row.tenant_id,
        "report": row.report,
        "parameters": dict(row.parameters),
        "recipient": row.recipient,
        "residency": row.residency,
        "destination_region": row.destination_region,
        "files": [{"name": name, "format": row.format, "rows": count, "sha256": hashlib.sha256(content).hexdigest(),
                   "size": len(content)}],
        "rows": count,
        "columns": [{"name": c, "redaction": actions.get(c, "keep")} for c in table.columns if actions.get(c) != "drop"]
        + [{"name": watermark.COLUMN, "redaction": "keep"}],
        "redactions": {"applied": actions, "hash": "sha256(salt || value), salt unique to this export"},
        "watermark": {"column": watermark.COLUMN, "scheme": "sha256(export_id|recipient|row)[:16]",
                      "metadata": [watermark.METADATA_KEY, watermark.RECIPIENT_KEY] if row.format == "parquet" else []},
        "freshness": table.freshness,
        "lineage": {"inputs": [f"analytics_partition:{row.residency}.{row.tenant_id}"], "process": "analytics:export",
                    "outputs": [f"analytics_export:{row.id}"]},
        "schedule_id": row.schedule_id,
        "created_at": utcnow().isoformat().replace("+00:00", "Z"),
    }  # fmt: skip
