"""Token caches: OS keyring when there is a usable one, else an AES-GCM encrypted file.

The file's key comes from ``COMPANYOS_CACHE_KEY``, ``COMPANYOS_CACHE_KEY_FILE`` or the keyring (see
``companyos._crypto``). Without any of them nothing is written to disk: tokens live in memory for the
process and a WARNING says how to get persistence.

``cli_token_cache`` is the ``companyos`` CLI's choice, for logins that survive headless Linux: the keyring
when usable (the ``keyring`` fail backend is not), else the file above when a key is configured, else an
encrypted file in the user's config directory whose key is a generated 0600 file beside it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from pathlib import Path
from typing import Any, Protocol

from companyos._crypto import (
    ENV_KEY,
    ENV_KEY_FILE,
    HOW_TO_PERSIST,
    TOKEN_CACHE_AAD,
    CacheKey,
    CacheKeyError,
    SealedBox,
    config_home,
    default_home,
    find_key,
    generated_key,
    keyring_usable,
    warn_once,
    write_private,
)
from companyos._logs import logger

__all__ = [
    "CacheKeyError",
    "EncryptedFileTokenCache",
    "KeyringTokenCache",
    "MemoryTokenCache",
    "TokenCache",
    "cli_token_cache",
    "default_token_cache",
]


class TokenCache(Protocol):
    """Stores token sets (plain dicts: access_token, refresh_token, expires_at, scope) by key."""

    def get(self, key: str) -> dict[str, Any] | None: ...
    def set(self, key: str, value: dict[str, Any]) -> None: ...
    def delete(self, key: str) -> None: ...


class MemoryTokenCache:
    def __init__(self) -> None:
        self._data: dict[str, dict[str, Any]] = {}

    def get(self, key: str) -> dict[str, Any] | None:
        return self._data.get(key)

    def set(self, key: str, value: dict[str, Any]) -> None:
        self._data[key] = dict(value)

    def delete(self, key: str) -> None:
        self._data.pop(key, None)


class KeyringTokenCache:
    SERVICE = "companyos-tokens"

    def get(self, key: str) -> dict[str, Any] | None:
        import keyring

        text = keyring.get_password(self.SERVICE, _digest(key))
        return json.loads(text) if text else None

    def set(self, key: str, value: dict[str, Any]) -> None:
        import keyring

        keyring.set_password(self.SERVICE, _digest(key), json.dumps(value))

    def delete(self, key: str) -> None:
        import keyring
        from keyring.errors import PasswordDeleteError  # type: ignore[import-not-found, unused-ignore]

        with contextlib.suppress(PasswordDeleteError):
            keyring.delete_password(self.SERVICE, _digest(key))


class EncryptedFileTokenCache:
    """All token sets in one AES-GCM sealed JSON file (mode 0600).

    Without ``key=``, the key is resolved on first use (``COMPANYOS_CACHE_KEY``, then
    ``COMPANYOS_CACHE_KEY_FILE``, then the OS keyring). When there is none, or when the file exists but
    cannot be decrypted with the key (a different ``COMPANYOS_CACHE_KEY``, a corrupted file), the cache
    works in memory for this process and the file is neither read nor overwritten; a WARNING says why.

    With ``key_file=``, the key is that file's, generated on first use (mode 0600, directory 0700): what
    the CLI does where there is no keyring and no configured key (``cli_token_cache``).

    A file sealed under a passphrase by an older version (unsalted SHA-256) is read, and rewritten with
    scrypt and a salt on the next update.
    """

    AAD = TOKEN_CACHE_AAD

    def __init__(
        self, path: Path | str | None = None, *, key: CacheKey | None = None, key_file: Path | None = None
    ) -> None:
        self.path: Path = Path(path) if path is not None else default_home() / "tokens.bin"
        self.key_file = key_file
        self._key = key
        self._resolved = key is not None
        self._memory: dict[str, Any] | None = None  # set when the file is not used
        self._lock = threading.Lock()

    @property
    def persistent(self) -> bool:
        """Whether tokens go to the encrypted file (``False``: memory only, for this process)."""
        with self._lock:
            self._read()
            return self._memory is None

    def _box(self) -> SealedBox | None:
        if not self._resolved:
            if self.key_file is not None:
                self._key = generated_key(self.key_file)
            else:
                self._key = find_key(self.path.parent, sealed_files=[self.path])
            self._resolved = True
            if self._key is None:
                warn_once(
                    "token-cache-memory",
                    "no cache key: login tokens are kept in memory only and you will sign in again in each "
                    "new process. To persist them (encrypted) in %s, %s",
                    self.path,
                    HOW_TO_PERSIST,
                )
        return SealedBox(self._key) if self._key is not None else None

    def _read(self) -> dict[str, Any]:
        from cryptography.exceptions import InvalidTag

        if self._memory is not None:
            return self._memory
        box = self._box()
        if box is None:
            self._memory = {}
            return self._memory
        if not self.path.exists():
            return {}
        try:
            data = json.loads(box.open(self.path.read_bytes(), self.AAD))
        except (InvalidTag, ValueError):
            logger.warning(
                "cannot decrypt the token cache %s with the configured key (was it written with another "
                "COMPANYOS_CACHE_KEY?); it is left untouched and tokens are kept in memory for this process. "
                "Restore the original key, or delete the file to start a new cache",
                self.path,
            )
            self._memory = {}
            return self._memory
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, Any]) -> None:
        if data is self._memory:
            return
        box = self._box()
        assert box is not None
        write_private(self.path, box.seal(json.dumps(data).encode(), self.AAD))

    def get(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            value = self._read().get(_digest(key))
        return dict(value) if isinstance(value, dict) else None

    def set(self, key: str, value: dict[str, Any]) -> None:
        with self._lock:
            data = self._read()
            data[_digest(key)] = dict(value)
            self._write(data)

    def delete(self, key: str) -> None:
        with self._lock:
            data = self._read()
            if data.pop(_digest(key), None) is not None:
                self._write(data)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def cli_token_cache() -> TokenCache:
    """Where ``companyos login`` keeps tokens.

    1. the OS keyring, when a real backend exists (not the ``keyring`` fail backend);
    2. else, with ``COMPANYOS_CACHE_KEY`` or ``COMPANYOS_CACHE_KEY_FILE``, the encrypted file under
       ``COMPANYOS_HOME`` (as ``default_token_cache``);
    3. else an encrypted file in the user's config directory (``~/.config/companyos/tokens.bin`` on Linux)
       whose key is generated into ``tokens.key`` beside it (0600, directory 0700). That protects a copy of
       the token file on its own, not a reader of your whole config directory: the login says so once.
    """
    import os

    if keyring_usable():
        return KeyringTokenCache()
    if os.environ.get(ENV_KEY) or os.environ.get(ENV_KEY_FILE):
        return EncryptedFileTokenCache()
    home = config_home()
    return EncryptedFileTokenCache(home / "tokens.bin", key_file=home / "tokens.key")


def storage_note(cache: TokenCache) -> str | None:
    """The one line a CLI prints at login about where tokens went, when that is not the OS keyring."""
    if isinstance(cache, EncryptedFileTokenCache) and cache.key_file is not None:
        return (
            f"note: no usable OS keyring; tokens are stored encrypted in {cache.path} with a generated key in "
            f"{cache.key_file} (mode 0600). Install a keyring backend or set {ENV_KEY} (a passphrase) for "
            "stronger protection."
        )
    return None


def default_token_cache() -> TokenCache:
    """The OS keyring when a real backend exists, otherwise the encrypted file.

    The file needs ``COMPANYOS_CACHE_KEY`` or ``COMPANYOS_CACHE_KEY_FILE``; without either, it keeps
    tokens in memory for the process (``EncryptedFileTokenCache.persistent`` is ``False``).
    """
    if keyring_usable():
        return KeyringTokenCache()
    return EncryptedFileTokenCache()
