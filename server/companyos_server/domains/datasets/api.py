"""Handlers for the `datasets` tag: parse, call the service, shape the response."""

from __future__ import annotations

from typing import Any

from companyos_server.domains.datasets import exports, imports, service, staging_area
from companyos_server.domains.datasets.lake import Lake
from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime

JSON = {"Content-Type": "application/json"}
Response = tuple[dict[str, Any], int, dict[str, str]]


def _page(page: Any) -> dict[str, Any]:
    return {"items": page.items, "next_page_token": page.next_page_token}


def list_datasets(tenant_id: str, page_size: int | None = None, page_token: str | None = None) -> Response:
    page = service.list_datasets(
        get_runtime().db, current_tenant_context(), page_size=page_size, page_token=page_token
    )
    return _page(page), 200, JSON


def create_dataset(tenant_id: str, body: dict[str, Any]) -> Response:
    return service.create_dataset(get_runtime().db, current_tenant_context(), body), 201, JSON


def get_dataset(tenant_id: str, dataset_id: str) -> Response:
    return service.get_dataset(get_runtime().db, current_tenant_context(), dataset_id), 200, JSON


def update_dataset(tenant_id: str, dataset_id: str, body: dict[str, Any]) -> Response:
    return service.update_dataset(get_runtime().db, current_tenant_context(), dataset_id, body), 200, JSON


def get_dataset_sample(tenant_id: str, dataset_id: str, limit: int | None = None) -> Response:
    return service.sample(get_runtime().db, current_tenant_context(), dataset_id, limit), 200, JSON


def list_dataset_imports(
    tenant_id: str, dataset_id: str, page_size: int | None = None, page_token: str | None = None
) -> Response:
    rt = get_runtime()
    page = service.list_imports(rt.db, rt.jobs, current_tenant_context(), dataset_id, page_size=page_size,
                                page_token=page_token)  # fmt: skip
    return _page(page), 200, JSON


def list_staging_files(
    tenant_id: str, page_size: int | None = None, page_token: str | None = None, prefix: str = ""
) -> Response:
    ctx = current_tenant_context()
    page = staging_area.list_page(
        Lake(get_runtime().settings.var_dir),
        ctx.tenant_id,
        prefix=prefix,
        page_size=page_size,
        page_token=page_token,
    )
    return _page(page), 200, JSON


def create_dataset_import(tenant_id: str, dataset_id: str, body: dict[str, Any]) -> Response:
    return imports.create_import(get_runtime().db, current_tenant_context(), dataset_id, body), 201, JSON


def get_dataset_import(tenant_id: str, import_id: str) -> Response:
    rt = get_runtime()
    return service.get_import(rt.db, rt.jobs, current_tenant_context(), import_id), 200, JSON


def upload_dataset_import_part(
    tenant_id: str, import_id: str, file_name: str, part_number: int, sha256: str, body: bytes
) -> Response:
    data = (
        body
        if isinstance(body, bytes)
        else (body or "").encode("utf-8")
        if isinstance(body, str)
        else bytes(body or b"")
    )
    part = imports.upload_part(
        get_runtime().db, current_tenant_context(), import_id, file_name, part_number, sha256, data
    )
    return part, 200, JSON


def start_dataset_import(tenant_id: str, import_id: str) -> Response:
    rt = get_runtime()
    job = imports.start_import(rt.db, rt.jobs, current_tenant_context(), import_id)
    return job, 202, {**JSON, "Location": f"/v1/tenants/{job['tenant_id']}/jobs/{job['id']}"}


def list_quarantined_rows(
    tenant_id: str, import_id: str, page_size: int | None = None, page_token: str | None = None
) -> Response:
    result = service.quarantine(get_runtime().db, current_tenant_context(), import_id, page_size=page_size,
                                page_token=page_token)  # fmt: skip
    return result, 200, JSON


def retry_dataset_import(tenant_id: str, import_id: str) -> Response:
    rt = get_runtime()
    retry = imports.retry_import(rt.db, rt.jobs, current_tenant_context(), import_id)
    return retry, 202, {**JSON, "Location": f"/v1/tenants/{retry['tenant_id']}/imports/{retry['id']}"}


def rollback_dataset_import(tenant_id: str, import_id: str) -> Response:
    rt = get_runtime()
    return service.cleanup_import(rt.db, rt.jobs, current_tenant_context(), import_id), 200, JSON


def list_dataset_exports(
    tenant_id: str, dataset_id: str, page_size: int | None = None, page_token: str | None = None
) -> Response:
    rt = get_runtime()
    page = exports.list_exports(rt.db, rt.jobs, current_tenant_context(), dataset_id, page_size=page_size,
                                page_token=page_token)  # fmt: skip
    return _page(page), 200, JSON


def create_dataset_export(tenant_id: str, dataset_id: str, body: dict[str, Any]) -> Response:
    rt = get_runtime()
    return exports.create_export(rt.db, rt, current_tenant_context(), dataset_id, body), 202, JSON


def get_dataset_export(tenant_id: str, export_id: str) -> Response:
    rt = get_runtime()
    return exports.get_export(rt.db, rt.jobs, current_tenant_context(), export_id), 200, JSON


def download_dataset_export(tenant_id: str, export_id: str) -> tuple[bytes, int, dict[str, str]]:
    rt = get_runtime()
    data, _ = exports.pack_archive(rt.db, rt, current_tenant_context(), export_id)
    return data, 200, {"Content-Type": "application/gzip",
                       "Content-Disposition": f'attachment; filename="{export_id}.tar.gz"'}  # fmt: skip
