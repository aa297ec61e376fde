"""Domain errors. Services raise these; the platform layer renders them as RFC 9457 problems.

Nothing here knows about HTTP beyond the status each kind maps to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FieldError:
    field: str
    message: str
    code: str = "invalid"

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message, "code": self.code}


@dataclass
class DomainError(Exception):
    detail: str
    status: int = 400
    title: str = "Bad Request"
    slug: str = "bad-request"
    errors: list[FieldError] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.detail


def invalid_argument(detail: str, errors: list[FieldError] | None = None) -> DomainError:
    return DomainError(detail, 400, "Invalid argument", "invalid-argument", errors or [])


def not_found(kind: str, ident: str) -> DomainError:
    return DomainError(f"{kind} '{ident}' was not found.", 404, "Not Found", "not-found")


def already_exists(kind: str, ident: str) -> DomainError:
    return DomainError(f"{kind} '{ident}' already exists.", 409, "Conflict", "already-exists")


def payload_too_large(detail: str) -> DomainError:
    return DomainError(detail, 413, "Payload Too Large", "payload-too-large")


def conflict(detail: str) -> DomainError:
    return DomainError(detail, 409, "Conflict", "conflict")


def failed_precondition(detail: str) -> DomainError:
    return DomainError(detail, 409, "Failed precondition", "failed-precondition")


def permission_denied(detail: str, reasons: list[str] | None = None) -> DomainError:
    extra = {"reasons": reasons} if reasons else {}
    return DomainError(detail, 403, "Forbidden", "permission-denied", extra=extra)


def step_up_required(challenge: str, detail: str) -> DomainError:
    """RFC 9470: the caller must authenticate again with a stronger method."""
    return DomainError(
        detail, 401, "Unauthorized", "step-up-required", headers={"WWW-Authenticate": challenge}
    )
