"""Per-tenant ingest keys: ``<key id>.<secret>``, shown once, stored as SHA-256 of the secret.

The secret is 256 random bits, so a fast hash is enough (no password stretching needed) and the
comparison is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from companyos_server import errors
from companyos_server.domains.alerts import store
from companyos_server.domains.alerts.store import AlertIngestKeyRow
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.storage import Database, new_id, utcnow

KEY_PREFIX = "aik_"
INGEST_ROLE = "alert_ingest"


@dataclass(frozen=True)
class VerifiedKey:
    key_id: str
    tenant_id: str
    name: str


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def looks_like_ingest_key(token: str) -> bool:
    return token.startswith(KEY_PREFIX) and "." in token


def to_dict(row: AlertIngestKeyRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "status": row.status,
        "created_by": row.created_by,
        "created_at": row.created_at,
        "revoked_at": row.revoked_at,
        "replaced_by": row.replaced_by,
        "last_used_at": row.last_used_at,
    }


def _issue(ctx: TenantContext, name: str) -> tuple[AlertIngestKeyRow, str]:
    key_id = new_id("aik")
    secret = secrets.token_urlsafe(32)
    row = AlertIngestKeyRow(
        id=key_id,
        tenant_id=ctx.tenant_id,
        name=name,
        secret_sha256=_hash(secret),
        status="active",
        created_by=ctx.principal.subject,
        created_at=utcnow(),
    )
    return row, f"{key_id}.{secret}"


def create_key(db: Database, ctx: TenantContext, body: dict[str, Any]) -> dict[str, Any]:
    with db.session() as session:
        row, token = _issue(ctx, body.get("name") or "alertmanager")
        session.add(row)
        session.flush()
        return {**to_dict(row), "token": token}


def rotate_key(db: Database, ctx: TenantContext, key_id: str) -> dict[str, Any]:
    """A new key replaces ``key_id``, which stops working at once."""
    with db.session() as session:
        old = store.get_key(session, ctx.tenant_id, key_id)
        if old is None:
            raise errors.not_found("Ingest key", key_id)
        if old.status != "active":
            raise errors.failed_precondition(f"Ingest key '{key_id}' is already {old.status}.")
        row, token = _issue(ctx, old.name)
        session.add(row)
        old.status, old.revoked_at, old.replaced_by = "revoked", utcnow(), row.id
        session.flush()
        return {**to_dict(row), "token": token}


def list_keys(db: Database, ctx: TenantContext) -> list[dict[str, Any]]:
    with db.session() as session:
        return [to_dict(r) for r in store.list_keys(session, ctx.tenant_id)]


def verify(db: Database, token: str) -> VerifiedKey | None:
    """The active key ``token`` names, or None (unknown, revoked, or wrong secret)."""
    if not looks_like_ingest_key(token):
        return None
    key_id, _, secret = token.partition(".")
    with db.session() as session:
        row = store.find_key(session, key_id)
        if row is None or row.status != "active":
            return None
        if not hmac.compare_digest(row.secret_sha256, _hash(secret)):
            return None
        row.last_used_at = utcnow()
        return VerifiedKey(row.id, row.tenant_id, row.name)
