"""platform/encryption.py: AES-256-GCM sealed values name their key, are bound to their context, and
fail closed on anything else."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from companyos_server.platform.encryption import SecretKeyring, SecretsKeyError, is_sealed, sealed_key_id


def test_round_trip_key_id_and_private_key_file(tmp_path: Path) -> None:
    keyring = SecretKeyring.for_var_dir(tmp_path)
    sealed = keyring.encrypt("JBSWY3DPEHPK3PXP", context="idp_users.totp_secret:usr_1")
    assert is_sealed(sealed) and "JBSWY3DPEHPK3PXP" not in sealed
    assert sealed_key_id(sealed) == keyring.current_key_id()
    assert keyring.decrypt(sealed, context="idp_users.totp_secret:usr_1") == "JBSWY3DPEHPK3PXP"
    assert stat.S_IMODE(keyring.directory.stat().st_mode) == 0o700
    key_file = keyring.directory / f"{keyring.current_key_id()}.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    # A fresh keyring (another process) opens it from the key file.
    assert SecretKeyring(keyring.directory).decrypt(sealed, context="idp_users.totp_secret:usr_1")


def test_wrong_context_tampering_and_missing_keys_fail_closed(tmp_path: Path) -> None:
    keyring = SecretKeyring.for_var_dir(tmp_path)
    sealed = keyring.encrypt("secret", context="a")
    with pytest.raises(SecretsKeyError):
        keyring.decrypt(sealed, context="b")
    body = sealed.rsplit(":", 1)[1]
    flipped = sealed[: -len(body)] + ("A" if body[0] != "A" else "B") + body[1:]
    with pytest.raises(SecretsKeyError):
        keyring.decrypt(flipped, context="a")
    with pytest.raises(SecretsKeyError):
        keyring.decrypt("secret", context="a")  # not sealed
    old = keyring.current_key_id()
    assert old is not None
    new = keyring.create_key()
    keyring.make_current(new)
    assert sealed_key_id(keyring.encrypt("x", context="a")) == new
    assert keyring.decrypt(sealed, context="a") == "secret"  # several keys readable, one current
    keyring.remove_key(old)
    with pytest.raises(SecretsKeyError):
        SecretKeyring(keyring.directory).decrypt(sealed, context="a")
    with pytest.raises(SecretsKeyError):
        keyring.remove_key(new)  # never the current key
