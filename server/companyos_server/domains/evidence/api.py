"""Handlers for the `evidence` tag (Data Spine reads)."""

from __future__ import annotations

from typing import Any

from companyos_server.platform.requestctx import current_tenant_context
from companyos_server.platform.runtime import get_runtime

# application/gzip once codegen maps it (content_type_overrides in codegen/generate.py).
ARCHIVE_MEDIA_TYPE = "application/gzip"


def list_evidence_packs(
    tenant_id: str, page_size: int | None = None, page_token: str | None = None, subject: str | None = None
) -> dict[str, Any]:
    ctx = current_tenant_context()
    page = get_runtime().evidence.list_packs(
        ctx.tenant_id, subject=subject, page_size=page_size, page_token=page_token
    )
    return {"items": page.items, "next_page_token": page.next_page_token}


def get_evidence_pack(tenant_id: str, pack_id: str) -> dict[str, Any]:
    return get_runtime().evidence.get_pack(current_tenant_context().tenant_id, pack_id)


def download_evidence_pack(tenant_id: str, pack_id: str) -> tuple[bytes, int, dict[str, str]]:
    data = get_runtime().evidence.archive(current_tenant_context().tenant_id, pack_id)
    return (
        data,
        200,
        {
            "Content-Type": ARCHIVE_MEDIA_TYPE,
            "Content-Disposition": f'attachment; filename="{pack_id}.tar.gz"',
        },
    )


def get_lineage(tenant_id: str, ref: str) -> dict[str, Any]:
    return get_runtime().evidence.lineage(current_tenant_context().tenant_id, ref)
