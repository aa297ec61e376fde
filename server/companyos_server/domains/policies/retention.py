"""Recorded edge decisions are kept for ``COMPANYOS_POLICY_DECISION_RETENTION_DAYS`` (default 30).

Dry runs of a policy edit re-evaluate the most recent decisions, so the window bounds what they see.
"""

from __future__ import annotations

from datetime import timedelta

from companyos_server.domains.policies.store import PolicyDecisionRow
from companyos_server.housekeeping import Sweep

SWEEPS = [
    Sweep(
        "policy_decisions",
        PolicyDecisionRow.id,
        lambda settings, now: (
            PolicyDecisionRow.at < now - timedelta(days=settings.policy_decision_retention_days)
        ),
    )
]
