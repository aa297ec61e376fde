"""Job kinds: a name mapped to a function that receives a :class:`JobContext`.

Register with ``@job_kind("audit.export")``. Modules that define kinds are listed in
``KIND_MODULES`` so a standalone worker imports them before it consumes anything.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from companyos_server.platform.jobs.context import JobContext

__all__ = [
    "KIND_MODULES",
    "JobFunction",
    "get_kind",
    "job_kind",
    "kinds",
    "load_kinds",
    "register",
    "self_recovering_kinds",
]

JobFunction = Callable[["JobContext"], "dict[str, Any] | None"]

# Modules whose import registers job kinds. Domains add theirs here.
KIND_MODULES: list[str] = [
    "companyos_server.platform.audit.export",
    "companyos_server.core.maestro.jobs",
    "companyos_server.domains.datasets.imports",
    "companyos_server.domains.datasets.exports",
    "companyos_server.domains.slos.reports",
    "companyos_server.domains.analytics.exports",
]

_KINDS: dict[str, JobFunction] = {}
# Kinds that resume their own lost attempts (Maestro runs: step leases, compensation); the queue's
# generic lost-worker recovery leaves them alone.
_SELF_RECOVERING: set[str] = set()


def register(kind: str, fn: JobFunction) -> JobFunction:
    existing = _KINDS.get(kind)
    if (
        existing is not None
        and existing is not fn
        and getattr(existing, "__qualname__", None) != fn.__qualname__
    ):
        raise ValueError(f"job kind {kind!r} is already registered by {existing!r}")
    _KINDS[kind] = fn
    return fn


def job_kind(kind: str, *, recovers_itself: bool = False) -> Callable[[JobFunction], JobFunction]:
    def decorator(fn: JobFunction) -> JobFunction:
        if recovers_itself:
            _SELF_RECOVERING.add(kind)
        return register(kind, fn)

    return decorator


def self_recovering_kinds() -> set[str]:
    load_kinds()
    return set(_SELF_RECOVERING)


def get_kind(kind: str) -> JobFunction | None:
    if kind not in _KINDS:
        load_kinds()
    return _KINDS.get(kind)


def kinds() -> list[str]:
    load_kinds()
    return sorted(_KINDS)


def load_kinds() -> None:
    for module in KIND_MODULES:
        importlib.import_module(module)
