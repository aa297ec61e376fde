"""Structured JSON logs: one object per line, request-scoped fields, secrets redacted.

Every line has ``ts``, ``level``, ``logger``, ``message`` and, inside a request, ``request_id``,
``operation_id`` and ``tenant_id`` (from the request context); the access log adds ``status``,
``duration_ms``, ``method`` and ``path``. Redaction runs in the formatter itself, so nothing that
reaches our handler can carry a bearer token, an ``Authorization`` header, a password, a
client secret, a refresh token or a TOTP code — whatever logger it came from.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from companyos_server.platform.requestctx import request_id_var, tenant_context_var

operation_id_var: ContextVar[str | None] = ContextVar("companyos_operation_id", default=None)

REDACTED = "[REDACTED]"
ACCESS_LOGGER = "companyos.access"

# Keys whose values are secrets wherever they appear (dict keys, `extra=` fields, key=value text).
_SENSITIVE_KEY = re.compile(
    r"(?i)(authorization|password|passwd|passphrase|secret|token|api[_-]?key|cookie|totp|otp|"
    r"mfa[_-]?code|code[_-]?verifier|private[_-]?key|assertion|credential)"
)
_SENSITIVE_NAMES = (
    r"authorization|proxy-authorization|password|passwd|passphrase|client_secret|secret|refresh_token|"
    r"access_token|id_token|token|api_key|apikey|totp|totp_code|otp|otp_code|mfa_code|code_verifier|"
    r"private_key|cookie|set-cookie"
)
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # Authorization schemes with their credentials.
    (re.compile(r"(?i)\b(bearer|basic|dpop)\s+[A-Za-z0-9\-._~+/]+=*"), r"\1 " + REDACTED),
    # JWTs (and JWS/JWE compact serialisations) wherever they occur.
    (
        re.compile(r"\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*){0,2}"),
        REDACTED,
    ),
    # key=value, key: value, "key": "value" (JSON, headers, form bodies, query strings).
    (
        re.compile(
            r"""(?i)(["']?\b(?:""" + _SENSITIVE_NAMES + r""")\b["']?\s*[:=]\s*)(?!\[REDACTED\])"""
            r"""("[^"]*"|'[^']*'|[^\s"'&,;}\]]+)"""
        ),
        r"\1" + REDACTED,
    ),
]

_RESERVED = set(logging.LogRecord("x", 0, "x", 0, "x", None, None).__dict__) | {"message", "asctime"}


def redact_text(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def is_sensitive_key(key: str) -> bool:
    return bool(_SENSITIVE_KEY.search(key))


def redact(value: Any, _depth: int = 0) -> Any:
    """Redact a structure: secret-named keys lose their values; strings are scrubbed."""
    if _depth > 8:
        return REDACTED
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, bytes):
        return redact_text(value.decode("utf-8", "replace"))
    if isinstance(value, dict):
        return {
            k: (
                REDACTED
                if isinstance(k, str) and is_sensitive_key(k) and v not in (None, "")
                else redact(v, _depth + 1)
            )
            for k, v in value.items()
        }
    if isinstance(value, list | tuple | set):
        return [redact(v, _depth + 1) for v in value]
    if isinstance(value, int | float | bool) or value is None:
        return value
    return redact_text(str(value))


class RedactionFilter(logging.Filter):
    """Scrubs a record in place (message, args, extra fields). Attach to any handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken %-format must not lose the line
            message = str(record.msg)
        record.msg = redact_text(message)
        record.args = None
        for key, value in list(record.__dict__.items()):
            if key in _RESERVED:
                continue
            record.__dict__[key] = REDACTED if is_sensitive_key(key) and value else redact(value)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001
            message = str(record.msg)
        doc: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": message,
        }
        ctx = tenant_context_var.get()
        doc["request_id"] = getattr(record, "request_id", None) or request_id_var.get()
        doc["operation_id"] = getattr(record, "operation_id", None) or operation_id_var.get()
        doc["tenant_id"] = getattr(record, "tenant_id", None) or (ctx.tenant_id if ctx else None)
        doc["status"] = getattr(record, "status", None)
        doc["duration_ms"] = getattr(record, "duration_ms", None)
        for key, value in record.__dict__.items():
            if key in _RESERVED or key in doc or key.startswith("_"):
                continue
            doc[key] = REDACTED if is_sensitive_key(key) and value else value
        if record.exc_info:
            doc["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            doc["exception"] = record.exc_text
        if record.stack_info:
            doc["stack"] = self.formatStack(record.stack_info)
        doc = {k: v for k, v in doc.items() if v is not None}
        doc = redact(doc)
        return json.dumps(doc, default=str, ensure_ascii=False)


class _CompanyOSHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Marker class so configure_logging can replace its own handler and nothing else."""


def make_handler(stream: Any = None) -> logging.Handler:
    handler = _CompanyOSHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactionFilter())
    return handler


def configure_logging(level: str | int = "INFO", stream: Any = None) -> logging.Handler:
    """Route the root logger to one JSON handler (idempotent: replaces a previous one)."""
    root = logging.getLogger()
    for existing in list(root.handlers):
        if isinstance(existing, _CompanyOSHandler):
            root.removeHandler(existing)
    handler = make_handler(stream)
    root.addHandler(handler)
    root.setLevel(level if isinstance(level, int) else str(level).upper())
    # uvicorn's own access log would duplicate ours (and is not JSON).
    logging.getLogger("uvicorn.access").propagate = False
    logging.getLogger("uvicorn.access").disabled = True
    return handler
