"""Signing keys of the built-in issuer: generated on first use, persisted, rotated, published as JWKS.

Layout under ``var_dir/keys/oidc``::

    index.json        [{"kid", "alg", "created_at", "retired_at"}], newest last (mode 600)
    <kid>.jwk.json    the private JWK (mode 600)
    .lock             flock'd while generating or rotating, so two processes never race

Why a retired key stays published: access tokens signed just before a rotation are still in flight, so
resource servers must keep verifying them until they expire. A retired key is therefore listed in the
JWKS until ``retired_at + max_token_lifetime`` and pruned afterwards.

Several processes (API workers, the CLI) share one directory, so the in-memory copy re-reads
``index.json`` when its modification time changes (checked at most once a second).

CLI: ``python -m companyos_server.platform.identity.keys rotate`` prints the new kid.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from joserfc.jwk import KeySet, RSAKey

from companyos_server.platform.files import open_private, private_dir, write_private

DEFAULT_ALG = "RS256"
DEFAULT_MAX_TOKEN_LIFETIME = 3600
_RELOAD_CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class KeyRecord:
    """Metadata of one signing key (the private material lives in its own file)."""

    kid: str
    alg: str
    created_at: int
    retired_at: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kid": self.kid,
            "alg": self.alg,
            "created_at": self.created_at,
            "retired_at": self.retired_at,
        }


class KeyStoreError(Exception):
    """The key directory is unreadable or inconsistent."""


class KeyStore:
    """File-backed signing keys with rotation; safe to share between processes."""

    def __init__(self, var_dir: Path, *, max_token_lifetime: int = DEFAULT_MAX_TOKEN_LIFETIME) -> None:
        self.directory = Path(var_dir) / "keys" / "oidc"
        self.max_token_lifetime = max_token_lifetime
        self._lock = threading.RLock()
        self._records: list[KeyRecord] = []
        self._keys: dict[str, RSAKey] = {}
        self._index_mtime: float | None = None
        self._checked_at = 0.0
        self._version = 0
        self._public_set: KeySet | None = None

    # ------------------------------------------------------------------ public interface
    def active_key(self) -> RSAKey:
        """The private key new tokens are signed with (generated on first use)."""
        return self.signing_key()[1]

    def active_record(self) -> KeyRecord:
        return self.signing_key()[0]

    def signing_key(self) -> tuple[KeyRecord, RSAKey]:
        """The active key with its metadata, read together (consistent even during a rotation)."""
        self._ensure_loaded()
        with self._lock:
            active = [r for r in self._records if r.retired_at is None]
            if not active:
                raise KeyStoreError("no active signing key")
            return active[-1], self._keys[active[-1].kid]

    def jwks(self) -> dict[str, Any]:
        """The public JWK Set: the active key plus retired keys still inside their grace period."""
        self._ensure_loaded()
        with self._lock:
            out = []
            for record in self._published_records():
                public = self._keys[record.kid].as_dict(private=False)
                public.update({"kid": record.kid, "use": "sig", "alg": record.alg})
                out.append(public)
            return {"keys": out}

    def public_key_set(self) -> KeySet:
        """The published keys as a joserfc ``KeySet`` (cached until the key files change)."""
        self._ensure_loaded()
        with self._lock:
            if self._public_set is None:
                self._public_set = KeySet.import_key_set(self.jwks())  # type: ignore[arg-type]
            return self._public_set

    @property
    def version(self) -> int:
        """Bumped whenever the key material changes; lets callers cache derived objects."""
        self._ensure_loaded()
        return self._version

    def rotate(self) -> str:
        """Generate a new active key, retire the current one and prune expired ones; returns the kid."""
        with self._exclusive():
            self._reload()
            now = int(time.time())
            records = [
                KeyRecord(r.kid, r.alg, r.created_at, now) if r.retired_at is None else r
                for r in self._records
            ]
            record = self._generate(now)
            records.append(record)
            records = self._prune(records, now)
            self._write_index(records)
            self._reload()
            return record.kid

    def prune(self) -> list[str]:
        """Delete retired keys whose grace period is over; returns their kids."""
        with self._exclusive():
            self._reload()
            now = int(time.time())
            kept = self._prune(self._records, now)
            removed = [r.kid for r in self._records if r not in kept]
            if removed:
                self._write_index(kept)
                self._reload()
            return removed

    def healthy(self) -> tuple[bool, str]:
        """For readiness: can we sign, and are the private files still private?"""
        try:
            record = self.active_record()
        except (OSError, KeyStoreError, ValueError) as exc:
            return False, f"signing keys unavailable: {exc}"
        path = self._key_path(record.kid)
        try:
            mode = path.stat().st_mode & 0o777
        except OSError as exc:
            return False, f"signing key file unreadable: {exc}"
        if mode & 0o077:
            return False, f"signing key file {path.name} is accessible by others (mode {oct(mode)})"
        return True, f"active kid {record.kid}"

    # ------------------------------------------------------------------ internals
    def _published_records(self) -> list[KeyRecord]:
        now = int(time.time())
        return [
            r for r in self._records if r.retired_at is None or r.retired_at + self.max_token_lifetime > now
        ]

    def _prune(self, records: list[KeyRecord], now: int) -> list[KeyRecord]:
        kept = []
        for r in records:
            if r.retired_at is not None and r.retired_at + self.max_token_lifetime <= now:
                with contextlib.suppress(FileNotFoundError):
                    self._key_path(r.kid).unlink()
            else:
                kept.append(r)
        return kept

    @property
    def _index_path(self) -> Path:
        return self.directory / "index.json"

    def _key_path(self, kid: str) -> Path:
        if not kid or "/" in kid or kid.startswith("."):
            raise KeyStoreError(f"invalid kid {kid!r}")
        return self.directory / f"{kid}.jwk.json"

    def _ensure_loaded(self) -> None:
        now = time.monotonic()
        if self._index_mtime is not None and now - self._checked_at < _RELOAD_CHECK_SECONDS:
            return
        with self._lock:
            self._checked_at = now
            try:
                mtime = self._index_path.stat().st_mtime
            except FileNotFoundError:
                mtime = None
            if mtime is None:
                with self._exclusive():
                    if not self._index_path.exists():
                        record = self._generate(int(time.time()))
                        self._write_index([record])
                    self._reload()
            elif mtime != self._index_mtime:
                self._reload()

    def _reload(self) -> None:
        with self._lock:
            try:
                raw = json.loads(self._index_path.read_text(encoding="utf-8"))
                records = [KeyRecord(**item) for item in raw]
                keys = {}
                for r in records:
                    data = json.loads(self._key_path(r.kid).read_text(encoding="utf-8"))
                    keys[r.kid] = RSAKey.import_key(data)
            except (OSError, ValueError, TypeError) as exc:
                raise KeyStoreError(f"cannot load signing keys from {self.directory}: {exc}") from exc
            self._records = records
            self._keys = keys
            self._index_mtime = self._index_path.stat().st_mtime
            self._public_set = None
            self._version += 1

    def _generate(self, now: int) -> KeyRecord:
        key = RSAKey.generate_key(2048, private=True)
        kid = key.thumbprint()
        data = key.as_dict(private=True)
        data.update({"kid": kid, "use": "sig", "alg": DEFAULT_ALG})
        _write_private(self._key_path(kid), json.dumps(data))
        return KeyRecord(kid=kid, alg=DEFAULT_ALG, created_at=now)

    def _write_index(self, records: list[KeyRecord]) -> None:
        _write_private(self._index_path, json.dumps([r.as_dict() for r in records], indent=2))

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        private_dir(self.directory)
        with self._lock, open_private(self.directory / ".lock", "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _write_private(path: Path, text: str) -> None:
    """Write atomically with mode 600 from the start (no window where the file is world-readable)."""
    write_private(path, text)


def main(argv: list[str] | None = None) -> int:
    """``rotate`` | ``show`` | ``prune`` against ``Settings().var_dir``."""
    import argparse

    from companyos_server.settings import Settings

    parser = argparse.ArgumentParser(prog="python -m companyos_server.platform.identity.keys")
    parser.add_argument("command", choices=["rotate", "show", "prune"])
    args = parser.parse_args(argv)
    settings = Settings()
    store = KeyStore(settings.var_dir, max_token_lifetime=_max_lifetime(settings))
    if args.command == "rotate":
        print(store.rotate())
    elif args.command == "prune":
        for kid in store.prune():
            print(kid)
    else:
        print(json.dumps(store.jwks(), indent=2))
    return 0


def _max_lifetime(settings: Any) -> int:
    return max(DEFAULT_MAX_TOKEN_LIFETIME, settings.access_token_ttl_seconds + settings.oidc_leeway_seconds)


if __name__ == "__main__":
    sys.exit(main())
