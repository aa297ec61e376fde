"""Development seed: the demo tenants and their identities. Refuses outside development mode."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from types import ModuleType
from typing import Any

import companyos_server.core
import companyos_server.domains
from companyos_server.domains.tenants import store as tenants_store
from companyos_server.domains.tenants.store import TenantRow
from companyos_server.platform.runtime import Runtime, set_runtime
from companyos_server.platform.storage import utcnow

DEMO_TENANTS = (
    {"id": "acme", "display_name": "ACME Corporation", "tier": "enterprise", "residency": "eu"},
    {"id": "globex", "display_name": "Globex", "tier": "standard", "residency": "us"},
)


def seed_tenants(runtime: Runtime) -> None:
    with runtime.db.session() as session:
        for spec in DEMO_TENANTS:
            if tenants_store.get(session, spec["id"]) is None:
                now = utcnow()
                tenants_store.add(
                    session, TenantRow(**spec, status="active", labels={}, created_at=now, updated_at=now)
                )


def seed_development(runtime: Runtime) -> dict[str, Any]:
    """Idempotent: a second run keeps every credential of the first."""
    if not runtime.settings.is_development:
        raise RuntimeError("the development seed runs only when COMPANYOS_ENV is development or test")
    set_runtime(runtime)  # domain seeds reach the shared cores (IntelGraph, Spine) through it
    from companyos_server.platform.identity.seed import seed_dev_identities

    seed_tenants(runtime)
    api_base_url = runtime.settings.public_base_url
    credentials = seed_dev_identities(runtime.settings, runtime.db, runtime.keys, api_base_url)
    for module in demo_seed_modules():
        module.seed_demo(runtime)
    return credentials


def demo_seed_modules() -> list[ModuleType]:
    """Every ``domains/<name>/seed.py`` and ``core/<name>/seed.py``, by their ``SEED_ORDER``.

    Each exposes ``seed_demo(runtime)``, idempotent, filling both demo tenants.
    """
    modules = []
    for package in (companyos_server.domains, companyos_server.core):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            if info.ispkg and importlib.util.find_spec(info.name + ".seed") is not None:
                modules.append(importlib.import_module(info.name + ".seed"))
    return sorted(modules, key=lambda m: (getattr(m, "SEED_ORDER", 100), m.__name__))
