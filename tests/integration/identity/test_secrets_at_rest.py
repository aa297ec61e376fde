"""TOTP secrets sealed at rest, rotation of their key, and migration 0008 (issue 9 item 14).

On SQLite and PostgreSQL. Client secrets were already stored as SHA-256 digests (checked here too).
"""

from __future__ import annotations

import stat
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pyotp
import pytest
from alembic import command
from sqlalchemy import text

from companyos_server import cli
from companyos_server.platform.encryption import SecretKeyring, SecretsKeyError
from companyos_server.platform.identity.passwords import digest, hash_password
from companyos_server.platform.migrations import alembic_config, migrate
from companyos_server.platform.runtime import set_runtime
from companyos_server.platform.storage import Database
from companyos_server.settings import get_settings

from .conftest import BASE_URL, ISSUER, Browser, World, service_client, user


class Visitor(Browser):
    async def sign_in(self, username: str, password: str, code: str) -> httpx.Response:
        page = await self.get(f"{ISSUER}/login?mfa=1")
        return await self.submit(page, username=username, password=password, totp=code)


@asynccontextmanager
async def visitor(world: World, address: str = "192.0.2.10") -> AsyncIterator[Visitor]:
    transport = httpx.ASGITransport(app=world.app, client=(address, 40123))
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, follow_redirects=False) as client:
        yield Visitor(client)


def stored_totp(db: Database) -> dict[str, str]:
    """username -> totp_secret, read with plain SQL (what a stolen database file shows)."""
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT username, totp_secret FROM idp_users")).all()
    return {name: value for name, value in rows}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def now_code(secret: str) -> str:
    return pyotp.TOTP(secret).now()


async def test_totp_secrets_are_sealed_and_sign_in_and_client_credentials_still_work(world: World) -> None:
    stored = stored_totp(world.db)
    for account in world.creds["users"]:
        value = stored[account["username"]]
        assert account["totp_secret"] not in value, account["username"]
        assert value.startswith("enc1:sk_")
    keys = world.settings.var_dir / "keys" / "secrets"
    assert mode(keys) == 0o700
    assert [mode(p) for p in keys.iterdir() if p.name.endswith(".key")] == [0o600]
    # Client secrets: only a digest is stored.
    svc = service_client(world.creds, "acme")
    with world.db.engine.connect() as conn:
        secret_hash = conn.execute(
            text("SELECT secret_hash FROM idp_clients WHERE client_id = :id"), {"id": svc["client_id"]}
        ).scalar_one()
    assert secret_hash == digest(svc["client_secret"]) and svc["client_secret"] not in secret_hash

    alice = user(world.creds, "alice")
    async with visitor(world) as browser:
        wrong = await browser.sign_in("alice", alice["password"], "000000")
        assert wrong.status_code == 401
        signed_in = await browser.sign_in("alice", alice["password"], now_code(alice["totp_secret"]))
        assert signed_in.status_code == 302, signed_in.text[:300]
        token = await browser.client.post(
            f"{ISSUER}/token",
            data={"grant_type": "client_credentials"},
            auth=(svc["client_id"], svc["client_secret"]),
        )
        assert token.status_code == 200, token.text
        assert token.json()["access_token"]


async def test_a_second_factor_written_into_the_table_is_refused(world: World) -> None:
    """Someone who can write the database but not read the key cannot give an account a factor they
    know: neither in clear nor by copying another user's sealed value."""
    bob, glen = user(world.creds, "bob"), user(world.creds, "glen")
    chosen = pyotp.random_base32()
    stored = stored_totp(world.db)
    with world.db.engine.begin() as conn:
        conn.execute(text("UPDATE idp_users SET totp_secret = :s WHERE username = 'bob'"), {"s": chosen})
        conn.execute(
            text("UPDATE idp_users SET totp_secret = :s WHERE username = 'glen'"), {"s": stored["gwen"]}
        )
    gwen = user(world.creds, "gwen")
    async with visitor(world) as browser:
        planted = await browser.sign_in("bob", bob["password"], now_code(chosen))
        assert planted.status_code == 401
        copied = await browser.sign_in("glen", glen["password"], now_code(gwen["totp_secret"]))
        assert copied.status_code == 401


