"""``client.services`` — the ``services`` tag (service catalog, dependencies, links, service map)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Literal

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import (
    Service,
    ServiceDataLocation,
    ServiceDependencyGraph,
    ServiceEnvironment,
    ServiceLinks,
    ServiceMap,
    ServiceOwner,
    ServiceRunbook,
    ServiceSloSpec,
    ServiceTier,
    SliSample,
    SliSampleBatchResult,
)

from ._base import AsyncAPIResource, SyncAPIResource, call_options, purpose_header
from ._ops import body, no_content, op

if TYPE_CHECKING:
    from companyos._pagination import AsyncPager, SyncPager

__all__ = ["AsyncServices", "AsyncSliSamples", "Services", "SliSamples"]


class SliSamples(SyncAPIResource):
    """``client.services.sli_samples``: a service's measured SLI buckets (read by its SLO summary and by
    Maestro's post-action verification)."""

    def list(
        self,
        service_id: str,
        *,
        since: str | None = None,
        until: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[SliSample]:
        """The service's SLI samples in ``[since, until]`` (default: the last 24 h), oldest first."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_sli_samples",
            tenant,
            path_params={"service_id": service_id},
            query={"since": since, "until": until, "page_size": page_size},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    def record(
        self,
        service_id: str,
        *,
        samples: builtins.list[SliSample],
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SliSampleBatchResult:
        """Push up to 1,000 samples; a sample whose ``ts`` the service has replaces it."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "record_sli_samples",
            tenant,
            path_params={"service_id": service_id},
            json=body({"samples": samples}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class Services(SyncAPIResource):
    @property
    def sli_samples(self) -> SliSamples:
        return SliSamples(self._client)

    def list(
        self,
        *,
        owner: str | None = None,
        tier: ServiceTier | None = None,
        name_prefix: str | None = None,
        environment: ServiceEnvironment | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[Service]:
        """List services. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_services",
            tenant,
            query={
                "page_size": page_size,
                "owner": owner,
                "tier": tier,
                "name_prefix": name_prefix,
                "environment": environment,
            },
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    def create(
        self,
        *,
        name: str,
        owner: ServiceOwner,
        tier: ServiceTier,
        description: str | None = None,
        environments: builtins.list[ServiceEnvironment] | None = None,
        dependencies: builtins.list[str] | None = None,
        runbooks: builtins.list[ServiceRunbook] | None = None,
        data_locations: builtins.list[ServiceDataLocation] | None = None,
        slo: ServiceSloSpec | None = None,
        labels: dict[str, str] | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Service:
        """Register a service."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_service",
            tenant,
            json=body(
                {
                    "name": name,
                    "description": description,
                    "owner": owner,
                    "tier": tier,
                    "environments": environments,
                    "dependencies": dependencies,
                    "runbooks": runbooks,
                    "data_locations": data_locations,
                    "slo": slo,
                    "labels": labels,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def retrieve(
        self,
        service_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Service:
        """Get a service."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_service",
            tenant,
            path_params={"service_id": service_id},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def update(
        self,
        service_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
        owner: ServiceOwner | None = None,
        tier: ServiceTier | None = None,
        environments: builtins.list[ServiceEnvironment] | None = None,
        dependencies: builtins.list[str] | None = None,
        runbooks: builtins.list[ServiceRunbook] | None = None,
        data_locations: builtins.list[ServiceDataLocation] | None = None,
        slo: ServiceSloSpec | None = None,
        labels: dict[str, str] | None = None,
        if_match: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Service:
        """Update a service."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "update_service",
            tenant,
            path_params={"service_id": service_id},
            json=body(
                {
                    "name": name,
                    "description": description,
                    "owner": owner,
                    "tier": tier,
                    "environments": environments,
                    "dependencies": dependencies,
                    "runbooks": runbooks,
                    "data_locations": data_locations,
                    "slo": slo,
                    "labels": labels,
                }
            ),
            headers={"If-Match": if_match},
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def delete(
        self,
        service_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Remove a service."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "delete_service",
            tenant,
            path_params={"service_id": service_id},
            idempotency_key=idempotency_key,
            cast=no_content,
            **opts,
        )
        self._client._request(spec)

    def dependencies(
        self,
        service_id: str,
        *,
        depth: int | None = None,
        direction: Literal["downstream", "upstream"] | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ServiceDependencyGraph:
        """A service's dependency graph."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_service_dependencies",
            tenant,
            path_params={"service_id": service_id},
            query={"depth": depth, "direction": direction},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def links(
        self,
        service_id: str,
        *,
        from_: str | None = None,
        to: str | None = None,
        environment: ServiceEnvironment | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ServiceLinks:
        """Observability links for a service."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_service_links",
            tenant,
            path_params={"service_id": service_id},
            query={"from": from_, "to": to, "environment": environment},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def map(
        self,
        *,
        environment: ServiceEnvironment | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ServiceMap:
        """The tenant's service map."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_service_map",
            tenant,
            query={"environment": environment},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncSliSamples(AsyncAPIResource):
    """``client.services.sli_samples``: a service's measured SLI buckets (read by its SLO summary and by
    Maestro's post-action verification)."""

    def list(
        self,
        service_id: str,
        *,
        since: str | None = None,
        until: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[SliSample]:
        """The service's SLI samples in ``[since, until]`` (default: the last 24 h), oldest first."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_sli_samples",
            tenant,
            path_params={"service_id": service_id},
            query={"since": since, "until": until, "page_size": page_size},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    async def record(
        self,
        service_id: str,
        *,
        samples: builtins.list[SliSample],
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SliSampleBatchResult:
        """Push up to 1,000 samples; a sample whose ``ts`` the service has replaces it."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "record_sli_samples",
            tenant,
            path_params={"service_id": service_id},
            json=body({"samples": samples}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]


class AsyncServices(AsyncAPIResource):
    @property
    def sli_samples(self) -> AsyncSliSamples:
        return AsyncSliSamples(self._client)

    def list(
        self,
        *,
        owner: str | None = None,
        tier: ServiceTier | None = None,
        name_prefix: str | None = None,
        environment: ServiceEnvironment | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[Service]:
        """List services. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_services",
            tenant,
            query={
                "page_size": page_size,
                "owner": owner,
                "tier": tier,
                "name_prefix": name_prefix,
                "environment": environment,
            },
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    async def create(
        self,
        *,
        name: str,
        owner: ServiceOwner,
        tier: ServiceTier,
        description: str | None = None,
        environments: builtins.list[ServiceEnvironment] | None = None,
        dependencies: builtins.list[str] | None = None,
        runbooks: builtins.list[ServiceRunbook] | None = None,
        data_locations: builtins.list[ServiceDataLocation] | None = None,
        slo: ServiceSloSpec | None = None,
        labels: dict[str, str] | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Service:
        """Register a service."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_service",
            tenant,
            json=body(
                {
                    "name": name,
                    "description": description,
                    "owner": owner,
                    "tier": tier,
                    "environments": environments,
                    "dependencies": dependencies,
                    "runbooks": runbooks,
                    "data_locations": data_locations,
                    "slo": slo,
                    "labels": labels,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def retrieve(
        self,
        service_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Service:
        """Get a service."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_service",
            tenant,
            path_params={"service_id": service_id},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def update(
        self,
        service_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
        owner: ServiceOwner | None = None,
        tier: ServiceTier | None = None,
        environments: builtins.list[ServiceEnvironment] | None = None,
        dependencies: builtins.list[str] | None = None,
        runbooks: builtins.list[ServiceRunbook] | None = None,
        data_locations: builtins.list[ServiceDataLocation] | None = None,
        slo: ServiceSloSpec | None = None,
        labels: dict[str, str] | None = None,
        if_match: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Service:
        """Update a service."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "update_service",
            tenant,
            path_params={"service_id": service_id},
            json=body(
                {
                    "name": name,
                    "description": description,
                    "owner": owner,
                    "tier": tier,
                    "environments": environments,
                    "dependencies": dependencies,
                    "runbooks": runbooks,
                    "data_locations": data_locations,
                    "slo": slo,
                    "labels": labels,
                }
            ),
            headers={"If-Match": if_match},
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def delete(
        self,
        service_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Remove a service."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "delete_service",
            tenant,
            path_params={"service_id": service_id},
            idempotency_key=idempotency_key,
            cast=no_content,
            **opts,
        )
        await self._client._request(spec)

    async def dependencies(
        self,
        service_id: str,
        *,
        depth: int | None = None,
        direction: Literal["downstream", "upstream"] | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ServiceDependencyGraph:
        """A service's dependency graph."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_service_dependencies",
            tenant,
            path_params={"service_id": service_id},
            query={"depth": depth, "direction": direction},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def links(
        self,
        service_id: str,
        *,
        from_: str | None = None,
        to: str | None = None,
        environment: ServiceEnvironment | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ServiceLinks:
        """Observability links for a service."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_service_links",
            tenant,
            path_params={"service_id": service_id},
            query={"from": from_, "to": to, "environment": environment},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def map(
        self,
        *,
        environment: ServiceEnvironment | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ServiceMap:
        """The tenant's service map."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_service_map",
            tenant,
            query={"environment": environment},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]
