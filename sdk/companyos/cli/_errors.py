"""Exit codes and the one-line error report: SDK exceptions become ``error: …`` on stderr, never a traceback."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import typer

from companyos import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    CompanyOSError,
    ConflictError,
    MissingCredentialsError,
    MutationQueued,
    NotFoundError,
    OAuthError,
    PermissionDeniedError,
    RateLimitError,
    StepUpRequired,
)

__all__ = ["EXIT_CODES_HELP", "CliError", "ExitCode", "LoginRequired", "fail", "report"]


class ExitCode:
    OK = 0
    ERROR = 1  # an API error without a code of its own; a broken audit chain; a failed/cancelled job
    USAGE = 2  # bad usage (typer/click), or a missing tenant
    AUTH = 3  # not logged in, token refused, step-up required, login denied/expired
    NOT_FOUND = 4
    CONFLICT = 5
    RATE_LIMITED = 6
    CONNECTION = 7  # the API (or the identity provider) could not be reached
    FORBIDDEN = 8  # authenticated, but the policy denies the action
    QUEUED = 9  # --offline: the API was unreachable and the mutation waits in the offline queue


EXIT_CODES_HELP = (
    "Exit codes: 0 ok · 1 API error, broken audit chain, failed or cancelled job · 2 bad usage · "
    "3 authentication required or step-up · 4 not found · 5 conflict · 6 rate limited · "
    "7 connection error · 8 permission denied · 9 mutation queued offline."
)


class CliError(Exception):
    """An error the CLI reports itself: one line, one exit code."""

    def __init__(self, message: str, code: int = ExitCode.ERROR) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class LoginRequired(CliError):
    def __init__(
        self, message: str = "not logged in: run `companyos login` (or set COMPANYOS_TOKEN)"
    ) -> None:
        super().__init__(message, ExitCode.AUTH)


def fail(message: str, code: int = ExitCode.ERROR) -> NoReturn:
    raise CliError(message, code)


def _status_code(exc: APIStatusError) -> int:
    if isinstance(exc, AuthenticationError):  # StepUpRequired included
        return ExitCode.AUTH
    for cls, code in (
        (NotFoundError, ExitCode.NOT_FOUND),
        (ConflictError, ExitCode.CONFLICT),
        (RateLimitError, ExitCode.RATE_LIMITED),
        (PermissionDeniedError, ExitCode.FORBIDDEN),
    ):
        if isinstance(exc, cls):
            return code
    return ExitCode.ERROR


MAX_FIELD_ERRORS = 5  # the line stays one line; -o json shows the problem whole


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def describe(exc: BaseException) -> tuple[str, int]:
    """The error line (without the ``error: `` prefix) and the exit code for an exception."""
    if isinstance(exc, CliError):
        return exc.message, exc.code
    if isinstance(exc, StepUpRequired):
        acr = " ".join(exc.acr_values) or "stronger authentication"
        age = f", max_age {exc.max_age}s" if exc.max_age is not None else ""
        detail = exc.detail or "this operation needs a stronger or more recent sign-in"
        line = f"step-up required: {detail} (acr {acr}{age}; run `companyos login --pkce` interactively)"
        return line + (f" (request id {exc.request_id})" if exc.request_id else ""), ExitCode.AUTH
    if isinstance(exc, APIStatusError):
        title = exc.title or exc.response.reason_phrase or f"HTTP {exc.status_code}"
        detail = exc.detail or ""
        if exc.reasons:
            detail = f"{detail} [{'; '.join(exc.reasons)}]" if detail else "; ".join(exc.reasons)
        if exc.errors:
            shown = "; ".join(
                f"{e.get('loc') or e.get('field') or ''} {e.get('msg') or e.get('message') or e}".strip()
                for e in exc.errors[:MAX_FIELD_ERRORS]
            )
            more = len(exc.errors) - MAX_FIELD_ERRORS
            shown += f"; and {more} more" if more > 0 else ""
            detail = f"{detail} ({shown})" if detail else shown
        line = f"{title}: {detail}" if detail else title
        if exc.request_id:
            line += f" (request id {exc.request_id})"
        return line, _status_code(exc)
    if isinstance(exc, MutationQueued):
        return (
            f"API unreachable; mutation queued offline as {exc.entry_id} (run `companyos queue flush`)",
            ExitCode.QUEUED,
        )
    if isinstance(exc, APIConnectionError):
        url = f" ({exc.request.url})" if exc.request is not None else ""
        return f"connection error: {exc.message}{url}", ExitCode.CONNECTION
    if isinstance(exc, OAuthError):
        return f"login failed: {exc.message}", ExitCode.AUTH
    if isinstance(exc, MissingCredentialsError):
        return str(exc), ExitCode.AUTH
    if isinstance(exc, CompanyOSError):
        return str(exc), ExitCode.ERROR
    if isinstance(exc, ValueError) and "tenant" in str(exc):
        return f"{exc} (pass --tenant or set COMPANYOS_TENANT)", ExitCode.USAGE
    return f"internal error: {type(exc).__name__}: {exc}", ExitCode.ERROR


def report(exc: BaseException) -> int:
    """Print the one-line error to stderr; return the exit code."""
    line, code = describe(exc)
    print(f"error: {_one_line(line)}", file=sys.stderr, flush=True)
    if os.environ.get("COMPANYOS_LOG", "").lower() == "debug" and not isinstance(exc, CliError | typer.Exit):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    return code
