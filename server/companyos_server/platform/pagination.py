"""Opaque page tokens (AIP-158): base64url JSON of the last key seen, bound to the list's filters."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from companyos_server.errors import FieldError, invalid_argument

T = TypeVar("T")
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_page_token: str | None


def _fingerprint(filters: dict[str, Any]) -> str:
    canonical = json.dumps(filters, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def encode_token(after: str, filters: dict[str, Any]) -> str:
    raw = json.dumps({"a": after, "f": _fingerprint(filters)}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(token: str | None, filters: dict[str, Any]) -> str | None:
    if not token:
        return None
    bad = invalid_argument(
        "page_token is not valid for this list.",
        [FieldError("page_token", "not a token returned by this list with the same filters")],
    )
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise bad from None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("a"), str)
        or data.get("f") != _fingerprint(filters)
    ):
        raise bad
    return str(data["a"])


def clamp_page_size(page_size: int | None) -> int:
    if page_size is None:
        return DEFAULT_PAGE_SIZE
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise invalid_argument(
            f"page_size must be between 1 and {MAX_PAGE_SIZE}.",
            [FieldError("page_size", f"must be between 1 and {MAX_PAGE_SIZE}")],
        )
    return page_size


def paginate(
    fetch: Callable[[str | None, int], Sequence[T]],
    key: Callable[[T], str],
    *,
    page_size: int | None,
    page_token: str | None,
    filters: dict[str, Any],
) -> Page[T]:
    """Fetch one page plus one row to learn whether another page exists."""
    size = clamp_page_size(page_size)
    after = decode_token(page_token, filters)
    rows = list(fetch(after, size + 1))
    if len(rows) > size:
        rows = rows[:size]
        return Page(rows, encode_token(key(rows[-1]), filters))
    return Page(rows, None)
