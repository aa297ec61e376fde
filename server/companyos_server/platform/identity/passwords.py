"""Password hashing (scrypt), client-secret and token digests, and TOTP checks.

Why two kinds of hash: passwords are low-entropy and need a slow, memory-hard KDF (scrypt); client
secrets, refresh tokens, authorization and device codes are 256-bit random values, for which a single
SHA-256 is already infeasible to invert and keeps the token endpoint fast.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

import pyotp

_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1
_TOTP_STEP = 30


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` with a fresh 16-byte salt."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P)
    return "$".join(
        [
            "scrypt",
            str(_SCRYPT_N),
            str(_SCRYPT_R),
            str(_SCRYPT_P),
            base64.b64encode(salt).decode(),
            base64.b64encode(digest).decode(),
        ]
    )


# Verified against when the username is unknown, so both paths take the same time (no user enumeration).
_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


def verify_password(password: str, stored: str | None) -> bool:
    """Constant-time check of ``password`` against a :func:`hash_password` value."""
    try:
        scheme, n, r, p, salt_b64, hash_b64 = (stored or _DUMMY_HASH).split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(hash_b64)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt_b64),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return stored is not None and hmac.compare_digest(actual, expected)


def digest(value: str) -> str:
    """SHA-256 hex digest of a high-entropy secret (client secret, token, code)."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def verify_digest(value: str, stored: str | None) -> bool:
    return stored is not None and hmac.compare_digest(digest(value), stored)


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_step(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // _TOTP_STEP)


def verify_totp(
    secret: str | None, code: str, *, last_step: int | None, now: float | None = None
) -> int | None:
    """The time step ``code`` belongs to (±1 step of clock drift), or None.

    A step at or before ``last_step`` is refused, so an observed code cannot be replayed.
    """
    if not secret or not code or not code.isdigit() or len(code) != 6:
        return None
    totp = pyotp.TOTP(secret)
    current = totp_step(now)
    for step in (current - 1, current, current + 1):
        if last_step is not None and step <= last_step:
            continue
        if hmac.compare_digest(totp.at(step * _TOTP_STEP), code):
            return step
    return None
