"""Datasets: the catalogue (schema, classification, residency), stats, samples and quarantine pages.

No HTTP here. Imports live in :mod:`.imports`, exports in :mod:`.exports`.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select, update

from companyos_server import errors
from companyos_server.domains.datasets import store
from companyos_server.domains.datasets.lake import Lake
from companyos_server.domains.datasets.schema import check_fields
from companyos_server.domains.tenants import store as tenants_store
from companyos_server.platform.dataprotection.redaction import mask_value
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, tenant_select, utcnow

REGIONS = ("eu", "us", "uk", "apac", "ca")
NAME = re.compile(r"^[a-z][a-z0-9_-]{0,99}$")
MAX_SAMPLE = 100


def _lake() -> Lake:
    from companyos_server.platform.runtime import get_runtime

    return Lake(get_runtime().settings.var_dir)


def to_dict(row: store.DatasetRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "name": row.name,
        "description": row.description,
        "fields": [dict(f) for f in row.fields],
        "residency": row.residency,
        "time_field": row.time_field,
        "row_count": row.row_count,
        "size_bytes": row.size_bytes,
        "storage": f"tenant={row.tenant_id}/region={row.residency}/dataset={row.id}",
        "created_by": row.created_by,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def create_dataset(db: Database, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    name = body.get("name")
    if not isinstance(name, str) or not NAME.match(name):
        raise errors.invalid_argument("name must be lowercase letters, digits, '-' or '_'.",
                                      [errors.FieldError("name", "invalid")])  # fmt: skip
    time_field = body.get("time_field")
    fields = check_fields(body.get("fields"), time_field)
    with db.session() as session:
        tenant = tenants_store.get(session, ctx.tenant_id)
        residency = body.get("residency") or (tenant.residency if tenant else "us")
        if residency not in REGIONS:
            raise errors.invalid_argument(f"residency must be one of {', '.join(REGIONS)}.",
                                          [errors.FieldError("residency", "unknown region")])  # fmt: skip
        if session.scalars(
            tenant_select(store.DatasetRow, ctx.tenant_id).where(store.DatasetRow.name == name)
        ).first():
            raise errors.already_exists("Dataset", name)
        now = utcnow()
        row = store.DatasetRow(
            id=new_id("ds"), tenant_id=ctx.tenant_id, name=name, description=str(body.get("description") or ""),
            fields=fields, residency=residency, time_field=time_field, row_count=0, size_bytes=0,
            created_by=ctx.principal.subject, created_at=now, updated_at=now,
        )  # fmt: skip
        session.add(row)
        session.flush()
        _graph_node(session, row, ctx.principal.subject)
        return to_dict(row)


def update_dataset(db: Database, ctx: TenantContext, dataset_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """The description and the schema's compatible changes (see :func:`evolve_fields`)."""
    fields = check_fields(body["fields"]) if "fields" in body else None
    with db.session() as session:
        row = store.get_dataset(session, ctx.tenant_id, dataset_id)
        if row is None:
            raise errors.not_found("Dataset", dataset_id)
        if fields is not None:
            evolve_fields(row.fields, fields)
            if _imports_running(session, ctx.tenant_id, dataset_id):
                raise errors.failed_precondition(
                    f"An import into dataset '{dataset_id}' is running: its rows are validated against the "
                    "schema it started with. Change the schema when it has finished."
                )
            row.fields = fields
        if "description" in body:
            row.description = str(body["description"])
        row.updated_at = utcnow()
        session.flush()
        _graph_node(session, row, ctx.principal.subject)
        return to_dict(row)


def evolve_fields(current: list[dict[str, Any]], wanted: list[dict[str, Any]]) -> None:
    """Refuse (409, one entry per field) a schema change the rows already written would not satisfy."""
    problems: list[errors.FieldError] = []
    if len(wanted) != len(current):
        problems.append(errors.FieldError(
            "fields", f"the schema has {len(current)} fields; adding or removing fields is not supported",
            "conflict",
        ))  # fmt: skip
    for i, (old, new) in enumerate(zip(current, wanted, strict=False)):
        where = f"fields[{i}]"
        if (new["name"], new["type"]) != (old["name"], old["type"]):
            problems.append(errors.FieldError(
                where, f"must stay {old['name']} ({old['type']}): renaming, retyping or reordering fields "
                "is not supported", "conflict",
            ))  # fmt: skip
            continue
        if old.get("nullable", True) and not new["nullable"]:
            problems.append(errors.FieldError(
                f"{where}.nullable", "cannot become required: rows already written may be empty", "conflict"
            ))  # fmt: skip
        old_max, new_max = old.get("max_length"), new.get("max_length")
        if new_max is not None and (old_max is None or new_max < old_max):
            problems.append(errors.FieldError(
                f"{where}.max_length", f"cannot narrow ({old_max or 'no limit'} → {new_max}): rows already "
                "written may be longer", "conflict",
            ))  # fmt: skip
    if problems:
        raise errors.DomainError(
            "The schema change does not describe the rows already written.",
            409,
            "Conflict",
            "conflict",
            problems,
        )


