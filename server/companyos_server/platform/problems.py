"""RFC 9457 problem details: one shape for every error the API answers.

Every problem carries ``type`` (``https://docs.companyos.dev/problems/<slug>``), ``title``,
``status``, ``detail``, ``instance`` (the request path), ``request_id`` and any extension members
(``errors[]`` for field-level validation problems, ``reasons[]`` for policy denials, ...).
Stack traces never reach a response.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from connexion.exceptions import ProblemException

PROBLEM_BASE = "https://docs.companyos.dev/problems/"
PROBLEM_JSON = "application/problem+json"
CORE_MEMBERS = ("type", "title", "status", "detail", "instance", "request_id")

# The slug of a problem that names no type of its own, by status.
DEFAULT_SLUGS: dict[int, str] = {
    400: "bad-request",
    401: "unauthenticated",
    403: "permission-denied",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    410: "gone",
    412: "failed-precondition",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "unprocessable",
    428: "precondition-required",
    429: "rate-limited",
    500: "internal",
    501: "not-implemented",
    502: "bad-gateway",
    503: "unavailable",
    504: "timeout",
}


def problem_type(slug: str) -> str:
    return PROBLEM_BASE + slug


def default_slug(status: int) -> str:
    if status in DEFAULT_SLUGS:
        return DEFAULT_SLUGS[status]
    return "internal" if status >= 500 else "bad-request"


def default_title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


@dataclass
class Problem:
    """A problem about to be rendered. ``extra`` holds extension members (``errors``, ``reasons``…)."""

    status: int
    title: str | None = None
    detail: str | None = None
    slug: str | None = None
    type: str | None = None
    instance: str | None = None
    request_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        ptype = self.type
        if not ptype or ptype == "about:blank":
            ptype = problem_type(self.slug or default_slug(self.status))
        title = self.title or default_title(self.status)
        doc: dict[str, Any] = {
            "type": ptype,
            "title": title,
            "status": self.status,
            "detail": self.detail or title,
        }
        if self.instance:
            doc["instance"] = self.instance
        if self.request_id:
            doc["request_id"] = self.request_id
        for key, value in self.extra.items():
            if key not in CORE_MEMBERS and value is not None:
                doc[key] = value
        return doc

    def encode(self) -> bytes:
        return json.dumps(self.body(), separators=(",", ":"), default=str).encode("utf-8")

    def response_headers(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in (self.headers or {}).items()}


def problem_exception(
    status: int,
    slug: str,
    detail: str,
    *,
    title: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> ProblemException:
    """A connexion ProblemException with a CompanyOS type, for raising from middleware."""
    return ProblemException(
        status=status,
        title=title or default_title(status),
        detail=detail,
        type=problem_type(slug),
        headers=headers,
        ext=extra or None,
    )


class PayloadTooLarge(ProblemException):
    """The request body exceeds ``settings.max_body_bytes`` (raised while the body streams in)."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            status=413,
            title="Payload Too Large",
            detail=f"The request body exceeds the limit of {limit} bytes.",
            type=problem_type("payload-too-large"),
        )


class ValidationProblem(ProblemException):
    """A 400 carrying field-level ``errors[]`` ({field, message, code})."""

    def __init__(self, detail: str, errors: list[dict[str, str]], *, slug: str = "invalid-argument") -> None:
        super().__init__(
            status=400,
            title="Bad Request",
            detail=detail,
            type=problem_type(slug),
            ext={"errors": errors},
        )
        self.errors = errors
