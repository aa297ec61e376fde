"""Sandbox tenants: the one place that says what a sandbox may not do beyond its Cedar guardrails.

A tenant's environment (``production``, ``staging``, ``sandbox``) is fixed when it is created. Sandbox
tenants hold synthetic data for demos and trials, so what they can reach is narrowed:

* **rate limits** — a sandbox is limited as the ``free`` tier whatever its tier says;
* **quotas** — at most :data:`QUOTAS` services, dataset rows and analytics events per batch; a request
  going over is refused with 403 ``quota-exceeded`` naming the quota (nothing is written);
* **guardrails** — ``platform/policies/sandbox.cedar`` forbids, with a reason each, effects on real
  credentials and accounts (Maestro ``credential.rotate`` and ``account.lock``) and exports that leave
  the sandbox's residency. Domains pass :func:`attributes` into their policy resources so those rules
  can see the environment.

Every tenant-scoped response names the environment in ``CompanyOS-Environment``.
"""

from __future__ import annotations

from typing import Any

from companyos_server import errors

SANDBOX = "sandbox"
ENVIRONMENTS = ("production", "staging", SANDBOX)
ENVIRONMENT_HEADER = "companyos-environment"
RATE_TIER = "free"
QUOTAS: dict[str, int] = {"services": 25, "dataset_rows": 100_000, "analytics_events_per_batch": 200}
_QUOTA_WORDS = {
    "services": "services",
    "dataset_rows": "rows in a dataset",
    "analytics_events_per_batch": "analytics events in one batch",
}


def environment_of(tenant_id: str, db: Any = None) -> str:
    """The tenant's environment: from the edge's per-process tenant cache when the app attached one,
    else read from the database (jobs, seeds, tools)."""
    from companyos_server.platform import runtime as runtimes

    current = runtimes._current
    info = current.tenants.get(tenant_id) if current is not None and current.tenants is not None else None
    if info is None and (db is not None or current is not None):
        from companyos_server.domains.tenants.store import load_info

        info = load_info(db if db is not None else current.db, tenant_id)  # type: ignore[union-attr]
    return info.environment if info is not None else "production"


def is_sandbox(tenant_id: str, db: Any = None) -> bool:
    return environment_of(tenant_id, db) == SANDBOX


def attributes(tenant_id: str, db: Any = None) -> dict[str, str]:
    """Policy resource attributes that let the sandbox guardrails apply."""
    return {"environment": environment_of(tenant_id, db)}


def check_quota(tenant_id: str, quota: str, total: int, db: Any = None) -> None:
    """Refuse (403 ``quota-exceeded``) when a sandbox tenant would hold ``total`` of ``quota``."""
    limit = QUOTAS[quota]
    if total > limit and is_sandbox(tenant_id, db):
        raise errors.DomainError(
            f"Sandbox tenant '{tenant_id}' may hold at most {limit} {_QUOTA_WORDS[quota]} ({total} requested).",
            403, "Forbidden", "quota-exceeded",
            extra={"reasons": [f"sandbox quota {quota}: at most {limit}"], "quota": quota, "limit": limit},
        )  # fmt: skip
