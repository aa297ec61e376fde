"""The ``companyos`` logger and redaction of secrets and PII-classified fields.

``COMPANYOS_LOG=debug`` (or ``info``) turns on a stderr handler. Nothing logged by the SDK carries a
token, a secret or a field the spec classifies as PII (``x-companyos-classification``): those values
are replaced by ``[REDACTED]``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

__all__ = ["PII_FIELDS", "REDACTED", "SECRET_FIELDS", "logger", "redact", "redact_headers", "setup_logging"]

logger = logging.getLogger("companyos")
REDACTED = "[REDACTED]"

SENSITIVE_HEADERS = frozenset({"authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key"})
SECRET_FIELDS = frozenset(
    {
        "access_token",
        "refresh_token",
        "id_token",
        "client_secret",
        "password",
        "totp",
        "code",
        "code_verifier",
        "device_code",
        "user_code",
        "assertion",
        "token",
    }
)
# Fields the spec classifies as PII (kept in step with `x-companyos-classification` by a unit test),
# plus the OIDC claims that name a person.
PII_FIELDS = frozenset(
    {"email", "name", "given_name", "family_name", "preferred_username", "phone", "phone_number", "address"}
)
_REDACT_KEYS = SECRET_FIELDS | PII_FIELDS


def redact(value: Any) -> Any:
    """A copy of a JSON-like value with secret and PII fields replaced, at any depth."""
    if isinstance(value, Mapping):
        return {k: (REDACTED if str(k).lower() in _REDACT_KEYS else redact(v)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact(v) for v in value]
    return value


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: (REDACTED if k.lower() in SENSITIVE_HEADERS else v) for k, v in headers.items()}


_configured = False


def setup_logging() -> None:
    """Honour ``COMPANYOS_LOG`` once per process (debug, info, warning, error)."""
    global _configured
    if _configured:
        return
    _configured = True
    level = os.environ.get("COMPANYOS_LOG", "").strip().upper()
    if not level:
        return
    logger.setLevel(getattr(logging, level, logging.DEBUG))
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(handler)
