"""Requests refused for want of a valid bearer token, counted rather than audited one by one.

A request to a protected operation whose bearer token is missing or fails validation has no principal:
nothing about it is attributable beyond its source address. Each one used to append a signed event to
the ``_platform`` audit chain, which is never swept, so anyone could grow the chain without limit.
Such requests are now

- limited per client address (:class:`~companyos_server.platform.middleware.ratelimit.UnauthenticatedLimitMiddleware`),
- counted per (source, reason, window) in ``auth_failure_counts`` (:mod:`.models`), buffered in memory
  and upserted in batches by :class:`~.recorder.AuthFailureRecorder`,
- visible as ``companyos_auth_failures_total{reason}`` in ``/metrics`` and as one summary event per
  period on the ``_platform`` chain (``auth.token_failures``), and
- pruned by housekeeping (:mod:`.retention`).

Sign-in failures at the identity provider are not these: they stay individual security events
(``platform/identity/events.py``), bounded by the identity provider's per-source throttle.
"""

from __future__ import annotations

# Set in a request's scope state when its refusal was counted here; the audit middleware then writes
# no event of its own for it.
COUNTED = "companyos.auth_failure"
# Where the app keeps its recorder (``runtime.extras``).
EXTRAS_KEY = "companyos.auth_failures"

MISSING_TOKEN = "missing_token"
INVALID_TOKEN = "invalid_token"
EXPIRED_TOKEN = "expired_token"
REVOKED_TOKEN = "revoked_token"
REASONS = (MISSING_TOKEN, INVALID_TOKEN, EXPIRED_TOKEN, REVOKED_TOKEN)

__all__ = [
    "COUNTED",
    "EXPIRED_TOKEN",
    "EXTRAS_KEY",
    "INVALID_TOKEN",
    "MISSING_TOKEN",
    "REASONS",
    "REVOKED_TOKEN",
]
