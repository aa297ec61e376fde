"""AES-256-GCM sealing for the token cache and the offline queue, and where the key comes from.

Key resolution, first match wins:
1. ``COMPANYOS_CACHE_KEY``: 32 bytes as URL-safe base64, or a passphrase (any other string), from which each
   file's key is derived with scrypt and a random salt stored in that file;
2. ``COMPANYOS_CACHE_KEY_FILE``: an absolute path to a file holding such a key, which you create and keep
   *outside* the directory of the encrypted files (it must be a regular file owned by you, mode 0600);
3. the OS keyring (``pip install 'companyos[keyring]'``), generated and stored on first use.

With none of these there is no key, and nothing is persisted: the token cache keeps tokens in memory for
the process (with one WARNING) and the offline queue refuses to start (``CacheKeyError``). The SDK never
writes a key next to the files it encrypts: anyone able to read the ciphertext could read that key too.

Passphrases: files sealed by older versions with a passphrase used one unsalted SHA-256 of it as the
key. They are still read, and are written again in the salted scrypt format the next time they are written
(the token cache on its next update).

The ``companyos`` CLI is the one exception, for logins on machines without a usable keyring: see
``cli_key_file`` (a generated key file in the user's config directory, which it says once at login).

Older versions did, as ``<dir>/cache.key``. Such a legacy key is never used as a key source again. When a
proper key is available it is read once to re-encrypt the files it sealed (the token file and the offline
queue entries in that directory) under the proper key, and then deleted; otherwise it is ignored, with a
WARNING.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from companyos._exceptions import CompanyOSError
from companyos._logs import logger

__all__ = [
    "ENV_KEY",
    "ENV_KEY_FILE",
    "CacheKey",
    "CacheKeyError",
    "Passphrase",
    "SealedBox",
    "config_home",
    "default_home",
    "find_key",
    "generated_key",
    "keyring_usable",
    "resolve_key",
    "warn_once",
]

KEYRING_SERVICE = "companyos"
KEYRING_KEY_NAME = "cache-key"
ENV_KEY = "COMPANYOS_CACHE_KEY"
ENV_KEY_FILE = "COMPANYOS_CACHE_KEY_FILE"
LEGACY_KEY_FILE = "cache.key"
TOKEN_CACHE_AAD = b"companyos-token-cache-v1"
OFFLINE_QUEUE_AAD = b"companyos-offline-queue-v1"
_KNOWN_AADS = (TOKEN_CACHE_AAD, OFFLINE_QUEUE_AAD)
_NONCE = 12
_MAX_MIGRATED_FILE = 64 * 1024 * 1024

HOW_TO_PERSIST = (
    f"set {ENV_KEY} (32 random bytes as URL-safe base64, or a long passphrase), or {ENV_KEY_FILE} to an "
    "absolute path of a 0600 key file kept outside the cache directory, or install a keyring backend "
    "(pip install 'companyos[keyring]')"
)

_warned: set[str] = set()


class CacheKeyError(CompanyOSError, RuntimeError):
    """No usable key for encrypted local state, a misconfigured key source, or a key that does not match."""


def warn_once(tag: str, message: str, *args: object) -> None:
    """Log ``message`` at WARNING the first time ``tag`` is seen in this process."""
    if tag not in _warned:
        _warned.add(tag)
        logger.warning(message, *args)


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


class Passphrase:
    """A passphrase used as a cache key: each sealed file gets a key derived with scrypt and a random salt.

    Derived keys are remembered per salt, so one process pays for scrypt once per file it opens and once
    for everything it seals.
    """

    SCRYPT_LOG2_N = 15  # N = 32768, r = 8, p = 1: 32 MiB and about 0.1 s per derivation

    def __init__(self, text: str) -> None:
        if not text:
            raise ValueError("an empty passphrase")
        self._secret = text.encode("utf-8")
        self._derived: dict[tuple[int, bytes], bytes] = {}
        self.seal_salt: bytes = secrets.token_bytes(16)

    def __repr__(self) -> str:
        return "Passphrase([REDACTED])"

    def derive(self, salt: bytes, log2_n: int = SCRYPT_LOG2_N) -> bytes:
        if not 10 <= log2_n <= 22:
            raise ValueError("scrypt cost out of range")
        found = self._derived.get((log2_n, salt))
        if found is None:
            n = 1 << log2_n
            found = hashlib.scrypt(
                self._secret,
                salt=salt,
                n=n,
                r=8,
                p=1,
                maxmem=2 * 128 * 8 * n,
                dklen=32,  # 128·r·N, doubled
            )
            self._derived[(log2_n, salt)] = found
        return found

    def legacy_key(self) -> bytes:
        """The key older versions used: one unsalted SHA-256 of the passphrase (read-only now)."""
        return hashlib.sha256(self._secret).digest()


CacheKey = bytes | Passphrase


def _decode_key(text: str) -> CacheKey:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        if len(raw) == 32:
            return raw
    except (binascii.Error, ValueError):
        pass
    return Passphrase(text)


def _inside(path: Path, folder: Path) -> bool:
    folder = folder.resolve()
    return path == folder or folder in path.parents


def _key_from_file(name: str, home: Path) -> CacheKey:
    path = Path(name).expanduser()
    if not path.is_absolute():
        raise CacheKeyError(f"{ENV_KEY_FILE} must be an absolute path (got {name!r})")
    resolved = path.resolve()
    for folder in {home, default_home()}:
        if _inside(resolved, folder):
            raise CacheKeyError(
                f"{ENV_KEY_FILE}={path} is inside {folder}, next to the files it encrypts: keep the key "
                "somewhere else (another directory, a mounted secret, removable media)"
            )
    try:
        info = path.stat()
    except FileNotFoundError:
        raise CacheKeyError(
            f"{ENV_KEY_FILE}={path} does not exist; create it (mode 0600) with e.g. "
            '`python -c "import base64,secrets;print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())"'
            f" > {path} && chmod 600 {path}`"
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise CacheKeyError(f"{ENV_KEY_FILE}={path} is not a regular file")
    if os.name == "posix":
        if info.st_mode & 0o077:
            raise CacheKeyError(
                f"{ENV_KEY_FILE}={path} is accessible by other users (mode {stat.S_IMODE(info.st_mode):04o}); "
                f"run `chmod 600 {path}`"
            )
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise CacheKeyError(f"{ENV_KEY_FILE}={path} is not owned by the current user")
    text = path.read_text(encoding="utf-8").strip()
    if not text:
        raise CacheKeyError(f"{ENV_KEY_FILE}={path} is empty")
    return _decode_key(text)


def _key_from_keyring() -> CacheKey | None:
    if not keyring_usable():
        return None
    import keyring

    try:
        stored = keyring.get_password(KEYRING_SERVICE, KEYRING_KEY_NAME)
        if not stored:
            stored = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
            keyring.set_password(KEYRING_SERVICE, KEYRING_KEY_NAME, stored)
    except Exception as exc:  # noqa: BLE001 (a locked or broken keyring means "no key", not a crash)
        warn_once("keyring-error", "the OS keyring could not provide the cache key (%s)", exc)
        return None
    return _decode_key(stored)


def _proper_key(home: Path) -> CacheKey | None:
    if text := os.environ.get(ENV_KEY):
        return _decode_key(text)
    if name := os.environ.get(ENV_KEY_FILE):
        return _key_from_file(name, home)
    return _key_from_keyring()


def find_key(home: Path | None = None, *, sealed_files: Iterable[Path] = ()) -> CacheKey | None:
    """The key for encrypted files in ``home``, or ``None`` when there is no proper key source.

    A legacy ``<home>/cache.key`` is never returned: with a proper key it re-encrypts what it sealed
    (``sealed_files``, ``<home>/tokens.bin`` and queue entries under ``home``) and is deleted; without
    one it is ignored with a WARNING. Raises ``CacheKeyError`` for a misconfigured ``COMPANYOS_CACHE_KEY_FILE``.
    """
    home = home or default_home()
    key = _proper_key(home)
    legacy = home / LEGACY_KEY_FILE
    if legacy.is_file():
        if key is None:
            warn_once(
                f"legacy:{legacy}",
                "ignoring %s: a key stored next to the files it encrypts protects nothing. Files it sealed are "
                "left as they are (delete them, or %s to have them re-encrypted and the key file removed)",
                legacy,
                HOW_TO_PERSIST,
            )
        else:
            _migrate_legacy(home, legacy, key, sealed_files)
    return key


def resolve_key(home: Path | None = None, *, purpose: str = "encrypted local state") -> CacheKey:
    """Like ``find_key``, but raises ``CacheKeyError`` when there is no proper key source."""
    key = find_key(home)
    if key is None:
        raise CacheKeyError(
            f"{purpose} needs an encryption key and none is configured: {HOW_TO_PERSIST}. "
            "(The SDK no longer stores a key next to the encrypted files.)"
        )
    return key


def _legacy_candidates(home: Path, sealed_files: Iterable[Path]) -> list[Path]:
    found = {*sealed_files, home / "tokens.bin"}
    for pattern in ("*.entry", "*/*.entry", "*/*/*.entry"):
        found.update(home.glob(pattern))
    return sorted(p for p in found if p.is_file() and p.stat().st_size <= _MAX_MIGRATED_FILE)


def _migrate_legacy(home: Path, legacy: Path, key: CacheKey, sealed_files: Iterable[Path]) -> None:
    from cryptography.exceptions import InvalidTag

    try:
        old = SealedBox(_decode_key(legacy.read_text(encoding="ascii").strip()))
    except (OSError, ValueError) as exc:
        warn_once(f"legacy:{legacy}", "cannot read legacy key file %s (%s); ignoring it", legacy, exc)
        return
    new = SealedBox(key)
    migrated, failed = 0, 0
    for file in _legacy_candidates(home, sealed_files):
        try:
            blob = file.read_bytes()
        except OSError:
            failed += 1
            continue
        for aad in _KNOWN_AADS:
            try:
                plain = old.open(blob, aad)
            except (InvalidTag, ValueError):
                continue
            try:
                write_private(file, new.seal(plain, aad))
                migrated += 1
            except OSError:
                failed += 1
            break
    if failed:
        warn_once(
            f"legacy:{legacy}",
            "re-encrypted %d file(s) sealed with the legacy key %s, but %d could not be read or written; "
            "the legacy key file is kept until they can",
            migrated,
            legacy,
            failed,
        )
        return
    legacy.unlink(missing_ok=True)
    logger.warning(
        "re-encrypted %d file(s) under the configured cache key and deleted the legacy key file %s",
        migrated,
        legacy,
    )


class SealedBox:
    """AES-GCM with a random 96-bit nonce per message; ``aad`` binds a ciphertext to its purpose.

    With a 32-byte key a sealed message is ``nonce || ciphertext``. With a ``Passphrase`` it is
    ``MAGIC || log2(N) || salt(16) || nonce || ciphertext``, the key being scrypt(passphrase, salt); a
    message without the header is read as written by older versions (key = SHA-256 of the passphrase).
    """

    MAGIC = b"COSP"  # CompanyOS, passphrase-sealed, version 1

    def __init__(self, key: CacheKey) -> None:
        if isinstance(key, Passphrase):
            self._passphrase: Passphrase | None = key
            return
        if len(key) != 32:
            raise ValueError("the cache key must be 32 bytes")
        self._passphrase = None
        self._aead = _aead(key)

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = secrets.token_bytes(_NONCE)
        pp = self._passphrase
        if pp is None:
            return nonce + self._aead.encrypt(nonce, plaintext, aad)
        log2_n, salt = Passphrase.SCRYPT_LOG2_N, pp.seal_salt
        header = self.MAGIC + bytes([log2_n]) + salt
        return header + nonce + _aead(pp.derive(salt, log2_n)).encrypt(nonce, plaintext, aad)

    def open(self, sealed: bytes, aad: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        pp = self._passphrase
        if pp is None:
            return self._aead.decrypt(sealed[:_NONCE], sealed[_NONCE:], aad)
        head = len(self.MAGIC) + 1 + 16
        if sealed.startswith(self.MAGIC) and len(sealed) > head + _NONCE:
            log2_n, salt, body = sealed[len(self.MAGIC)], sealed[len(self.MAGIC) + 1 : head], sealed[head:]
            try:
                return _aead(pp.derive(salt, log2_n)).decrypt(body[:_NONCE], body[_NONCE:], aad)
            except (InvalidTag, ValueError):
                pass  # perhaps an old message whose random nonce began with MAGIC: try the old scheme
        return _aead(pp.legacy_key()).decrypt(sealed[:_NONCE], sealed[_NONCE:], aad)


def _aead(key: bytes) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def config_home() -> Path:
    """The user's config directory for CompanyOS: ``platformdirs.user_config_dir("companyos")`` when
    platformdirs is installed (the ``cli`` extra), else ``$XDG_CONFIG_HOME/companyos`` or
    ``~/.config/companyos``."""
    try:
        from platformdirs import user_config_dir
    except ImportError:
        base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
        return Path(base) / "companyos"
    return Path(user_config_dir("companyos", appauthor=False))


def generated_key(path: Path) -> bytes:
    """The 32-byte key in ``path``, generated on first use (file 0600, directory 0700, owned by you).

    Refuses a key file that other users can read or that belongs to someone else.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(path.parent, stat.S_IMODE(path.parent.stat().st_mode) & ~0o077)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
    info = path.stat()
    if os.name == "posix":
        if info.st_mode & 0o077:
            raise CacheKeyError(
                f"the key file {path} is accessible by other users (mode {stat.S_IMODE(info.st_mode):04o}); "
                f"run `chmod 600 {path}`"
            )
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise CacheKeyError(f"the key file {path} is not owned by the current user")
    key = _decode_key(path.read_text(encoding="ascii").strip())
    if not isinstance(key, bytes):
        raise CacheKeyError(f"the key file {path} does not hold a 32-byte key; delete it to start again")
    return key


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
