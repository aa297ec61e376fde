"""Queries and writes of the identity provider that more than one endpoint needs."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from companyos_server.platform.encryption import SecretKeyring
from companyos_server.platform.identity.clients import AuthenticatedUser, ClientAdapter
from companyos_server.platform.identity.events import UNKNOWN_USER
from companyos_server.platform.identity.models import (
    IdpAuthorizationCode,
    IdpClient,
    IdpDeviceCode,
    IdpRefreshToken,
    IdpUser,
)
from companyos_server.platform.identity.passwords import digest, verify_password, verify_totp
from companyos_server.platform.identity.revocation import notify_revoked, revoke_jti
from companyos_server.platform.identity.sealing import open_totp_secret
from companyos_server.platform.principal import ACR_MFA, ACR_PASSWORD
from companyos_server.platform.storage import Database, new_id, utcnow

log = logging.getLogger(__name__)

REFRESH_TOKEN_TTL = 30 * 24 * 3600


def get_client(db: Database, client_id: str) -> ClientAdapter | None:
    with db.session() as session:
        row = session.get(IdpClient, client_id)
    return ClientAdapter(row) if row is not None else None


def load_user(
    db: Database, user_id: str, *, acr: str | None, auth_time: int | None
) -> AuthenticatedUser | None:
    with db.session() as session:
        row = session.get(IdpUser, user_id)
    if row is None or row.disabled:
        return None
    return AuthenticatedUser.from_row(row, acr=acr, auth_time=auth_time)


@dataclass(frozen=True)
class LoginResult:
    user: AuthenticatedUser | None
    error: str | None = None  # what the person is told (the same for every credential failure)
    reason: str = (
        ""  # what the audit log is told: unknown_user, bad_password, disabled, bad_otp, mfa_required
    )


def authenticate(
    db: Database,
    username: str,
    password: str,
    totp_code: str,
    *,
    require_mfa: bool,
    secrets: SecretKeyring | None = None,
) -> LoginResult:
    """Check username + password (+ TOTP). A valid TOTP gives ``acr`` mfa, password alone ``pwd``.

    Unknown users cost the same scrypt work as known ones, and every failure returns the same message.
    ``secrets`` opens the sealed TOTP secret: without it no one-time code is accepted.
    """
    generic = "Invalid username, password or one-time code."
    with db.session() as session:
        row = session.scalar(select(IdpUser).where(IdpUser.username == username))
        password_ok = verify_password(password, row.password_hash if row else None)
        if row is None or not password_ok or row.disabled:
            reason = UNKNOWN_USER if row is None else "bad_password" if not password_ok else "disabled"
            return LoginResult(None, generic, reason)
        acr = ACR_PASSWORD
        if totp_code:
            secret = open_totp_secret(secrets, row.id, row.totp_secret) if secrets else None
            step = verify_totp(secret, totp_code.strip(), last_step=row.totp_last_step)
            if step is None:
                return LoginResult(None, generic, "bad_otp")
            row.totp_last_step = step
            acr = ACR_MFA
        elif require_mfa:
            return LoginResult(
                None, "This request needs your one-time code as a second factor.", "mfa_required"
            )
        return LoginResult(AuthenticatedUser.from_row(row, acr=acr, auth_time=int(time.time())))


def save_refresh_token(
    db: Database,
    *,
    refresh_token: str,
    family_id: str | None,
    client_id: str,
    user: AuthenticatedUser,
    scope: str,
    access_jti: str | None,
    access_expires_at: int | None,
) -> str:
    """Store a new refresh token (a new family unless ``family_id`` continues one); returns the family."""
    family = family_id or new_id("rtf")
    with db.session() as session:
        session.add(
            IdpRefreshToken(
                id=new_id("rt"),
                token_hash=digest(refresh_token),
                family_id=family,
                client_id=client_id,
                user_id=user.user_id,
                scope=scope,
                acr=user.acr,
                auth_time=user.auth_time,
                access_jti=access_jti,
                access_expires_at=access_expires_at,
                expires_at=utcnow() + timedelta(seconds=REFRESH_TOKEN_TTL),
            )
        )
    return family


def revoke_family(db: Database, family_id: str, *, reason: str) -> int:
    """Revoke every refresh token of a family and every access token issued with them."""
    now = utcnow()
    with db.session() as session:
        rows = session.scalars(select(IdpRefreshToken).where(IdpRefreshToken.family_id == family_id)).all()
        for row in rows:
            if row.revoked_at is None:
                row.revoked_at = now
            if row.access_jti and row.access_expires_at:
                revoke_jti(session, row.access_jti, row.access_expires_at, reason=reason)
    notify_revoked()
    return len(rows)


def revoke_access_token(db: Database, jti: str, expires_at: int, *, reason: str) -> None:
    with db.session() as session:
        revoke_jti(session, jti, expires_at, reason=reason)
    notify_revoked()


def revoke_issued(
    db: Database, *, family_id: str | None, access_jti: str | None, access_expires_at: int | None
) -> None:
    """Revoke a refresh family and/or one access token (whatever a grant issued)."""
    if family_id:
        revoke_family(db, family_id, reason="code_replay")
    if access_jti and access_expires_at:
        revoke_access_token(db, access_jti, access_expires_at, reason="code_replay")


def revoke_code_grant(db: Database, row: IdpAuthorizationCode) -> None:
    """An authorization code was replayed: revoke the tokens its first exchange issued."""
    revoke_issued(
        db, family_id=row.family_id, access_jti=row.access_jti, access_expires_at=row.access_expires_at
    )


def find_pending_device_code(db: Database, user_code: str) -> IdpDeviceCode | None:
    with db.session() as session:
        row = session.scalar(select(IdpDeviceCode).where(IdpDeviceCode.user_code == user_code))
    if row is None or row.status != "pending" or row.expires_at <= utcnow():
        return None
    return row


def decide_device_code(db: Database, user_code: str, user: AuthenticatedUser, *, approve: bool) -> bool:
    """Record the user's decision on a pending device code; False when it is no longer pending."""
    with db.session() as session:
        row = session.scalar(select(IdpDeviceCode).where(IdpDeviceCode.user_code == user_code))
        if row is None or row.status != "pending" or row.expires_at <= utcnow():
            return False
        row.status = "approved" if approve else "denied"
        row.user_id = user.user_id
        row.acr = user.acr
        row.auth_time = user.auth_time
    return True
