"""Wiring of the analytics domain to the runtime: the warehouse, the keyring, a tenant's partition."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

from companyos_server import errors
from companyos_server.domains.analytics import adhoc, ingest, opsfeed, registry, reports
from companyos_server.domains.analytics.warehouse import Backend, Warehouse
from companyos_server.domains.tenants import store as tenants_store
from companyos_server.platform.encryption import SecretKeyring
from companyos_server.platform.principal import TenantContext
from companyos_server.platform.runtime import Runtime

_EXTRA = "analytics.warehouse"
_lock = threading.Lock()

__all__ = ["adhoc", "backend_for", "ingest", "opsfeed", "parse_day", "registry", "reports", "warehouse"]


def warehouse(runtime: Runtime) -> Warehouse:
    """The runtime's analytics store (DuckDB under var/ unless COMPANYOS_ANALYTICS_URL is set)."""
    with _lock:
        found = runtime.extras.get(_EXTRA)
        if found is None:
            found = Warehouse.from_settings(runtime.settings.var_dir)
            runtime.extras[_EXTRA] = found
            runtime.on_close(found.close)
        return found  # type: ignore[no-any-return]


def keyring(runtime: Runtime) -> SecretKeyring:
    return SecretKeyring.for_var_dir(runtime.settings.var_dir)


def backend_for(runtime: Runtime, ctx: TenantContext) -> Backend:
    """The region partition holding the tenant's events (its residency)."""
    with runtime.db.session() as session:
        tenant = tenants_store.get(session, ctx.tenant_id)
        if tenant is None:
            raise errors.not_found("Tenant", ctx.tenant_id)
        region = tenant.residency
    return warehouse(runtime).partition(region)


def parse_day(field: str, value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        parsed = date.fromisoformat(str(value))
    except ValueError:
        raise errors.invalid_argument(
            f"{field} is not a date.", [errors.FieldError(field, "must be a date, YYYY-MM-DD")]
        ) from None
    # Windows and horizons stay inside every engine's date range: a day outside 1970..2999 is clamped to
    # it (no event can lie there, so the report is the same).
    return min(max(parsed, date(1970, 1, 1)), date(2999, 12, 31))
