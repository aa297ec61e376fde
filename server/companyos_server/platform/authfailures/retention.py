"""Counts of refused bearer tokens are kept ``COMPANYOS_AUTH_FAILURE_RETENTION_DAYS`` (by window start)."""

from __future__ import annotations

from datetime import timedelta

from companyos_server.housekeeping import Sweep
from companyos_server.platform.authfailures.models import AuthFailureCount

SWEEPS = [
    Sweep(
        "auth_failure_counts",
        AuthFailureCount.key,
        lambda settings, now: (
            AuthFailureCount.window_start < now - timedelta(days=settings.auth_failure_retention_days)
        ),
    ),
]
