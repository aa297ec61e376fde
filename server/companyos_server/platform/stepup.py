"""RFC 9470 step-up: high-risk operations need a recent multi-factor authentication."""

from __future__ import annotations

import time

from companyos_server import errors
from companyos_server.platform.principal import ACR_MFA, Principal

STEP_UP_MAX_AGE_SECONDS = 900


def satisfies_step_up(principal: Principal, *, max_age: int = STEP_UP_MAX_AGE_SECONDS) -> bool:
    if principal.acr != ACR_MFA or principal.auth_time is None:
        return False
    return time.time() - principal.auth_time <= max_age


def step_up_challenge(*, max_age: int = STEP_UP_MAX_AGE_SECONDS) -> str:
    return (
        'Bearer error="insufficient_user_authentication", '
        'error_description="A multi-factor authentication within the last '
        f'{max_age // 60} minutes is required", acr_values="{ACR_MFA}", max_age={max_age}'
    )


def require_recent_mfa(principal: Principal, what: str) -> None:
    """For approvals that carry authority beyond the request itself: a client can never sign in with
    MFA (403); a user without a recent multi-factor sign-in gets the RFC 9470 step-up challenge (401)."""
    if principal.kind == "client":
        raise errors.permission_denied(
            f"{what} needs a person with a multi-factor sign-in; a client cannot.",
            ["client credentials can never satisfy multi-factor authentication"],
        )
    if not satisfies_step_up(principal):
        raise errors.step_up_required(step_up_challenge(), f"{what} needs a recent multi-factor sign-in.")
