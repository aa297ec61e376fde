"""TOTP secrets sealed at rest (``idp_users.totp_secret``), and rotation of the key that seals them.

A TOTP secret must be read back to check a code, so unlike passwords (scrypt) and client secrets,
refresh tokens and codes (SHA-256 digests, see ``passwords.py``) it cannot be hashed: it is encrypted
with :class:`~companyos_server.platform.encryption.SecretKeyring` (AES-256-GCM, key in
``var_dir/keys/secrets``), bound to its user's id. A value in clear is never accepted as a second factor:
someone who can write the table but not read the key cannot enrol a factor of their own.

Written with SQLAlchemy Core on a connection, so migration 0008 (which must not import the models) and
``companyos-server rotate-secrets-key`` share one implementation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from companyos_server.platform.encryption import (
    SecretKeyring,
    SecretsKeyError,
    is_sealed,
    sealed_key_id,
)
from companyos_server.platform.storage import Database

log = logging.getLogger(__name__)

_USERS = sa.table("idp_users", sa.column("id", sa.String), sa.column("totp_secret", sa.String))


def totp_context(user_id: str) -> str:
    """The associated data a user's TOTP secret is sealed with."""
    return f"idp_users.totp_secret:{user_id}"


def seal_totp_secret(keyring: SecretKeyring, user_id: str, secret: str, *, key_id: str | None = None) -> str:
    return keyring.encrypt(secret, context=totp_context(user_id), key_id=key_id)


def open_totp_secret(keyring: SecretKeyring, user_id: str, stored: str | None) -> str | None:
    """The user's TOTP secret, or None when there is none or it cannot be trusted (in clear, sealed with a
    key that is gone, or for another user): such a factor fails, and the reason is logged."""
    if not stored:
        return None
    if not is_sealed(stored):
        log.error(
            "TOTP secret of user %s is stored in clear: refused (run `companyos-server migrate`)", user_id
        )
        return None
    try:
        return keyring.decrypt(stored, context=totp_context(user_id))
    except SecretsKeyError as exc:
        log.error("TOTP secret of user %s cannot be opened: %s", user_id, exc)
        return None


def seal_cleartext_rows(connection: Connection, keyring: SecretKeyring) -> int:
    """Encrypt every TOTP secret still stored in clear (migration 0008); returns how many."""
    rows = connection.execute(
        sa.select(_USERS.c.id, _USERS.c.totp_secret).where(_USERS.c.totp_secret.is_not(None))
    ).all()
    count = 0
    for user_id, stored in rows:
        if not stored or is_sealed(stored):
            continue
        sealed = seal_totp_secret(keyring, user_id, stored)
        connection.execute(sa.update(_USERS).where(_USERS.c.id == user_id).values(totp_secret=sealed))
        count += 1
    return count


def unseal_rows(connection: Connection, keyring: SecretKeyring) -> int:
    """Store every TOTP secret in clear again (downgrade of migration 0008); returns how many."""
    rows = connection.execute(
        sa.select(_USERS.c.id, _USERS.c.totp_secret).where(_USERS.c.totp_secret.is_not(None))
    ).all()
    count = 0
    for user_id, stored in rows:
        if not is_sealed(stored):
            continue
        plain = keyring.decrypt(stored, context=totp_context(user_id))
        connection.execute(sa.update(_USERS).where(_USERS.c.id == user_id).values(totp_secret=plain))
        count += 1
    return count


def key_ids_in_use(connection: Connection) -> set[str]:
    values = connection.scalars(sa.select(_USERS.c.totp_secret).where(_USERS.c.totp_secret.is_not(None)))
    return {key_id for key_id in map(sealed_key_id, values) if key_id}


@dataclass
class Rotation:
    key_id: str
    reencrypted: int = 0
    retired: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # old keys some value still uses (should stay empty)
    cleartext: int = 0  # values found in clear, left alone (they are refused at sign-in)


def rotate_secrets_key(db: Database, keyring: SecretKeyring) -> Rotation:
    """Create a key, re-encrypt every sealed TOTP secret with it in one transaction, make it current,
    then delete the keys no value uses any more.

    If any value does not open, nothing changes (the transaction rolls back, the new key is removed) and
    :class:`SecretsKeyError` says which user. Crash-safe: until the new key is current, values sealed
    with it still open, and an old key is only deleted once no row refers to it.
    """
    with keyring.exclusive():
        previous = keyring.key_ids()
        rotation = Rotation(keyring.create_key())
        try:
            with db.engine.begin() as connection:
                query = sa.select(_USERS.c.id, _USERS.c.totp_secret).where(_USERS.c.totp_secret.is_not(None))
                if connection.dialect.name != "sqlite":
                    query = query.with_for_update()
                for user_id, stored in connection.execute(query).all():
                    if not is_sealed(stored):
                        rotation.cleartext += 1
                        continue
                    try:
                        plain = keyring.decrypt(stored, context=totp_context(user_id))
                    except SecretsKeyError as exc:
                        raise SecretsKeyError(f"TOTP secret of user {user_id}: {exc}") from exc
                    resealed = seal_totp_secret(keyring, user_id, plain, key_id=rotation.key_id)
                    connection.execute(
                        sa.update(_USERS).where(_USERS.c.id == user_id).values(totp_secret=resealed)
                    )
                    rotation.reencrypted += 1
        except BaseException:
            keyring.remove_key(rotation.key_id)
            raise
        keyring.make_current(rotation.key_id)
        with db.engine.connect() as connection:
            in_use = key_ids_in_use(connection)
        for key_id in previous:
            if key_id in in_use:
                rotation.kept.append(key_id)
            else:
                keyring.remove_key(key_id)
                rotation.retired.append(key_id)
    if rotation.cleartext:
        log.warning("%d TOTP secret(s) are stored in clear and were left alone", rotation.cleartext)
    return rotation
