"""``client.deployments`` — the ``deployments`` tag (deployments feed, stages, rollback candidates)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Literal

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import (
    Deployment,
    DeploymentRollbackCandidates,
    DeploymentStageName,
    DeploymentState,
    ServiceEnvironment,
)

from ._base import AsyncAPIResource, SyncAPIResource, call_options, purpose_header
from ._ops import body, op

if TYPE_CHECKING:
    from companyos._pagination import AsyncPager, SyncPager

__all__ = ["AsyncDeployments", "Deployments"]


class Deployments(SyncAPIResource):
    def list(
        self,
        *,
        environment: ServiceEnvironment | None = None,
        service_id: str | None = None,
        state: DeploymentState | None = None,
        since: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[Deployment]:
        """The deployments feed. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_deployments",
            tenant,
            query={
                "page_size": page_size,
                "environment": environment,
                "service_id": service_id,
                "state": state,
                "since": since,
            },
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    def list_for_service(
        self,
        service_id: str,
        *,
        environment: ServiceEnvironment | None = None,
        state: DeploymentState | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[Deployment]:
        """A service's deployment timeline. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_service_deployments",
            tenant,
            path_params={"service_id": service_id},
            query={"page_size": page_size, "environment": environment, "state": state},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    def create(
        self,
        service_id: str,
        *,
        version: str,
        environment: ServiceEnvironment,
        commit: str | None = None,
        description: str | None = None,
        evidence_pack_ids: builtins.list[str] | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Deployment:
        """Start a deployment."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_deployment",
            tenant,
            path_params={"service_id": service_id},
            json=body(
                {
                    "version": version,
                    "commit": commit,
                    "environment": environment,
                    "description": description,
                    "evidence_pack_ids": evidence_pack_ids,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def rollback_candidates(
        self,
        service_id: str,
        *,
        environment: Literal["production", "staging", "sandbox"] | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> DeploymentRollbackCandidates:
        """Rollback candidates."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_rollback_candidates",
            tenant,
            path_params={"service_id": service_id},
            query={"environment": environment},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def retrieve(
        self,
        deployment_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Deployment:
        """Get a deployment."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_deployment",
            tenant,
            path_params={"deployment_id": deployment_id},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def advance_stage(
        self,
        deployment_id: str,
        stage: DeploymentStageName,
        *,
        state: Literal["running", "succeeded", "failed"],
        detail: str | None = None,
        evidence_pack_ids: builtins.list[str] | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Deployment:
        """Advance a deployment stage."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "advance_deployment_stage",
            tenant,
            path_params={"deployment_id": deployment_id, "stage": stage},
            json=body({"state": state, "detail": detail, "evidence_pack_ids": evidence_pack_ids}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncDeployments(AsyncAPIResource):
    def list(
        self,
        *,
        environment: ServiceEnvironment | None = None,
        service_id: str | None = None,
        state: DeploymentState | None = None,
        since: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[Deployment]:
        """The deployments feed. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_deployments",
            tenant,
            query={
                "page_size": page_size,
                "environment": environment,
                "service_id": service_id,
                "state": state,
                "since": since,
            },
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    def list_for_service(
        self,
        service_id: str,
        *,
        environment: ServiceEnvironment | None = None,
        state: DeploymentState | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[Deployment]:
        """A service's deployment timeline. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_service_deployments",
            tenant,
            path_params={"service_id": service_id},
            query={"page_size": page_size, "environment": environment, "state": state},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    async def create(
        self,
        service_id: str,
        *,
        version: str,
        environment: ServiceEnvironment,
        commit: str | None = None,
        description: str | None = None,
        evidence_pack_ids: builtins.list[str] | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Deployment:
        """Start a deployment."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_deployment",
            tenant,
            path_params={"service_id": service_id},
            json=body(
                {
                    "version": version,
                    "commit": commit,
                    "environment": environment,
                    "description": description,
                    "evidence_pack_ids": evidence_pack_ids,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def rollback_candidates(
        self,
        service_id: str,
        *,
        environment: Literal["production", "staging", "sandbox"] | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> DeploymentRollbackCandidates:
        """Rollback candidates."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_rollback_candidates",
            tenant,
            path_params={"service_id": service_id},
            query={"environment": environment},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def retrieve(
        self,
        deployment_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Deployment:
        """Get a deployment."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_deployment",
            tenant,
            path_params={"deployment_id": deployment_id},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def advance_stage(
        self,
        deployment_id: str,
        stage: DeploymentStageName,
        *,
        state: Literal["running", "succeeded", "failed"],
        detail: str | None = None,
        evidence_pack_ids: builtins.list[str] | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Deployment:
        """Advance a deployment stage."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "advance_deployment_stage",
            tenant,
            path_params={"deployment_id": deployment_id, "stage": stage},
            json=body({"state": state, "detail": detail, "evidence_pack_ids": evidence_pack_ids}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]
