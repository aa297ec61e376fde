"""The tenant attributes every tenant-scoped request needs (status, residency, tier, environment), cached
per process.

Read on every request by the edge guard, changed rarely: entries live ``ttl`` seconds at most and are
dropped at once when any worker bumps the shared cache epoch (a tenant created, updated or suspended).
Unknown tenants are not cached, so a tenant created in another worker is found on its first request.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from companyos_server.platform.cache.epoch import CacheEpoch

TENANT_TTL_SECONDS = 30.0
_LIMIT = 10_000


@dataclass(frozen=True)
class TenantInfo:
    id: str
    status: str
    residency: str
    tier: str
    environment: str = "production"
    # Security playbook controls in force until these times (epoch seconds), None when off.
    step_up_until: float | None = None
    audit_reads_until: float | None = None

    def step_up_enforced(self, now: float | None = None) -> bool:
        return self.step_up_until is not None and (now or time.time()) < self.step_up_until

    def audits_reads(self, now: float | None = None) -> bool:
        return self.audit_reads_until is not None and (now or time.time()) < self.audit_reads_until


TenantLoader = Callable[[str], TenantInfo | None]


class TenantCache:
    def __init__(self, loader: TenantLoader, epoch: CacheEpoch, *, ttl: float = TENANT_TTL_SECONDS) -> None:
        self._loader = loader
        self._epoch = epoch
        self._ttl = ttl
        self._items: dict[str, tuple[float, TenantInfo]] = {}
        self._lock = threading.Lock()
        epoch.subscribe(self.clear)

    def get(self, tenant_id: str) -> TenantInfo | None:
        self._epoch.check()
        now = time.monotonic()
        hit = self._items.get(tenant_id)
        if hit is not None and now - hit[0] < self._ttl:
            return hit[1]
        info = self._loader(tenant_id)
        if info is not None:
            with self._lock:
                if len(self._items) >= _LIMIT:  # bounded: a probe of many names cannot grow it forever
                    self._items.clear()
                self._items[tenant_id] = (now, info)
        return info

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