def _imports_running(session: Any, tenant_id: str, dataset_id: str) -> bool:
    from companyos_server.platform.jobs.models import JobRow

    return (
        session.scalar(
            tenant_select(store.DatasetImportRow, tenant_id)
            .with_only_columns(store.DatasetImportRow.id)
            .join(JobRow, JobRow.id == store.DatasetImportRow.job_id)
            .where(store.DatasetImportRow.dataset_id == dataset_id, JobRow.state.in_(("queued", "running")))
            .limit(1)
        )
        is not None
    )


def _graph_node(session: Any, row: store.DatasetRow, actor: str) -> str:
    from companyos_server.platform.runtime import get_runtime

    return get_runtime().graph.upsert_entity(
        session, tenant_id=row.tenant_id, kind="dataset", entity_id=row.id, name=row.name, actor=actor,
        attributes={"residency": row.residency, "row_count": row.row_count, "fields": len(row.fields),
                    "pii_fields": [f["name"] for f in row.fields if f["classification"] == "pii"]},
        text=" ".join([row.description, *(f["name"] for f in row.fields)]),
    )  # fmt: skip


def get_dataset(db: Database, ctx: TenantContext, dataset_id: str) -> dict[str, Any]:
    with db.session() as session:
        row = store.get_dataset(session, ctx.tenant_id, dataset_id)
        if row is None:
            raise errors.not_found("Dataset", dataset_id)
        return to_dict(row)


def list_datasets(db: Database, ctx: TenantContext, *, page_size: int | None = None,
                  page_token: str | None = None) -> Page[dict[str, Any]]:  # fmt: skip
    with db.session() as session:

        def fetch(after: str | None, limit: int) -> list[store.DatasetRow]:
            query = tenant_select(store.DatasetRow, ctx.tenant_id)
            if after:
                query = query.where(store.DatasetRow.id > after)
            return list(session.scalars(query.order_by(store.DatasetRow.id).limit(limit)))

        page = paginate(fetch, key=lambda r: r.id, page_size=page_size, page_token=page_token,
                        filters={"tenant": ctx.tenant_id})  # fmt: skip
        return Page([to_dict(r) for r in page.items], page.next_page_token)


def refresh_stats(db: Database, tenant_id: str, dataset_id: str) -> dict[str, Any]:
    """Row count and bytes recounted from the published files (DuckDB over the Parquet footers)."""
    lake = _lake()
    with db.session() as session:
        row = store.get_dataset(session, tenant_id, dataset_id)
        if row is None:
            raise errors.not_found("Dataset", dataset_id)
        files = lake.dataset_files(tenant_id, row.residency, dataset_id)
        row.row_count = lake.count(files)
        row.size_bytes = sum(p.stat().st_size for p in files)
        row.updated_at = utcnow()
        session.flush()
        _graph_node(session, row, "system")
        return to_dict(row)


def sample(db: Database, ctx: TenantContext, dataset_id: str, limit: int | None = None) -> dict[str, Any]:
    """The first rows, with every field classified above ``internal`` masked."""
    dataset = get_dataset(db, ctx, dataset_id)
    size = min(max(int(limit or 10), 1), MAX_SAMPLE)
    lake = _lake()
    names = [f["name"] for f in dataset["fields"]]
    rows = lake.sample(lake.dataset_files(ctx.tenant_id, dataset["residency"], dataset_id), names, size)
    masked = [f["name"] for f in dataset["fields"] if f["classification"] in ("confidential", "pii")]
    out = []
    for r in rows:
        item = {}
        for f in dataset["fields"]:
            value = r.get(f["name"])
            if f["name"] in masked:
                value = mask_value(value)
            elif value is not None and hasattr(value, "isoformat"):
                value = value.isoformat().replace("+00:00", "Z")
            item[f["name"]] = value
        out.append(item)
    return {"dataset_id": dataset_id, "rows": out, "masked_fields": masked, "row_count": dataset["row_count"]}


# -- imports (reads) ------------------------------------------------------------------------------
def get_import(db: Database, jobs: Any, ctx: TenantContext, import_id: str) -> dict[str, Any]:
    from companyos_server.domains.datasets.imports import import_to_dict

    with db.session() as session:
        row = store.get_import(session, ctx.tenant_id, import_id)
        if row is None:
            raise errors.not_found("Import", import_id)
        parts = store.parts_of(session, ctx.tenant_id, import_id)
        job = jobs.get(ctx.tenant_id, row.job_id) if row.job_id else None
        return import_to_dict(row, parts, job)


