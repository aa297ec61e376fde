"""The process-wide runtime: settings plus the shared services every handler reaches.

One runtime per process. The app factory builds it; handlers, jobs and CLIs get it with
:func:`get_runtime`. Services are built lazily so a CLI that needs only the database pays for
nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from companyos_server.platform.cache.epoch import CacheEpoch
from companyos_server.platform.cache.tenants import TenantCache
from companyos_server.platform.files import secure_var_dir
from companyos_server.platform.storage import Database
from companyos_server.settings import Settings

if TYPE_CHECKING:
    from companyos_server.core.intelgraph.graph import IntelGraph
    from companyos_server.core.maestro.engine import Maestro
    from companyos_server.core.spine.store import EvidenceStore
    from companyos_server.platform.audit.log import AuditLog
    from companyos_server.platform.identity.keys import KeyStore
    from companyos_server.platform.identity.validation import TokenValidator
    from companyos_server.platform.jobs.queue import JobQueue
    from companyos_server.platform.policy import PolicyEngine
    from companyos_server.platform.spec import SpecIndex


class Runtime:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        secure_var_dir(settings.var_dir)  # 0700, and anything an older version left wider is narrowed
        self.db = Database(settings.effective_database_url)
        self.extras: dict[str, Any] = {}
        self._closers: list[Callable[[], None]] = []
        # The app factory attaches the tenant directory (a domain's table) to the platform's cache.
        self.tenants: TenantCache | None = None

    def on_close(self, closer: Callable[[], None]) -> None:
        """Run ``closer`` when the runtime closes (before the database goes): flush buffers, stop threads."""
        self._closers.append(closer)

    @cached_property
    def cache_epoch(self) -> CacheEpoch:
        return CacheEpoch(self.db)

    @cached_property
    def keys(self) -> KeyStore:
        from companyos_server.platform.identity.keys import KeyStore

        # Retired keys stay published while tokens they signed may still be presented.
        lifetime = self.settings.access_token_ttl_seconds + self.settings.oidc_leeway_seconds
        return KeyStore(self.settings.var_dir, max_token_lifetime=max(3600, lifetime))

    @cached_property
    def tokens(self) -> TokenValidator:
        from companyos_server.platform.identity.revocation import RevocationList
        from companyos_server.platform.identity.validation import TokenValidator

        keys = self.keys if self.settings.builtin_idp else None
        revocations = RevocationList(self.db, epoch=self.cache_epoch) if self.settings.builtin_idp else None
        return TokenValidator(self.settings, keys, db=self.db, revocations=revocations)

    @cached_property
    def policy(self) -> PolicyEngine:
        from companyos_server.platform.policy import PolicyEngine

        return PolicyEngine.from_directory()

    @cached_property
    def audit(self) -> AuditLog:
        from companyos_server.platform.audit.log import AuditLog

        return AuditLog(
            self.db,
            self.settings.var_dir,
            witness_dir=self.settings.audit_witness_dir,
            background_checkpoints=True,
        )

    @cached_property
    def jobs(self) -> JobQueue:
        from companyos_server.platform.jobs.queue import JobQueue

        return JobQueue(self.settings, self.db)

    @cached_property
    def graph(self) -> IntelGraph:
        from companyos_server.core.intelgraph.graph import IntelGraph

        return IntelGraph(self.db)

    @cached_property
    def evidence(self) -> EvidenceStore:
        from companyos_server.core.spine.store import EvidenceStore

        return EvidenceStore(self.db, self.settings.var_dir)

    @cached_property
    def maestro(self) -> Maestro:
        from companyos_server.core.maestro.engine import Maestro

        return Maestro(self)

    @cached_property
    def spec(self) -> SpecIndex:
        from companyos_server.platform.spec import SpecIndex

        return SpecIndex.load()

    def close(self) -> None:
        while self._closers:
            self._closers.pop()()
        if "jobs" in self.__dict__:  # only when a job queue was built
            self.jobs.stop_worker()
        if "audit" in self.__dict__:  # write the audit checkpoints still due while the database is there
            self.audit.close()
        self.db.dispose()


_current: Runtime | None = None


def set_runtime(runtime: Runtime | None) -> None:
    global _current
    _current = runtime


def get_runtime() -> Runtime:
    if _current is None:
        raise RuntimeError("the CompanyOS runtime is not initialised (create_app() builds it)")
    return _current
