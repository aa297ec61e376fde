"""Development identities: users for ``acme`` and ``globex`` with every role, a platform admin, one
confidential service client per tenant, the public CLI client and the web console's public client.

Idempotent by design (``./dev up`` runs it every time): credentials are generated once, written to
``var_dir/dev-credentials.json`` (mode 600) and read back on later runs, so developers keep their
passwords and TOTP secrets. Roles and redirect URIs are re-applied from the definitions below. Refuses to
run outside development/test: these are well-known credentials.
"""

from __future__ import annotations

import contextlib
import json
import secrets
from pathlib import Path
from typing import Any

from companyos_server.platform.encryption import SecretKeyring
from companyos_server.platform.files import private_dir, write_private
from companyos_server.platform.identity.clients import (
    GRANT_AUTHORIZATION_CODE,
    GRANT_CLIENT_CREDENTIALS,
    GRANT_DEVICE_CODE,
    GRANT_REFRESH_TOKEN,
)
from companyos_server.platform.identity.keys import KeyStore
from companyos_server.platform.identity.models import IdpClient, IdpUser
from companyos_server.platform.identity.passwords import (
    digest,
    hash_password,
    new_totp_secret,
    verify_password,
)
from companyos_server.platform.identity.sealing import open_totp_secret, seal_totp_secret
from companyos_server.platform.principal import SCOPE_CROSS_TENANT, SCOPE_PLATFORM_ADMIN
from companyos_server.platform.storage import Database, new_id

PUBLIC_CLIENT_ID = "companyos-cli"
CONSOLE_CLIENT_ID = "companyos-console"
CONSOLE_CALLBACK_PATH = "/console/auth/callback"
CREDENTIALS_FILE = "dev-credentials.json"

# username -> (display name, {tenant: [roles]}, extra scopes)
DEV_USERS: dict[str, tuple[str, dict[str, list[str]], str]] = {
    "alice": ("Alice Anders", {"acme": ["sre"]}, ""),
    "bob": ("Bob Brandt", {"acme": ["viewer"]}, ""),
    "carol": ("Carol Chen", {"acme": ["platform_engineer"]}, ""),
    "dave": ("Dave Diaz", {"acme": ["security_analyst"]}, ""),
    "erin": ("Erin Egan", {"acme": ["tenant_admin"]}, ""),
    "gabe": ("Gabe Gruber", {"globex": ["platform_engineer"]}, ""),
    "gwen": ("Gwen Green", {"globex": ["sre"]}, ""),
    "gus": ("Gus Gomez", {"globex": ["security_analyst"]}, ""),
    "gina": ("Gina Grant", {"globex": ["tenant_admin"]}, ""),
    "glen": ("Glen Gray", {"globex": ["viewer"]}, ""),
    "root-admin": ("Root Admin", {}, f"{SCOPE_PLATFORM_ADMIN} {SCOPE_CROSS_TENANT}"),
}
# client_id -> (tenant, roles)
DEV_SERVICE_CLIENTS: dict[str, tuple[str, list[str]]] = {
    "acme-service": ("acme", ["tenant_admin"]),
    "globex-service": ("globex", ["tenant_admin"]),
}
CLI_REDIRECT_URIS = ["http://127.0.0.1/callback", "http://localhost/callback"]


def _read_existing(path: Path) -> dict[str, Any]:
    with contextlib.suppress(FileNotFoundError, ValueError):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return data
    return {}


def _write_private(path: Path, data: dict[str, Any]) -> None:
    private_dir(path.parent)
    write_private(path, json.dumps(data, indent=2) + "\n")


def _seed_user(
    session: Any, username: str, known: dict[str, Any] | None, keyring: SecretKeyring
) -> dict[str, Any]:
    display, tenants, scopes = DEV_USERS[username]
    row = session.query(IdpUser).filter_by(username=username).one_or_none()
    password = (known or {}).get("password")
    totp_secret = (known or {}).get("totp_secret")
    if row is None:
        password = password or secrets.token_urlsafe(12)
        row = IdpUser(id=new_id("usr"), username=username, password_hash=hash_password(password))
        session.add(row)
    elif not password or not verify_password(password, row.password_hash):
        # The credentials file was lost or edited: issue new ones rather than guess.
        password = secrets.token_urlsafe(12)
        row.password_hash = hash_password(password)
    # The database is the source of truth for an enrolled second factor (sealed: sealing.py); one that
    # is missing or no longer opens (its key is gone) is enrolled again.
    enrolled = open_totp_secret(keyring, row.id, row.totp_secret)
    if enrolled is None:
        enrolled = totp_secret or new_totp_secret()
        row.totp_secret = seal_totp_secret(keyring, row.id, enrolled)
    totp_secret = enrolled
    row.display_name = display
    row.tenants = tenants
    row.scopes = scopes
    row.disabled = False
    return {"username": username, "password": password, "totp_secret": totp_secret, "tenants": tenants}