def list_imports(db: Database, jobs: Any, ctx: TenantContext, dataset_id: str, *, page_size: int | None = None,
                 page_token: str | None = None) -> Page[dict[str, Any]]:  # fmt: skip
    from companyos_server.domains.datasets.imports import import_to_dict

    get_dataset(db, ctx, dataset_id)
    with db.session() as session:

        def fetch(after: str | None, limit: int) -> list[store.DatasetImportRow]:
            query = tenant_select(store.DatasetImportRow, ctx.tenant_id).where(
                store.DatasetImportRow.dataset_id == dataset_id
            )
            if after:
                query = query.where(store.DatasetImportRow.id < after)
            return list(session.scalars(query.order_by(store.DatasetImportRow.id.desc()).limit(limit)))

        page = paginate(fetch, key=lambda r: r.id, page_size=page_size, page_token=page_token,
                        filters={"tenant": ctx.tenant_id, "dataset": dataset_id})  # fmt: skip
        parts = store.parts_by_import(session, ctx.tenant_id, [r.id for r in page.items])
        found = store.jobs_by_id(session, ctx.tenant_id, [r.job_id for r in page.items])
        items = [import_to_dict(r, parts[r.id], found[r.job_id] if r.job_id else None) for r in page.items]
        return Page(items, page.next_page_token)


def quarantine(db: Database, ctx: TenantContext, import_id: str, *, page_size: int | None = None,
               page_token: str | None = None) -> dict[str, Any]:  # fmt: skip
    """The import's bad rows (row number, file, field, rule), a page at a time."""
    with db.session() as session:
        if store.get_import(session, ctx.tenant_id, import_id) is None:
            raise errors.not_found("Import", import_id)
    lake = _lake()
    totals: dict[str, int] = {}

    def fetch(after: str | None, limit: int) -> list[dict[str, Any]]:
        offset = int(after or 0)
        rows, totals["total"] = lake.quarantine_page(ctx.tenant_id, import_id, offset, limit)
        return [{**r, "_offset": str(offset + i + 1)} for i, r in enumerate(rows)]

    page = paginate(fetch, key=lambda r: r["_offset"], page_size=page_size, page_token=page_token,
                    filters={"tenant": ctx.tenant_id, "import": import_id})  # fmt: skip
    items = [{k: v for k, v in r.items() if k != "_offset"} for r in page.items]
    return {"items": items, "next_page_token": page.next_page_token, "total": totals.get("total", 0),
            "by_rule": lake.quarantine_summary(ctx.tenant_id, import_id)}  # fmt: skip


def cleanup_import(db: Database, jobs: Any, ctx: TenantContext, import_id: str) -> dict[str, Any]:
    """Rollback: remove an import's rows from the dataset, its quarantine and its staging area."""
    with db.session() as session:
        row = store.get_import(session, ctx.tenant_id, import_id)
        if row is None:
            raise errors.not_found("Import", import_id)
        dataset = store.get_dataset(session, ctx.tenant_id, row.dataset_id)
        job = jobs.get(ctx.tenant_id, row.job_id) if row.job_id else None
    if job and job["state"] in ("queued", "running"):
        raise errors.failed_precondition(f"Import '{import_id}' is {job['state']}: cancel it first.")
    retried_by = (row.options or {}).get("retried_by")
    if retried_by and row.state != "rolled_back":
        raise errors.failed_precondition(
            f"Import '{import_id}' was retried by '{retried_by}': roll that import back first."
        )
    lake = _lake()
    removed = lake.remove_published(ctx.tenant_id, dataset.residency, dataset.id, import_id) if dataset else 0
    lake.discard(ctx.tenant_id, import_id, quarantine=True)
    import shutil

    shutil.rmtree(lake.staging(ctx.tenant_id, import_id), ignore_errors=True)
    with db.session() as session:
        session.execute(
            update(store.DatasetImportRow)
            .where(store.DatasetImportRow.id == import_id)
            .values(state="rolled_back")
        )
        retry_of = (row.options or {}).get("retry_of")
        original = store.get_import(session, ctx.tenant_id, retry_of) if retry_of else None
        if original is not None and (original.options or {}).get("retried_by") == import_id:
            original.options = {**original.options, "retried_by": None}  # it can be retried again
    if dataset:
        refresh_stats(db, ctx.tenant_id, dataset.id)
    return {**get_import(db, jobs, ctx, import_id), "files_removed": removed}


def dataset_ids(db: Database, tenant_id: str) -> list[str]:
    with db.session() as session:
        return list(
            session.scalars(select(store.DatasetRow.id).where(store.DatasetRow.tenant_id == tenant_id))
        )
