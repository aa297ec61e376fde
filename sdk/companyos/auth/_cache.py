"""Token caches: OS keyring when there is a usable one, else an AES-GCM encrypted file."""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from pathlib import Path
from typing import Any, Protocol

from companyos._crypto import SealedBox, default_home, keyring_usable, resolve_key, write_private

__all__ = [
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
    """All token sets in one AES-GCM sealed JSON file (mode 0600)."""

    AAD = b"companyos-token-cache-v1"

    def __init__(self, path: Path | str | None = None, *, key: bytes | None = None) -> None:
        self.path = Path(path) if path is not None else default_home() / "tokens.bin"
        self._key = key
        self._lock = threading.Lock()

    def _box(self) -> SealedBox:
        if self._key is None:
            self._key = resolve_key(self.path.parent)
        return SealedBox(self._key)

    def _load(self) -> dict[str, Any]:
        if not self.path.exists():
            return {}
        data = json.loads(self._box().open(self.path.read_bytes(), self.AAD))
        return data if isinstance(data, dict) else {}

    def get(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            value = self._load().get(_digest(key))
        return value if isinstance(value, dict) else None

    def set(self, key: str, value: dict[str, Any]) -> None:
        with self._lock:
            data = self._load()
            data[_digest(key)] = value
            write_private(self.path, self._box().seal(json.dumps(data).encode(), self.AAD))

    def delete(self, key: str) -> None:
        with self._lock:
            data = self._load()
            if data.pop(_digest(key), None) is not None:
                write_private(self.path, self._box().seal(json.dumps(data).encode(), self.AAD))


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def default_token_cache() -> TokenCache:
    """The OS keyring when a real backend exists, otherwise the encrypted file."""
    if keyring_usable():
        return KeyringTokenCache()
    return EncryptedFileTokenCache()