def _seed_service_client(session: Any, client_id: str, known: dict[str, Any] | None) -> dict[str, Any]:
    tenant, roles = DEV_SERVICE_CLIENTS[client_id]
    row = session.get(IdpClient, client_id)
    secret = (known or {}).get("client_secret")
    if row is None:
        secret = secret or secrets.token_urlsafe(32)
        row = IdpClient(client_id=client_id, client_type="confidential")
        session.add(row)
    elif not secret or row.secret_hash != digest(secret):
        secret = secrets.token_urlsafe(32)
    row.secret_hash = digest(secret)
    row.name = f"{tenant} service"
    row.client_type = "confidential"
    row.grant_types = [GRANT_CLIENT_CREDENTIALS]
    row.redirect_uris = []
    row.allowed_scopes = "api"
    row.tenant_id = tenant
    row.roles = roles
    return {"client_id": client_id, "client_secret": secret, "tenant_id": tenant, "roles": roles}


def _seed_cli_client(session: Any) -> None:
    row = session.get(IdpClient, PUBLIC_CLIENT_ID)
    if row is None:
        row = IdpClient(client_id=PUBLIC_CLIENT_ID, client_type="public")
        session.add(row)
    row.name = "CompanyOS CLI"
    row.client_type = "public"
    row.secret_hash = None
    row.redirect_uris = list(CLI_REDIRECT_URIS)
    row.grant_types = [GRANT_AUTHORIZATION_CODE, GRANT_REFRESH_TOKEN, GRANT_DEVICE_CODE]
    row.allowed_scopes = f"openid profile offline_access api {SCOPE_PLATFORM_ADMIN} {SCOPE_CROSS_TENANT}"
    row.tenant_id = None
    row.roles = []


def _seed_console_client(session: Any, api_base_url: str) -> None:
    """The web console's own public client (authorization code + PKCE), redirecting to the console's
    callback beside the API (any port on a loopback host, RFC 8252)."""
    row = session.get(IdpClient, CONSOLE_CLIENT_ID)
    if row is None:
        row = IdpClient(client_id=CONSOLE_CLIENT_ID, client_type="public")
        session.add(row)
    row.name = "CompanyOS console"
    row.client_type = "public"
    row.secret_hash = None
    base = api_base_url.rstrip("/")
    row.redirect_uris = list(
        dict.fromkeys([f"{base}{CONSOLE_CALLBACK_PATH}", f"http://127.0.0.1{CONSOLE_CALLBACK_PATH}"])
    )
    row.grant_types = [GRANT_AUTHORIZATION_CODE, GRANT_REFRESH_TOKEN]
    row.allowed_scopes = f"openid profile offline_access api {SCOPE_PLATFORM_ADMIN} {SCOPE_CROSS_TENANT}"
    row.tenant_id = None
    row.roles = []


def seed_dev_identities(settings: Any, db: Database, keys: KeyStore, api_base_url: str) -> dict[str, Any]:
    """Create or refresh the development identities; returns what it wrote to the credentials file."""
    if not settings.is_development:
        raise RuntimeError(
            "seed_dev_identities refuses to run outside development/test (well-known credentials)"
        )
    path = Path(settings.var_dir) / CREDENTIALS_FILE
    existing = _read_existing(path)
    known_users = {u.get("username"): u for u in existing.get("users", []) if isinstance(u, dict)}
    known_clients = {c.get("client_id"): c for c in existing.get("clients", []) if isinstance(c, dict)}
    keyring = SecretKeyring.for_var_dir(settings.var_dir)
    with db.session() as session:
        users = [_seed_user(session, name, known_users.get(name), keyring) for name in DEV_USERS]
        clients = [_seed_service_client(session, cid, known_clients.get(cid)) for cid in DEV_SERVICE_CLIENTS]
        _seed_cli_client(session)
        _seed_console_client(session, api_base_url)
    keys.active_key()  # make sure signing keys exist before anyone asks for a token
    data = {
        "issuer": settings.issuer,
        "api_base_url": api_base_url,
        "clients": clients,
        "users": users,
        "public_client_id": PUBLIC_CLIENT_ID,
    }
    _write_private(path, data)
    return data
