"""Identity rows that outlived their use.

A revoked token id is needed only until the token would have expired anyway. Codes and refresh tokens
are kept a day past expiry so that a late replay still meets the row and is logged as a reuse.
Throttle counters go once their reset period has passed without a failure (they count as empty then).
"""

from __future__ import annotations

from datetime import timedelta

from companyos_server.housekeeping import Sweep
from companyos_server.platform.identity.models import (
    IdpAuthorizationCode,
    IdpDeviceCode,
    IdpRefreshToken,
    IdpRevokedToken,
    IdpThrottle,
)

GRACE = timedelta(days=1)

SWEEPS = [
    Sweep(
        "revoked_tokens",
        IdpRevokedToken.jti,
        lambda _settings, now: IdpRevokedToken.expires_at < int(now.timestamp()),
    ),
    Sweep(
        "authorization_codes",
        IdpAuthorizationCode.code_hash,
        lambda _settings, now: IdpAuthorizationCode.expires_at < now - GRACE,
    ),
    Sweep(
        "device_codes",
        IdpDeviceCode.device_code_hash,
        lambda _settings, now: IdpDeviceCode.expires_at < now - GRACE,
    ),
    Sweep(
        "refresh_tokens",
        IdpRefreshToken.id,
        lambda _settings, now: IdpRefreshToken.expires_at < now - GRACE,
    ),
    Sweep(
        "throttle_counters",
        IdpThrottle.key,
        lambda _settings, now: IdpThrottle.expires_at < now,
    ),
]
