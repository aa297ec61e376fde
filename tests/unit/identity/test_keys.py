"""KeyStore: persisted with private permissions, rotation keeps the old kid published, then prunes it."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import time

import pytest

from companyos_server.platform.identity.issuer import issue_access_token
from companyos_server.platform.identity.keys import KeyStore
from companyos_server.platform.identity.validation import TokenError, TokenValidator


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_generated_on_first_use_and_persisted(settings):
    store = KeyStore(settings.var_dir)
    kid = store.active_record().kid
    directory = settings.var_dir / "keys" / "oidc"
    files = sorted(p.name for p in directory.iterdir() if not p.name.startswith("."))
    assert files == sorted(["index.json", f"{kid}.jwk.json"])
    assert _mode(directory / f"{kid}.jwk.json") == 0o600
    assert _mode(directory / "index.json") == 0o600
    assert "d" in json.loads((directory / f"{kid}.jwk.json").read_text())  # private material on disk
    assert KeyStore(settings.var_dir).active_record().kid == kid  # a second process sees the same key
    assert store.healthy() == (True, f"active kid {kid}")


def test_jwks_is_public_only(keys):
    jwks = keys.jwks()
    assert len(jwks["keys"]) == 1
    key = jwks["keys"][0]
    assert key["use"] == "sig" and key["alg"] == "RS256" and key["kty"] == "RSA"
    assert not {"d", "p", "q", "dp", "dq", "qi"} & set(key)


def test_rotation_keeps_old_key_published_and_its_tokens_valid(settings, keys, db):
    validator = TokenValidator(settings, keys, db=db)
    old_kid = keys.active_record().kid
    old_token = issue_access_token(keys, settings, subject="usr_1", client_id="c", tenants={}, scopes=["api"])
    new_kid = keys.rotate()
    assert new_kid != old_kid
    assert keys.active_record().kid == new_kid
    assert [k["kid"] for k in keys.jwks()["keys"]] == [old_kid, new_kid]
    new_token = issue_access_token(keys, settings, subject="usr_1", client_id="c", tenants={}, scopes=["api"])
    assert (
        json.loads(__import__("base64").urlsafe_b64decode(new_token.split(".")[0] + "=="))["kid"] == new_kid
    )
    assert validator.validate(old_token).subject == "usr_1"
    assert validator.validate(new_token).subject == "usr_1"


def test_retired_key_pruned_after_max_token_lifetime(settings, db):
    keys = KeyStore(settings.var_dir, max_token_lifetime=1)
    old_kid = keys.active_record().kid
    old_token = issue_access_token(
        keys, settings, subject="usr_1", client_id="c", tenants={}, scopes=[], ttl=600
    )
    keys.rotate()
    time.sleep(1.1)
    assert [k["kid"] for k in keys.jwks()["keys"]] == [keys.active_record().kid]  # no longer published
    assert keys.prune() == [old_kid]
    assert not (settings.var_dir / "keys" / "oidc" / f"{old_kid}.jwk.json").exists()
    with pytest.raises(TokenError):
        TokenValidator(settings, keys, db=db).validate(old_token)


def test_other_process_rotation_is_picked_up(settings, monkeypatch):
    monkeypatch.setattr("companyos_server.platform.identity.keys._RELOAD_CHECK_SECONDS", 0.0)
    server_view = KeyStore(settings.var_dir)
    first = server_view.active_record().kid
    cli_view = KeyStore(settings.var_dir)
    new_kid = cli_view.rotate()
    assert server_view.active_record().kid == new_kid
    assert {k["kid"] for k in server_view.jwks()["keys"]} == {first, new_kid}


def test_unhealthy_when_key_file_readable_by_others(settings, keys):
    kid = keys.active_record().kid
    (settings.var_dir / "keys" / "oidc" / f"{kid}.jwk.json").chmod(0o644)
    ok, reason = keys.healthy()
    assert not ok and "accessible" in reason


def test_cli_rotate_prints_new_kid(settings):
    before = KeyStore(settings.var_dir).active_record().kid
    env = {"COMPANYOS_VAR_DIR": str(settings.var_dir), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "companyos_server.platform.identity.keys", "rotate"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    kid = out.stdout.strip()
    assert kid and kid != before
    assert KeyStore(settings.var_dir).active_record().kid == kid
