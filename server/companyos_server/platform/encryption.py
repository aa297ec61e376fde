"""Encryption at rest for small secrets kept in the database (TOTP seeds): AES-256-GCM, rotatable keys.

Layout under ``var_dir/keys/secrets/`` (directory 0700, every file 0600)::

    <key_id>.key   32 random bytes, base64 on one line
    current        the id of the key that encrypts new values
    .lock          flock'd while a key is created, made current or removed

A sealed value is text, ``enc1:<key_id>:<base64url(nonce ‖ ciphertext ‖ tag)>``: the key id says which
key opens it, so several keys are readable at once while one (``current``) encrypts. Rotation creates a
key, re-encrypts every value with it, makes it current and removes the keys no value uses any more.

Each value is bound to where it is stored (``context``, e.g. ``idp_users.totp_secret:usr_…``, the AES-GCM
associated data): a sealed value copied into another row or column does not open, so someone who can
write the database but not read the key cannot give another account a second factor they know.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import fcntl
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from companyos_server.platform.files import open_private, private_dir, write_private

__all__ = ["PREFIX", "SecretKeyring", "SecretsKeyError", "is_sealed", "sealed_key_id"]

PREFIX = "enc1"
KEY_ID_PREFIX = "sk_"
_NONCE_BYTES = 12
_KEY_BYTES = 32


class SecretsKeyError(Exception):
    """A sealed value cannot be opened: unknown or missing key, wrong context, or tampered ciphertext."""


def is_sealed(value: str | None) -> bool:
    return bool(value) and str(value).startswith(PREFIX + ":")


def sealed_key_id(value: str | None) -> str | None:
    """The id of the key that sealed ``value`` (None for anything that is not a sealed value)."""
    if not is_sealed(value):
        return None
    parts = str(value).split(":")
    return parts[1] if len(parts) == 3 else None


def _valid_key_id(key_id: str) -> bool:
    rest = key_id[len(KEY_ID_PREFIX) :]
    return key_id.startswith(KEY_ID_PREFIX) and len(rest) == 16 and all(c in "0123456789abcdef" for c in rest)


class SecretKeyring:
    """The AES-256-GCM keys of one key directory; safe to share between threads and processes."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._keys: dict[str, AESGCM] = {}

    @classmethod
    def for_var_dir(cls, var_dir: Path | str) -> SecretKeyring:
        return cls(Path(var_dir) / "keys" / "secrets")

    # -- sealing ---------------------------------------------------------------------------
    def encrypt(self, plaintext: str, *, context: str, key_id: str | None = None) -> str:
        """Seal ``plaintext`` for ``context`` with ``key_id`` (default: the current key, created on first
        use)."""
        key_id = key_id or self.ensure_current()
        nonce = secrets.token_bytes(_NONCE_BYTES)
        sealed = self._cipher(key_id).encrypt(nonce, plaintext.encode("utf-8"), context.encode("utf-8"))
        body = base64.urlsafe_b64encode(nonce + sealed).decode("ascii").rstrip("=")
        return f"{PREFIX}:{key_id}:{body}"

    def decrypt(self, value: str, *, context: str) -> str:
        """Open a value :meth:`encrypt` sealed for ``context``; raises :class:`SecretsKeyError`."""
        key_id = sealed_key_id(value)
        if key_id is None:
            raise SecretsKeyError("not a sealed value")
        body = value.rsplit(":", 1)[1]
        try:
            raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        except (binascii.Error, ValueError) as exc:
            raise SecretsKeyError("sealed value is not base64url") from exc
        if len(raw) <= _NONCE_BYTES:
            raise SecretsKeyError("sealed value is too short")
        try:
            plain = self._cipher(key_id).decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], context.encode())
        except InvalidTag as exc:
            raise SecretsKeyError(f"sealed value does not open with key {key_id} for this record") from exc
        return plain.decode("utf-8")

    # -- keys ------------------------------------------------------------------------------
    def current_key_id(self) -> str | None:
        """The key new values are sealed with (read from disk each time: another process may rotate)."""
        try:
            key_id = (self.directory / "current").read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return key_id if _valid_key_id(key_id) else None

    def ensure_current(self) -> str:
        key_id = self.current_key_id()
        if key_id is not None and self._key_path(key_id).exists():
            return key_id
        with self.exclusive():
            key_id = self.current_key_id()
            if key_id is None or not self._key_path(key_id).exists():
                key_id = self.create_key()
                self.make_current(key_id)
            return key_id

    def key_ids(self) -> list[str]:
        if not self.directory.is_dir():
            return []
        return sorted(p.stem for p in self.directory.glob(f"{KEY_ID_PREFIX}*.key") if _valid_key_id(p.stem))

    def create_key(self) -> str:
        """Write a new key file (not yet current); returns its id."""
        private_dir(self.directory)
        key_id = KEY_ID_PREFIX + secrets.token_hex(8)
        material = secrets.token_bytes(_KEY_BYTES)
        write_private(self._key_path(key_id), base64.b64encode(material) + b"\n")
        with self._lock:
            self._keys[key_id] = AESGCM(material)
        return key_id

    def make_current(self, key_id: str) -> None:
        if not self._key_path(key_id).exists():
            raise SecretsKeyError(f"no key file for {key_id}")
        write_private(self.directory / "current", key_id + "\n")

    def remove_key(self, key_id: str) -> None:
        """Delete a key file; refuses the current key."""
        if key_id == self.current_key_id():
            raise SecretsKeyError(f"{key_id} is the current key")
        with contextlib.suppress(FileNotFoundError):
            self._key_path(key_id).unlink()
        with self._lock:
            self._keys.pop(key_id, None)

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Held while keys are created or retired, so two processes never race (an flock)."""
        private_dir(self.directory)
        with open_private(self.directory / ".lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # -- internals -------------------------------------------------------------------------
    def _key_path(self, key_id: str) -> Path:
        if not _valid_key_id(key_id):
            raise SecretsKeyError(f"invalid key id {key_id!r}")
        return self.directory / f"{key_id}.key"

    def _cipher(self, key_id: str) -> AESGCM:
        with self._lock:
            cached = self._keys.get(key_id)
        if cached is not None:
            return cached
        path = self._key_path(key_id)
        try:
            material = base64.b64decode(path.read_bytes().strip(), validate=True)
        except FileNotFoundError as exc:
            raise SecretsKeyError(f"secrets key {key_id} is not in {self.directory}") from exc
        except (binascii.Error, ValueError) as exc:
            raise SecretsKeyError(f"secrets key file {path.name} is not base64") from exc
        if len(material) != _KEY_BYTES:
            raise SecretsKeyError(f"secrets key file {path.name} does not hold a 256-bit key")
        cipher = AESGCM(material)
        with self._lock:
            self._keys[key_id] = cipher
        return cipher
