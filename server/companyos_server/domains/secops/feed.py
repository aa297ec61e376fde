"""The audit feed follower: a server process's thread that keeps security events caught up with the trail.

Reads never copy audit events into security events (a GET must not write); this thread does, every
``COMPANYOS_SECOPS_FEED_INTERVAL_SECONDS``, so detections fire within that interval of the audited action
whether or not anyone is looking at SecOps. ``POST …/security-events/sync`` catches up at once. Every
worker process runs one: the cursor's compare-and-set in :func:`service.sync_audit` stores each event
once however many follow.
"""

from __future__ import annotations

import logging
from typing import Any

from companyos_server.domains.alerts.services_ref import intelgraph
from companyos_server.domains.secops import service
from companyos_server.platform.periodic import PeriodicPass, run_every

log = logging.getLogger("companyos.secops")


def follow_audit_feed(runtime: Any) -> PeriodicPass | None:
    """Start the runtime's follower (closed with the runtime); None when the interval is 0 (off)."""
    return run_every(
        runtime, "secops-audit-feed", runtime.settings.secops_feed_interval_seconds,
        lambda: service.sync_audit(runtime.db, runtime.audit, intelgraph(runtime)), log,
    )  # fmt: skip
