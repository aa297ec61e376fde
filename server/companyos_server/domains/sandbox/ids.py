"""Deterministic ids in the platform's id format, for seeded sandbox rows.

:func:`companyos_server.platform.storage.new_id` writes ``<prefix>_`` and 26 Crockford base32 characters
of a 128-bit value: a 48-bit millisecond clock, then 80 random bits. A seeded row keeps that layout, so
"newest first by id" still holds, but both halves are derived: the clock from the row's own (seeded)
timestamp, the 80 bits from SHA-256 over the seed, the tenant, the prefix and the row's logical key
(``service/checkout-api``). Same seed and tenant, same ids; two sandboxes seeded alike never collide,
as the tenant is part of the hash (primary keys are global).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import numpy as np

__all__ = ["ID_PATTERN", "IdSource", "encode", "epoch_ms"]

ID_PATTERN = re.compile(r"\b[a-z]{2,6}_[0-9a-hjkmnp-tv-z]{26}\b")  # what new_id and IdSource write

_RFC4648 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_CROCKFORD = b"0123456789abcdefghjkmnpqrstvwxyz"
_TO_CROCKFORD = bytes.maketrans(_RFC4648, _CROCKFORD)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MASK80 = (1 << 80) - 1
_MASK40 = (1 << 40) - 1
_ALPHABET = np.frombuffer(_CROCKFORD, dtype=np.uint8)
_SHIFTS = np.arange(35, -1, -5, dtype=np.uint64)  # the eight 5-bit groups of a 40-bit value, high first


def encode(value: int) -> str:
    """The 26 characters ``new_id`` writes for a 128-bit value (130 bits, the top two zero)."""
    raw = (value << 6).to_bytes(17, "big")  # the 130 bits first, six padding bits last
    return base64.b32encode(raw)[:26].translate(_TO_CROCKFORD).decode("ascii")


def epoch_ms(at: datetime) -> int:
    """Whole milliseconds since 1970 (integer arithmetic: no float rounding)."""
    return (at - _EPOCH) // timedelta(milliseconds=1)


class IdSource:
    """Ids for one seeding of one tenant; remembers each id's logical key for the content digest."""

    def __init__(self, seed: int, tenant_id: str) -> None:
        self._salt = f"{seed}\x00{tenant_id}\x00"
        self.keys: dict[str, str] = {}

    def _bits(self, prefix: str, key: str) -> int:
        digest = hashlib.sha256(f"{self._salt}{prefix}\x00{key}".encode()).digest()
        return int.from_bytes(digest[:10], "big")

    def make(self, prefix: str, key: str, at: datetime) -> str:
        ident = f"{prefix}_{encode((epoch_ms(at) << 80) | self._bits(prefix, key))}"
        if self.keys.setdefault(ident, f"{prefix}:{key}") != f"{prefix}:{key}":  # pragma: no cover
            raise RuntimeError(f"seeded id collision on {ident}")
        return ident

    def logical(self, text: str) -> str:
        """``text`` with each id this source made replaced by its logical key (keys of derived rows)."""
        return ID_PATTERN.sub(lambda m: self.keys.get(m.group(0), m.group(0)), text)

    def alias(self, value: str, key: str) -> str:
        """Record a value derived from seeded ids (a fingerprint over a service id) under a logical key."""
        self.keys[value] = key
        return value

    def series(self, prefix: str, key: str, times_ms: Sequence[int] | np.ndarray) -> list[str]:
        """Many ids of one series (SLI samples): one hash, then consecutive low bits per row.

        Row ``i`` gets ``encode((ms << 80) | ((base + i) mod 2**80))``, the characters computed for all rows
        at once: the first 10 encode the 48-bit clock (50 bits, the top two zero), the last 16 the 80 bits
        (two 40-bit halves of 8 characters each), as :func:`encode` lays them out."""
        ms = np.asarray(times_ms, dtype=np.uint64)
        n = int(ms.size)
        if n == 0:
            return []
        base = self._bits(prefix, key)
        offsets = np.arange(n, dtype=np.uint64)
        low = np.uint64(base & _MASK40) + offsets  # < 2**41: no overflow
        high = (np.uint64((base >> 40) & _MASK40) + (low >> np.uint64(40))) & np.uint64(_MASK40)
        low &= np.uint64(_MASK40)
        head = len(prefix) + 1
        chars = np.empty((n, head + 26), dtype=np.uint8)
        chars[:, :head] = np.frombuffer(f"{prefix}_".encode(), dtype=np.uint8)
        mask = np.uint64(31)
        chars[:, head : head + 10] = _ALPHABET[
            (ms[:, None] >> np.arange(45, -1, -5, dtype=np.uint64)) & mask
        ]  # fmt: skip
        chars[:, head + 10 : head + 18] = _ALPHABET[(high[:, None] >> _SHIFTS) & mask]
        chars[:, head + 18 :] = _ALPHABET[(low[:, None] >> _SHIFTS) & mask]
        out: list[str] = chars.view(f"S{head + 26}").ravel().astype(f"U{head + 26}").tolist()
        tag = f"{prefix}:{key}#"
        self.keys.update(zip(out, [f"{tag}{i}" for i in range(n)], strict=True))
        return out
