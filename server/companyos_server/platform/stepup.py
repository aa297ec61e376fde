"""RFC 9470 step-up: high-risk operations need a recent multi-factor authentication."""

from __future__ import annotations

import time

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
