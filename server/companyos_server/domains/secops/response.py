"""Containment that really happens: lock an identity-provider account, rotate a client's secret, verify.

Used by Maestro's ``account.lock`` and ``credential.rotate`` effects (in the effect's transaction) and by
the principal view. An account belongs to a tenant when the tenant is among its memberships; a client
when it is the client's tenant. Anything else is not this tenant's to touch (``None``: not found).
"""

from __future__ import annotations

import hashlib
import secrets as token_secrets
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from companyos_server.platform.identity.models import (
    IdpAuthorizationCode,
    IdpClient,
    IdpRefreshToken,
    IdpUser,
)
from companyos_server.platform.identity.passwords import hash_password
from companyos_server.platform.identity.revocation import notify_revoked, revoke_jti
from companyos_server.platform.storage import Database, utcnow


def _user(session: Session, tenant_id: str, account: str) -> IdpUser | None:
    row = session.scalar(select(IdpUser).where(or_(IdpUser.username == account, IdpUser.id == account)))
    if row is None or tenant_id not in (row.tenants or {}):
        return None
    return row


def lock_account(
    session: Session, tenant_id: str, account: str, *, reason: str = "secops_lock"
) -> dict[str, Any] | None:
    """Disable the account, revoke every refresh-token family and the access tokens issued with them."""
    user = _user(session, tenant_id, account)
    if user is None:
        return None
    now = utcnow()
    user.disabled = True
    refresh = session.scalars(select(IdpRefreshToken).where(IdpRefreshToken.user_id == user.id)).all()
    revoked_refresh = revoked_access = 0
    for row in refresh:
        if row.revoked_at is None:
            row.revoked_at = now
            revoked_refresh += 1
        if row.access_jti and row.access_expires_at:
            revoke_jti(session, row.access_jti, row.access_expires_at, reason=reason)
            revoked_access += 1
    codes = session.scalars(select(IdpAuthorizationCode).where(IdpAuthorizationCode.user_id == user.id)).all()
    for code in codes:
        if code.access_jti and code.access_expires_at:
            revoke_jti(session, code.access_jti, code.access_expires_at, reason=reason)
            revoked_access += 1
    notify_revoked()  # the caller notifies again after its commit (readers may reload in between)
    return {"account_known": True, "user_id": user.id, "locked_at": now.isoformat(),
            "refresh_tokens_revoked": revoked_refresh, "access_tokens_revoked": revoked_access}  # fmt: skip


def unlock_account(session: Session, tenant_id: str, account: str) -> bool:
    user = _user(session, tenant_id, account)
    if user is None:
        return False
    user.disabled = False
    return True


def rotate_client_secret(
    session: Session, tenant_id: str, client_id: str
) -> tuple[dict[str, Any], str] | None:
    """A new secret for a confidential client of the tenant (the old one stops working at once), and the
    refresh tokens issued to it revoked. Returns (details without the secret, the new secret)."""
    client = session.get(IdpClient, client_id)
    if client is None or client.tenant_id != tenant_id or client.client_type != "confidential":
        return None
    secret = token_secrets.token_urlsafe(32)
    client.secret_hash = hash_password(secret)
    now = utcnow()
    revoked = 0
    for row in session.scalars(select(IdpRefreshToken).where(IdpRefreshToken.client_id == client_id)).all():
        if row.revoked_at is None:
            row.revoked_at = now
            revoked += 1
        if row.access_jti and row.access_expires_at:
            revoke_jti(session, row.access_jti, row.access_expires_at, reason="credential_rotated")
    notify_revoked()  # the caller notifies again after its commit (readers may reload in between)
    fingerprint = hashlib.sha256(secret.encode()).hexdigest()[:12]
    return {"credential_known": True, "client_id": client_id, "rotated_at": now.isoformat(),
            "secret_fingerprint": fingerprint, "refresh_tokens_revoked": revoked}, secret  # fmt: skip


def verify(db: Database, tenant_id: str, principal: str, *, since: datetime | None = None) -> dict[str, Any]:
    """Post-playbook verification: the account is locked, no live refresh token, no sign-in since."""
    from companyos_server.domains.secops.store import SecurityEventRow

    with db.session() as session:
        user = _user(session, tenant_id, principal)
        if user is None:
            return {
                "account_known": False,
                "locked": False,
                "live_refresh_tokens": 0,
                "sign_ins_since_lock": 0,
                "contained": False,
            }
        live = len(
            session.scalars(
                select(IdpRefreshToken.id).where(
                    IdpRefreshToken.user_id == user.id, IdpRefreshToken.revoked_at.is_(None),
                    IdpRefreshToken.rotated_at.is_(None), IdpRefreshToken.expires_at > utcnow(),
                )
            ).all()
        )  # fmt: skip
        if since is None:
            since = _locked_at(session, tenant_id, [user.username, user.id])
        query = select(SecurityEventRow.id).where(
            SecurityEventRow.tenant_id == tenant_id, SecurityEventRow.principal == user.username,
            SecurityEventRow.action == "identity.sign_in", SecurityEventRow.outcome == "success",
        )  # fmt: skip
        if since is not None:
            query = query.where(SecurityEventRow.occurred_at >= since)
        sign_ins = len(session.scalars(query).all()) if since is not None else 0
        return {"account_known": True, "locked": bool(user.disabled), "live_refresh_tokens": live,
                "locked_since": since,
                "sign_ins_since_lock": sign_ins,
                "contained": bool(user.disabled) and live == 0 and sign_ins == 0}  # fmt: skip


def _locked_at(session: Session, tenant_id: str, names: list[str]) -> datetime | None:
    """When a Maestro ``account.lock`` effect last locked the account (None: never)."""
    from companyos_server.core.maestro.models import EffectRow

    query = (
        select(EffectRow.applied_at)
        .where(
            EffectRow.tenant_id == tenant_id, EffectRow.kind == "account.lock", EffectRow.target.in_(names)
        )
        .order_by(EffectRow.applied_at.desc())
        .limit(1)
    )
    return session.scalar(query)
