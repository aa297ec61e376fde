"""Tables of the built-in identity provider (all prefixed ``idp_``).

Secrets never sit in these tables in a form that could be replayed: passwords are scrypt hashes, client
secrets, authorization codes, refresh tokens and device codes are stored as SHA-256 digests of the value
handed to the client, and TOTP secrets (which must be read back) are AES-256-GCM sealed with a key
outside the database (``sealing.py``). Users and clients are platform-level (they reach tenants through their
``tenants`` mapping), so these tables are not tenant-owned.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from companyos_server.platform.storage import Base, UTCDateTime, utcnow


class IdpUser(Base):
    """A person who can sign in at ``/oauth2/login``."""

    __tablename__ = "idp_users"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    # Sealed (``enc1:<key id>:…``, see sealing.py), never in clear.
    totp_secret: Mapped[str | None] = mapped_column(String(255), nullable=True)
    # The last accepted TOTP time step: codes of that step or earlier are refused (no replay).
    totp_last_step: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # {tenant_id: [role, ...]}
    tenants: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)
    # Extra scopes always granted to this user's tokens (e.g. "platform:admin tenants:cross").
    scopes: Mapped[str] = mapped_column(String(500), default="")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class IdpClient(Base):
    """An OAuth client (RFC 6749 §2): public (CLI, SPA) or confidential (service)."""

    __tablename__ = "idp_clients"

    client_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    client_type: Mapped[str] = mapped_column(String(20))  # "public" | "confidential"
    secret_hash: Mapped[str | None] = mapped_column(String(300), nullable=True)
    redirect_uris: Mapped[list[str]] = mapped_column(JSON, default=list)
    grant_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Scopes this client may request (space-separated; empty means "any the server supports").
    allowed_scopes: Mapped[str] = mapped_column(String(500), default="")
    # For client credentials: the tenant the client acts in and its roles there.
    tenant_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class IdpAuthorizationCode(Base):
    """A one-time authorization code, bound to client, redirect URI and PKCE challenge."""

    __tablename__ = "idp_authorization_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(100), index=True)
    user_id: Mapped[str] = mapped_column(String(40))
    redirect_uri: Mapped[str | None] = mapped_column(Text, nullable=True)
    scope: Mapped[str] = mapped_column(String(500), default="")
    code_challenge: Mapped[str | None] = mapped_column(String(128), nullable=True)
    code_challenge_method: Mapped[str | None] = mapped_column(String(10), nullable=True)
    nonce: Mapped[str | None] = mapped_column(String(200), nullable=True)
    acr: Mapped[str | None] = mapped_column(String(100), nullable=True)
    auth_time: Mapped[int | None] = mapped_column(Integer, nullable=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Set when the code is exchanged: a second exchange (replay) revokes what the first one issued.
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    family_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    access_jti: Mapped[str | None] = mapped_column(String(64), nullable=True)
    access_expires_at: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class IdpRefreshToken(Base):
    """One refresh token of a rotation family.

    Each refresh returns a new token in the same ``family_id`` and marks the old one ``rotated_at``.
    Presenting a rotated token again is reuse (a stolen copy): the whole family is revoked, together
    with the access tokens (``access_jti``) issued alongside it.
    """

    __tablename__ = "idp_refresh_tokens"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    family_id: Mapped[str] = mapped_column(String(40), index=True)
    client_id: Mapped[str] = mapped_column(String(100))
    user_id: Mapped[str] = mapped_column(String(40))
    scope: Mapped[str] = mapped_column(String(500), default="")
    acr: Mapped[str | None] = mapped_column(String(100), nullable=True)
    auth_time: Mapped[int | None] = mapped_column(Integer, nullable=True)
    access_jti: Mapped[str | None] = mapped_column(String(64), nullable=True)
    access_expires_at: Mapped[int | None] = mapped_column(Integer, nullable=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class IdpDeviceCode(Base):
    """A pending device authorization (RFC 8628) and the user's decision on it."""

    __tablename__ = "idp_device_codes"

    device_code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_code: Mapped[str] = mapped_column(String(20), unique=True)
    client_id: Mapped[str] = mapped_column(String(100))
    scope: Mapped[str] = mapped_column(String(500), default="")
    interval: Mapped[int] = mapped_column(Integer, default=5)
    last_poll_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending|approved|denied
    user_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    acr: Mapped[str | None] = mapped_column(String(100), nullable=True)
    auth_time: Mapped[int | None] = mapped_column(Integer, nullable=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class IdpRevokedToken(Base):
    """Revoked access-token ids; the resource server refuses these ``jti`` until they expire anyway."""

    __tablename__ = "idp_revoked_tokens"

    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The token's own ``exp`` (epoch seconds): after it, the row is no longer needed.
    expires_at: Mapped[int] = mapped_column(Integer, index=True)
    reason: Mapped[str] = mapped_column(String(40), default="revoked")
    revoked_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class IdpThrottle(Base):
    """One sign-in / client-authentication failure counter, shared by every server worker.

    ``key`` is a kind prefix and a SHA-256 of what is counted (an account, an account from one source
    address, a source address, a client, a client from one source): never the raw user name or address.
    For backoff counters ``not_before`` is the earliest time (epoch seconds) the next attempt is taken;
    for a source address it is the GCRA theoretical arrival time of its next failure. A row whose last
    failure is older than the reset period counts as empty, and housekeeping removes it (``expires_at``).
    """

    __tablename__ = "idp_throttle"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[float] = mapped_column(Float, default=0.0)
    not_before: Mapped[float] = mapped_column(Float, default=0.0)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
