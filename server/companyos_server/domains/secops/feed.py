"""The audit feed follower: a server process's thread that keeps security events caught up with the trail.

Reads never copy audit events into security events (a GET must not write); this thread does, every
``COMPANYOS_SECOPS_FEED_INTERVAL_SECONDS``, so detections fire within that interval of the audited action
whether or not anyone is looking at SecOps. ``POST …/security-events/sync`` catches up at once. Every
worker process runs one: the cursor's compare-and-set in :func:`service.sync_audit` stores each event
once however many follow.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from companyos_server.domains.alerts.services_ref import intelgraph
from companyos_server.domains.secops import service

log = logging.getLogger("companyos.secops")


class AuditFeedFollower:
    def __init__(self, runtime: Any, interval_seconds: float) -> None:
        self._runtime = runtime
        self._interval = interval_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="secops-audit-feed", daemon=True)

    def start(self) -> AuditFeedFollower:
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def pass_once(self) -> int:
        """One catch-up pass; failures are logged and retried on the next interval, never raised."""
        runtime = self._runtime
        try:
            return service.sync_audit(runtime.db, runtime.audit, intelgraph(runtime))
        except Exception:
            log.exception("secops audit feed pass failed")
            return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            self.pass_once()
            self._stop.wait(self._interval)


def follow_audit_feed(runtime: Any) -> AuditFeedFollower | None:
    """Start the runtime's follower (closed with the runtime); None when the interval is 0 (off)."""
    interval = runtime.settings.secops_feed_interval_seconds
    if interval <= 0:
        return None
    follower = AuditFeedFollower(runtime, interval).start()
    runtime.on_close(follower.close)
    return follower
