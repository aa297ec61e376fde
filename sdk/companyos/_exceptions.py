"""Exceptions raised by the SDK.

```
CompanyOSError
├── APIError
│   ├── APIStatusError                 an HTTP error response (RFC 9457 problem+json fields attached)
│   │   ├── BadRequestError            400
│   │   ├── AuthenticationError        401
│   │   │   └── StepUpRequired         401 with an RFC 9470 insufficient_user_authentication challenge
│   │   ├── PermissionDeniedError      403
│   │   ├── NotFoundError              404
│   │   ├── ConflictError              409
│   │   ├── UnprocessableEntityError   422
│   │   ├── RateLimitError             429
│   │   └── InternalServerError        5xx
│   ├── APIConnectionError             the API could not be reached
│   │   ├── APITimeoutError
│   │   ├── CircuitOpenError           the per-host circuit breaker is open
│   │   └── MutationQueued             unreachable, and the mutation went to the offline queue
│   └── OAuthError                     the identity provider refused a grant (RFC 6749 §5.2)
│       ├── AccessDeniedError          the user denied the request
│       └── ExpiredTokenError          the device code expired before approval
└── (ValueError)                       a tenant-scoped call without a tenant, before any I/O
```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AccessDeniedError",
    "AuthenticationError",
    "BadRequestError",
    "CircuitOpenError",
    "CompanyOSError",
    "ConflictError",
    "ExpiredTokenError",
    "InternalServerError",
    "MutationQueued",
    "NotFoundError",
    "OAuthError",
    "PermissionDeniedError",
    "RateLimitError",
    "StepUpRequired",
    "UnprocessableEntityError",
]


class CompanyOSError(Exception):
    """Base class of every exception the SDK raises on purpose."""


class APIError(CompanyOSError):
    message: str
    request: httpx.Request | None

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIStatusError(APIError):
    """The API answered with a 4xx or 5xx status; carries the RFC 9457 problem details."""

    response: httpx.Response
    status_code: int
    request_id: str | None
    type: str | None
    title: str | None
    status: int | None
    detail: str | None
    instance: str | None
    errors: list[dict[str, Any]]
    reasons: list[str]
    body: Any

    def __init__(self, message: str, *, response: httpx.Response, body: Any) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.body = body
        problem = body if isinstance(body, dict) else {}
        self.type = problem.get("type")
        self.title = problem.get("title")
        self.status = problem.get("status")
        self.detail = problem.get("detail")
        self.instance = problem.get("instance")
        self.errors = list(problem.get("errors") or [])
        self.reasons = list(problem.get("reasons") or [])
        self.request_id = problem.get("request_id") or response.headers.get("x-request-id")

    def __str__(self) -> str:
        suffix = f" (request id {self.request_id})" if self.request_id else ""
        return f"{self.message}{suffix}"


class BadRequestError(APIStatusError):
    pass


class AuthenticationError(APIStatusError):
    pass


class StepUpRequired(AuthenticationError):
    """RFC 9470: the operation needs a stronger or more recent authentication.

    Raised when the API answers with ``insufficient_user_authentication`` and no ``on_step_up`` hook is
    configured (or the hook declined, or the retry with the new credential was challenged again).
    """

    acr_values: list[str]
    max_age: int | None

    def __init__(
        self, message: str, *, response: httpx.Response, body: Any, acr_values: list[str], max_age: int | None
    ) -> None:
        super().__init__(message, response=response, body=body)
        self.acr_values = acr_values
        self.max_age = max_age


class PermissionDeniedError(APIStatusError):
    pass


class NotFoundError(APIStatusError):
    pass


class ConflictError(APIStatusError):
    pass


class UnprocessableEntityError(APIStatusError):
    pass


class RateLimitError(APIStatusError):
    pass


class InternalServerError(APIStatusError):
    pass


class APIConnectionError(APIError):
    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    def __init__(self, *, request: httpx.Request | None = None) -> None:
        super().__init__("Request timed out.", request=request)


class CircuitOpenError(APIConnectionError):
    """The circuit breaker for this host is open: calls fail fast until its reset timeout passes."""


class MutationQueued(APIConnectionError):
    """The API was unreachable; the mutation was stored in the offline queue and will replay on flush.

    ``entry_id`` names the queue entry; ``idempotency_key`` is the key the replay will send.
    """

    entry_id: str
    idempotency_key: str | None

    def __init__(self, *, entry_id: str, idempotency_key: str | None, request: httpx.Request | None) -> None:
        super().__init__(f"API unreachable; mutation queued offline as {entry_id}.", request=request)
        self.entry_id = entry_id
        self.idempotency_key = idempotency_key


class OAuthError(APIError):
    """The identity provider refused a token request (``error`` is the RFC 6749 error code)."""

    error: str
    error_description: str | None
    response: httpx.Response | None

    def __init__(
        self, error: str, error_description: str | None = None, *, response: httpx.Response | None = None
    ) -> None:
        text = f"{error}: {error_description}" if error_description else error
        super().__init__(text, request=response.request if response is not None else None)
        self.error = error
        self.error_description = error_description
        self.response = response


class AccessDeniedError(OAuthError):
    pass


class ExpiredTokenError(OAuthError):
    pass


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    if status_code >= 500:
        return InternalServerError
    return _STATUS_ERRORS.get(status_code, APIStatusError)


def make_status_error(response: httpx.Response) -> APIStatusError:
    """Map an error response to its exception class, parsing problem+json when present."""
    try:
        body: Any = response.json()
    except ValueError:
        body = response.text or None
    if isinstance(body, dict):
        title = body.get("title") or response.reason_phrase
        detail = body.get("detail")
        message = f"{response.status_code} {title}" + (f": {detail}" if detail else "")
    else:
        message = f"{response.status_code} {response.reason_phrase}"
    return status_error_class(response.status_code)(message, response=response, body=body)
