"""Tenant configuration as versioned documents, with RFC 6902 diffs. Pure domain logic: no HTTP here."""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy.orm import Session

from companyos_server import errors
from companyos_server.domains.tenant_config import changes, patch, store
from companyos_server.domains.tenant_config.store import ConfigVersionRow
from companyos_server.platform.pagination import Page, paginate
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow


def summary(row: ConfigVersionRow) -> dict[str, Any]:
    return {
        "version": row.version,
        "author": row.author,
        "message": row.message,
        "created_at": row.created_at,
    }


def to_dict(row: ConfigVersionRow) -> dict[str, Any]:
    return {"tenant_id": row.tenant_id, **summary(row), "document": copy.deepcopy(row.document or {})}


def save_version_in(
    session: Session,
    tenant_id: str,
    document: dict[str, Any],
    *,
    author: str,
    message: str,
    base_version: int | None = None,
) -> dict[str, Any]:
    """Store ``document`` as version N+1; an unchanged document returns the current version as is."""
    current = store.latest(session, tenant_id)
    number = current.version if current else 0
    if base_version is not None and base_version != number:
        raise errors.failed_precondition(
            f"The configuration is at version {number}, not {base_version}: reload it and apply the change again."
        )
    if current is not None and current.document == document:
        return to_dict(current)
    row = ConfigVersionRow(
        id=new_id("cfg"),
        tenant_id=tenant_id,
        version=number + 1,
        document=copy.deepcopy(document),
        author=author,
        message=message,
        created_at=utcnow(),
    )
    store.add_version(session, row)
    return to_dict(row)


def put_config(db: Database, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    """Save a new version; IntelGraph records the change (who, when, which paths) in the same transaction."""
    with db.session() as session:
        current = store.latest(session, ctx.tenant_id)
        before = (current.version, copy.deepcopy(current.document or {})) if current is not None else None
        saved = save_version_in(
            session,
            ctx.tenant_id,
            body["document"],
            author=ctx.principal.subject,
            message=body["message"],
            base_version=body.get("base_version"),
        )
        if before is None or saved["version"] != before[0]:
            changes.config_saved(session, ctx.tenant_id, ctx.principal.subject, before, saved)
        return saved


def get_config(db: Database, ctx: TenantContext) -> dict[str, Any]:
    with db.session() as session:
        row = store.latest(session, ctx.tenant_id)
        if row is None:
            raise errors.DomainError(
                f"Tenant '{ctx.tenant_id}' has no configuration yet.", 404, "Not Found", "not-found"
            )
        return to_dict(row)


def _version(session: Session, tenant_id: str, version: int) -> ConfigVersionRow:
    row = store.get_version(session, tenant_id, version)
    if row is None:
        raise errors.not_found("Configuration version", str(version))
    return row


def get_version(db: Database, ctx: TenantContext, version: int) -> dict[str, Any]:
    with db.session() as session:
        return to_dict(_version(session, ctx.tenant_id, version))


def list_versions(
    db: Database, ctx: TenantContext, *, page_size: int | None = None, page_token: str | None = None
) -> Page[dict[str, Any]]:
    with db.session() as session:

        def fetch(after: str | None, limit: int) -> list[ConfigVersionRow]:
            before = None
            if after is not None:
                if not after.isdigit():
                    raise errors.invalid_argument(
                        "page_token is not valid for this list.",
                        [errors.FieldError("page_token", "malformed")],
                    )
                before = int(after)
            return store.versions_page(session, ctx.tenant_id, before=before, limit=limit)

        page = paginate(
            fetch, key=lambda r: str(r.version), page_size=page_size, page_token=page_token, filters={}
        )
        return Page([summary(r) for r in page.items], page.next_page_token)


def diff(db: Database, ctx: TenantContext, from_version: int, to_version: int) -> dict[str, Any]:
    with db.session() as session:
        old = _version(session, ctx.tenant_id, from_version)
        new = _version(session, ctx.tenant_id, to_version)
        return {
            "from": from_version,
            "to": to_version,
            "operations": patch.diff(old.document or {}, new.document or {}),
        }
