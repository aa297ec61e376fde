"""Token caches: OS keyring when there is a usable one, else an AES-GCM encrypted file.

The file's key comes from ``COMPANYOS_CACHE_KEY``, ``COMPANYOS_CACHE_KEY_FILE`` or the keyring (see
``companyos._crypto``). Without any of them nothing is written to disk: tokens live in memory for the
process and a WARNING says how to get persistence.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from pathlib import Path
from typing import Any, Protocol

from companyos._crypto import (
    HOW_TO_PERSIST,
    TOKEN_CACHE_AAD,
    CacheKeyError,
    SealedBox,
    default_home,
    find_key,
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
    """

    AAD = TOKEN_CACHE_AAD

    def __init__(self, path: Path | str | None = None, *, key: bytes | None = None) -> None:
        self.path = Path(path) if path is not None else default_home() / "tokens.bin"
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


def default_token_cache() -> TokenCache:
    """The OS keyring when a real backend exists, otherwise the encrypted file.

    The file needs ``COMPANYOS_CACHE_KEY`` or ``COMPANYOS_CACHE_KEY_FILE``; without either, it keeps
    tokens in memory for the process (``EncryptedFileTokenCache.persistent`` is ``False``).
    """
    if keyring_usable():
        return KeyringTokenCache()
    return EncryptedFileTokenCache()
