"""``client.tenants`` — the ``tenants`` tag."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from companyos._base_client import RequestSpec
from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import PermissionSet, Residency, Tenant, TenantStatus, TenantTier

from ._base import AsyncAPIResource, SyncAPIResource, call_options, purpose_header

if TYPE_CHECKING:
    from companyos._pagination import AsyncPager, SyncPager

__all__ = ["AsyncTenants", "Tenants"]

_TENANT = "/v1/tenants/{tenant_id}"


def _list(
    tier: TenantTier | None, status: TenantStatus | None, page_size: int | None, **o: Any
) -> RequestSpec:
    query = {"tier": tier, "status": status, "page_size": page_size}
    return RequestSpec("GET", "/v1/tenants", "list_tenants", query=query, **o)


def _create(body: dict[str, Any], idempotency_key: str | None, **o: Any) -> RequestSpec:
    json = {k: v for k, v in body.items() if v is not None}
    return RequestSpec(
        "POST", "/v1/tenants", "create_tenant", json=json, idempotency_key=idempotency_key, **o
    )


def _retrieve(tenant_id: str | None, purpose: str | None, **o: Any) -> RequestSpec:
    return RequestSpec("GET", _TENANT, "get_tenant", tenant=tenant_id, headers=purpose_header(purpose), **o)


def _update(
    tenant_id: str | None, body: dict[str, Any], idempotency_key: str | None, **o: Any
) -> RequestSpec:
    json = {k: v for k, v in body.items() if v is not None}
    return RequestSpec(
        "PATCH", _TENANT, "update_tenant", tenant=tenant_id, json=json, idempotency_key=idempotency_key, **o
    )


def _permissions(tenant_id: str | None, resource: str, **o: Any) -> RequestSpec:
    return RequestSpec(
        "GET",
        _TENANT + "/permissions",
        "get_tenant_permissions",
        tenant=tenant_id,
        query={"resource": resource},
        **o,
    )


class Tenants(SyncAPIResource):
    def list(
        self,
        *,
        tier: TenantTier | None = None,
        status: TenantStatus | None = None,
        page_size: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[Tenant]:
        """List tenants (the caller's, or all of them with ``platform:admin``). Pages are fetched lazily."""
        return self._client._paginate(
            _list(tier, status, page_size, **call_options(extra_headers, extra_query, timeout, max_retries))
        )

    def create(
        self,
        *,
        id: str,
        display_name: str,
        tier: TenantTier | None = None,
        residency: Residency | None = None,
        labels: dict[str, str] | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Tenant:
        """Create a tenant (``platform:admin``, step-up authentication)."""
        body = {
            "id": id,
            "display_name": display_name,
            "tier": tier,
            "residency": residency,
            "labels": labels,
        }
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._request(_create(body, idempotency_key, **opts))  # type: ignore[no-any-return]

    def retrieve(
        self,
        tenant_id: str | None = None,
        *,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Tenant:
        """Get a tenant (defaults to the client's tenant). ``purpose`` for cross-tenant reads."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._request(_retrieve(tenant_id, purpose, **opts))  # type: ignore[no-any-return]

    def update(
        self,
        tenant_id: str | None = None,
        *,
        display_name: str | None = None,
        tier: TenantTier | None = None,
        status: TenantStatus | None = None,
        labels: dict[str, str] | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Tenant:
        """Update a tenant (only the fields passed change)."""
        body = {"display_name": display_name, "tier": tier, "status": status, "labels": labels}
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._request(_update(tenant_id, body, idempotency_key, **opts))  # type: ignore[no-any-return]

    def permissions(
        self,
        tenant_id: str | None = None,
        *,
        resource: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> PermissionSet:
        """What the caller may do on a resource (``tenant``, ``tenant:acme``, ``job:job_…``), with reasons."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._request(_permissions(tenant_id, resource, **opts))  # type: ignore[no-any-return]


class AsyncTenants(AsyncAPIResource):
    def list(
        self,
        *,
        tier: TenantTier | None = None,
        status: TenantStatus | None = None,
        page_size: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[Tenant]:
        """List tenants (the caller's, or all of them with ``platform:admin``). Pages are fetched lazily."""
        return self._client._paginate(
            _list(tier, status, page_size, **call_options(extra_headers, extra_query, timeout, max_retries))
        )

    async def create(
        self,
        *,
        id: str,
        display_name: str,
        tier: TenantTier | None = None,
        residency: Residency | None = None,
        labels: dict[str, str] | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Tenant:
        """Create a tenant (``platform:admin``, step-up authentication)."""
        body = {
            "id": id,
            "display_name": display_name,
            "tier": tier,
            "residency": residency,
            "labels": labels,
        }
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return await self._client._request(_create(body, idempotency_key, **opts))  # type: ignore[no-any-return]

    async def retrieve(
        self,
        tenant_id: str | None = None,
        *,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Tenant:
        """Get a tenant (defaults to the client's tenant). ``purpose`` for cross-tenant reads."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return await self._client._request(_retrieve(tenant_id, purpose, **opts))  # type: ignore[no-any-return]

    async def update(
        self,
        tenant_id: str | None = None,
        *,
        display_name: str | None = None,
        tier: TenantTier | None = None,
        status: TenantStatus | None = None,
        labels: dict[str, str] | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Tenant:
        """Update a tenant (only the fields passed change)."""
        body = {"display_name": display_name, "tier": tier, "status": status, "labels": labels}
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return await self._client._request(_update(tenant_id, body, idempotency_key, **opts))  # type: ignore[no-any-return]

    async def permissions(
        self,
        tenant_id: str | None = None,
        *,
        resource: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> PermissionSet:
        """What the caller may do on a resource (``tenant``, ``tenant:acme``, ``job:job_…``), with reasons."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return await self._client._request(_permissions(tenant_id, resource, **opts))  # type: ignore[no-any-return]
