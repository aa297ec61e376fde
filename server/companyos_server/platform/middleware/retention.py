"""Stored idempotent responses go once their replay window (24 h) has passed."""

from __future__ import annotations

from companyos_server.housekeeping import Sweep
from companyos_server.platform.middleware.models import IdempotencyKeyRow

SWEEPS = [
    Sweep(
        "idempotency_keys",
        IdempotencyKeyRow.id,
        lambda _settings, now: IdempotencyKeyRow.expires_at <= now,
    )
]