def _cli(world: World, monkeypatch: pytest.MonkeyPatch, *argv: str) -> int:
    monkeypatch.setenv("COMPANYOS_VAR_DIR", str(world.settings.var_dir))
    monkeypatch.setenv("COMPANYOS_DATABASE_URL", world.settings.effective_database_url)
    monkeypatch.setenv("COMPANYOS_ENV", "test")
    get_settings.cache_clear()
    try:
        return cli.main(list(argv))
    finally:
        set_runtime(None)
        get_settings.cache_clear()


async def test_rotation_reencrypts_every_secret_and_retires_the_old_key(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    keyring = SecretKeyring.for_var_dir(world.settings.var_dir)
    [old] = keyring.key_ids()
    before = stored_totp(world.db)

    assert _cli(world, monkeypatch, "rotate-secrets-key") == 0
    [new] = keyring.key_ids()
    assert new != old and keyring.current_key_id() == new
    assert not (keyring.directory / f"{old}.key").exists()  # retired: the old key file is gone
    assert f"re-encrypted {len(before)} TOTP secret(s)" in capsys.readouterr().out
    after = stored_totp(world.db)
    for username, value in after.items():
        assert value.startswith(f"enc1:{new}:") and value != before[username]
    assert mode(keyring.directory / f"{new}.key") == 0o600

    # Still the same secrets: sign-in with a code works through the running provider.
    alice = user(world.creds, "alice")
    async with visitor(world) as browser:
        signed_in = await browser.sign_in("alice", alice["password"], now_code(alice["totp_secret"]))
        assert signed_in.status_code == 302, signed_in.text[:300]
    # A value sealed with the removed key no longer opens anywhere.
    with pytest.raises(SecretsKeyError):
        SecretKeyring.for_var_dir(world.settings.var_dir).decrypt(
            before["alice"], context=f"idp_users.totp_secret:{_user_id(world.db, 'alice')}"
        )


def test_rotation_changes_nothing_when_a_secret_does_not_open(world: World) -> None:
    from companyos_server.platform.identity.sealing import rotate_secrets_key

    keyring = SecretKeyring.for_var_dir(world.settings.var_dir)
    [old] = keyring.key_ids()
    before = stored_totp(world.db)
    with world.db.engine.begin() as conn:  # alice's value swapped for bob's: it does not open as hers
        conn.execute(
            text("UPDATE idp_users SET totp_secret = :s WHERE username = 'alice'"), {"s": before["bob"]}
        )
    with pytest.raises(SecretsKeyError, match="TOTP secret of user"):
        rotate_secrets_key(world.db, keyring)
    assert keyring.key_ids() == [old] and keyring.current_key_id() == old
    assert stored_totp(world.db)["carol"] == before["carol"]


def _user_id(db: Database, username: str) -> str:
    with db.engine.connect() as conn:
        return str(
            conn.execute(text("SELECT id FROM idp_users WHERE username = :u"), {"u": username}).scalar_one()
        )


def test_migration_0008_seals_secrets_stored_in_clear(database_url: str, tmp_path: Path) -> None:
    db = Database(database_url)
    var_dir = tmp_path / "migrated-var"
    secret = pyotp.random_base32()
    try:
        migrate(db, "0007_auth_failure_counts", var_dir=var_dir)
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO idp_users (id, username, password_hash, totp_secret, tenants, scopes,"
                    " disabled, created_at) VALUES ('usr_legacy', 'legacy', :pw, :totp, '{}', '', :no,"
                    " CURRENT_TIMESTAMP)"
                ),
                {"pw": hash_password("pw"), "totp": secret, "no": False},
            )
        migrate(db, var_dir=var_dir)
        sealed = stored_totp(db)["legacy"]
        assert sealed.startswith("enc1:sk_") and secret not in sealed
        keyring = SecretKeyring.for_var_dir(var_dir)
        assert keyring.decrypt(sealed, context="idp_users.totp_secret:usr_legacy") == secret
        assert (
            mode(keyring.directory) == 0o700
            and mode(keyring.directory / f"{keyring.current_key_id()}.key") == 0o600
        )
        # The way back opens them again.
        command.downgrade(_config(db, var_dir), "0007_auth_failure_counts")
        assert stored_totp(db)["legacy"] == secret
    finally:
        db.dispose()


def _config(db: Database, var_dir: Path) -> Any:
    config = alembic_config(db.url)
    config.attributes["var_dir"] = var_dir
    return config
