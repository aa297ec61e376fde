"""Opaque, signed page tokens (AIP-158).

A token is ``<payload>.<mac>``, both base64url without padding. The payload is compact JSON naming the
signing key (``k``) and the last key seen (``a``); the MAC is HMAC-SHA256 over the payload *and* the
list's scope, which never travels in the token:

- the operation that issued it (the request's operationId),
- the tenant of the request (its ``TenantContext``), and
- the list's filters (as the service passes them).

So a token cannot be forged or edited, and a token of one list (operation, tenant or filters) is refused
by every other. Refusals are 400 problems of type ``invalid-page-token`` naming the field ``page_token``.

The HMAC key is not a keyring of its own: it is derived (HKDF-SHA256, with a label of its own) from the
audit signing key of ``var_dir/keys/audit`` (:class:`~companyos_server.platform.audit.signing.AuditKeyring`),
which every worker of a var dir shares. Rotating the audit key therefore retires every page token
issued under the old one: such a token is refused like a forged one (start the listing again). Outside a
server process (no runtime, e.g. a unit test calling a service) a random per-process key signs instead.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from companyos_server.errors import DomainError, FieldError, invalid_argument
from companyos_server.platform.logs import operation_id_var
from companyos_server.platform.requestctx import tenant_context_var

T = TypeVar("T")
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
PROBLEM_SLUG = "invalid-page-token"
MAX_TOKEN_LENGTH = 512  # the contract's bound on `page_token`
_HKDF_INFO = b"companyos page tokens v1"
_MAC_CONTEXT = b"companyos.page-token.v1"


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_page_token: str | None


# --------------------------------------------------------------------------- the key


_lock = threading.Lock()
_derived: dict[tuple[int, str], bytes] = {}  # (id of the keyring, audit key id) -> HMAC key
_EPHEMERAL = ("pk_process", secrets.token_bytes(32))


def _derive(material: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(material)


def signing_key() -> tuple[str, bytes]:
    """(key id, HMAC key) that signs and checks page tokens now."""
    from companyos_server.platform.runtime import get_runtime

    try:
        keyring = get_runtime().audit.keyring
    except RuntimeError:  # no server runtime in this process
        return _EPHEMERAL
    key_id, private = keyring.current()
    cache_key = (id(keyring), key_id)
    with _lock:
        key = _derived.get(cache_key)
        if key is None:
            raw = private.private_bytes(
                serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
            )
            key = _derived[cache_key] = _derive(raw)
            if len(_derived) > 64:  # bounded: tests build many apps in one process
                _derived.pop(next(iter(_derived)))
        return key_id, key


# --------------------------------------------------------------------------- tokens


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def list_scope(filters: dict[str, Any]) -> bytes:
    """What a token is bound to: the request's operation and tenant, and the list's filters."""
    ctx = tenant_context_var.get()
    scope = {
        "op": operation_id_var.get(),
        "tenant": ctx.tenant_id if ctx is not None else None,
        "filters": filters,
    }
    return json.dumps(scope, sort_keys=True, separators=(",", ":"), default=_canonical).encode("utf-8")


def _canonical(value: Any) -> Any:
    """Filter values JSON has no type for; sets sorted, so every worker computes the same scope."""
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return str(value)


def _mac(key: bytes, payload: str, scope: bytes) -> bytes:
    message = b"\x00".join((_MAC_CONTEXT, payload.encode("ascii"), hashlib.sha256(scope).digest()))
    return hmac.new(key, message, hashlib.sha256).digest()


def invalid_page_token(reason: str) -> DomainError:
    """The 400 every refused page token gets (``type`` …/problems/invalid-page-token)."""
    return DomainError(
        f"page_token is not valid for this list: {reason} Request the first page again (without page_token).",
        400,
        "Invalid page token",
        PROBLEM_SLUG,
        [FieldError("page_token", "not a token returned by this list with the same filters")],
    )


def encode_token(after: str, filters: dict[str, Any]) -> str:
    """A signed token resuming this list (same operation, tenant and filters) after ``after``."""
    key_id, key = signing_key()
    payload = _b64(json.dumps({"k": key_id, "a": after}, separators=(",", ":")).encode("utf-8"))
    return f"{payload}.{_b64(_mac(key, payload, list_scope(filters)))}"


def decode_token(token: str | None, filters: dict[str, Any]) -> str | None:
    """The ``after`` key of a token this list issued; None for no token; else a 400 (invalid-page-token)."""
    if not token:
        return None
    payload, dot, signature = token.partition(".")
    if not dot or len(token) > MAX_TOKEN_LENGTH:
        raise invalid_page_token("it is not a page token.")
    try:
        mac = _unb64(signature)
        data = json.loads(_unb64(payload))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise invalid_page_token("it is not a page token.") from None
    if not isinstance(data, dict) or not isinstance(data.get("a"), str) or not isinstance(data.get("k"), str):
        raise invalid_page_token("it is not a page token.")
    key_id, key = signing_key()
    if data["k"] != key_id:
        raise invalid_page_token("it was signed with a key that has since been rotated.")
    if not hmac.compare_digest(mac, _mac(key, payload, list_scope(filters))):
        raise invalid_page_token("its signature does not match this list, its tenant and its filters.")
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
