"""AES-256-GCM sealing for the token cache and the offline queue, and where the key comes from.

Key resolution, first match wins:
1. ``COMPANYOS_CACHE_KEY``: 32 bytes as URL-safe base64 (any other string is stretched with SHA-256);
2. the OS keyring (``pip install 'companyos[keyring]'``), generated and stored on first use;
3. a generated key file ``<home>/cache.key`` (mode 0600) — protects the encrypted files if they are
   copied without it (backups, support bundles), not against a local attacker who can read both.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
from pathlib import Path

from companyos._logs import logger

__all__ = ["SealedBox", "default_home", "keyring_usable", "resolve_key"]

KEYRING_SERVICE = "companyos"
KEYRING_KEY_NAME = "cache-key"
_NONCE = 12


def default_home() -> Path:
    """``COMPANYOS_HOME``, else ``$XDG_STATE_HOME/companyos``, else ``~/.local/state/companyos``."""
    if home := os.environ.get("COMPANYOS_HOME"):
        return Path(home)
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "companyos"


def keyring_usable() -> bool:
    try:
        import keyring  # type: ignore[import-not-found, unused-ignore]
        from keyring.backends.fail import Keyring as FailKeyring  # type: ignore[import-not-found, unused-ignore]
    except Exception:  # noqa: BLE001 (a broken keyring backend must not break the SDK)
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 (a broken keyring backend must not break the SDK)
        return False
    return not isinstance(backend, FailKeyring) and getattr(backend, "priority", 0) > 0


def _decode_key(text: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        if len(raw) == 32:
            return raw
    except (binascii.Error, ValueError):
        pass
    return hashlib.sha256(text.encode("utf-8")).digest()


def resolve_key(home: Path | None = None) -> bytes:
    if text := os.environ.get("COMPANYOS_CACHE_KEY"):
        return _decode_key(text)
    if keyring_usable():
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, KEYRING_KEY_NAME)
        if not stored:
            stored = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
            keyring.set_password(KEYRING_SERVICE, KEYRING_KEY_NAME, stored)
        return _decode_key(stored)
    path = (home or default_home()) / "cache.key"
    if path.exists():
        return _decode_key(path.read_text(encoding="ascii").strip())
    logger.info("no keyring and no COMPANYOS_CACHE_KEY: generating a key file at %s", path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
    return _decode_key(path.read_text(encoding="ascii").strip())


class SealedBox:
    """AES-GCM with a random 96-bit nonce per message; ``aad`` binds a ciphertext to its purpose."""

    def __init__(self, key: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if len(key) != 32:
            raise ValueError("the cache key must be 32 bytes")
        self._aead = AESGCM(key)

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = secrets.token_bytes(_NONCE)
        return nonce + self._aead.encrypt(nonce, plaintext, aad)

    def open(self, sealed: bytes, aad: bytes) -> bytes:
        return self._aead.decrypt(sealed[:_NONCE], sealed[_NONCE:], aad)


def write_private(path: Path, data: bytes) -> None:
    """Atomically write ``data`` to ``path`` with mode 0600."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
