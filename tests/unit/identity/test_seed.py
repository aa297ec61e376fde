"""seed_dev_identities: idempotent, exact file shape, private file, refuses in production."""

from __future__ import annotations

import json
import stat

import pytest
from sqlalchemy import func, select

from companyos_server.platform.identity import store
from companyos_server.platform.identity.models import IdpClient, IdpUser
from companyos_server.platform.identity.seed import seed_dev_identities
from companyos_server.platform.principal import ACR_PASSWORD, ROLES

from .conftest import BASE_URL, make_settings


def test_file_shape_and_content(settings, db, keys):
    data = seed_dev_identities(settings, db, keys, BASE_URL)
    path = settings.var_dir / "dev-credentials.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    on_disk = json.loads(path.read_text())
    assert on_disk == data
    assert set(data) == {"issuer", "api_base_url", "clients", "users", "public_client_id"}
    assert data["issuer"] == settings.issuer and data["api_base_url"] == BASE_URL
    assert data["public_client_id"] == "companyos-cli"
    for client in data["clients"]:
        assert set(client) == {"client_id", "client_secret", "tenant_id", "roles"}
    for account in data["users"]:
        assert set(account) == {"username", "password", "totp_secret", "tenants"}
        assert account["password"] and account["totp_secret"]
    for tenant in ("acme", "globex"):
        roles = {r for u in data["users"] for r in u["tenants"].get(tenant, [])}
        assert roles == set(ROLES), tenant
        assert any(c["tenant_id"] == tenant for c in data["clients"])
    admin = next(u for u in data["users"] if u["username"] == "root-admin")
    with db.session() as session:
        row = session.scalar(select(IdpUser).where(IdpUser.username == "root-admin"))
        assert set(row.scopes.split()) == {"platform:admin", "tenants:cross"}
        assert admin["password"] not in row.password_hash  # hashed, never stored in clear
        cli = session.get(IdpClient, "companyos-cli")
        assert cli.client_type == "public" and cli.secret_hash is None


def test_idempotent_keeps_credentials(settings, db, keys):
    first = seed_dev_identities(settings, db, keys, BASE_URL)
    second = seed_dev_identities(settings, db, keys, BASE_URL)
    assert second == first
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(IdpUser)) == len(first["users"])
        # the service clients plus the public CLI and console clients
        assert session.scalar(select(func.count()).select_from(IdpClient)) == len(first["clients"]) + 2
    alice = next(u for u in second["users"] if u["username"] == "alice")
    result = store.authenticate(db, "alice", alice["password"], "", require_mfa=False)
    assert result.user is not None and result.user.acr == ACR_PASSWORD


def test_lost_credentials_file_issues_new_password(settings, db, keys):
    first = seed_dev_identities(settings, db, keys, BASE_URL)
    (settings.var_dir / "dev-credentials.json").unlink()
    second = seed_dev_identities(settings, db, keys, BASE_URL)
    old = next(u for u in first["users"] if u["username"] == "bob")
    new = next(u for u in second["users"] if u["username"] == "bob")
    assert new["password"] != old["password"]
    assert new["totp_secret"] == old["totp_secret"]  # the enrolled factor stays
    assert store.authenticate(db, "bob", new["password"], "", require_mfa=False).user is not None
    assert store.authenticate(db, "bob", old["password"], "", require_mfa=False).user is None


def test_refuses_in_production(tmp_path, db, keys):
    production = make_settings(tmp_path, env="production")
    with pytest.raises(RuntimeError):
        seed_dev_identities(production, db, keys, BASE_URL)
    assert not (tmp_path / "dev-credentials.json").exists()
