"""``client.policies`` — the ``policies`` tag (catalog, decisions, exceptions, edits with dry-run)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Literal

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import Policy, PolicyDecision, PolicyEditResult, PolicyException, PolicyExceptionStatus

from ._base import AsyncAPIResource, SyncAPIResource, call_options
from ._ops import body, op

if TYPE_CHECKING:
    from companyos._pagination import AsyncPager, SyncPager

__all__ = ["AsyncPolicies", "AsyncPolicyExceptions", "Policies", "PolicyExceptions"]


class PolicyExceptions(SyncAPIResource):
    def list(
        self,
        *,
        policy_id: str | None = None,
        service_id: str | None = None,
        status: PolicyExceptionStatus | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[PolicyException]:
        """List policy exceptions. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_policy_exceptions",
            tenant,
            query={
                "page_size": page_size,
                "policy_id": policy_id,
                "service_id": service_id,
                "status": status,
            },
            **opts,
        )
        return self._client._paginate(spec)

    def create(
        self,
        *,
        policy_id: str,
        reason: str,
        duration_hours: int,
        service_id: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> PolicyException:
        """Request a policy exception for the tenant or one service."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_policy_exception",
            tenant,
            json=body(
                {
                    "policy_id": policy_id,
                    "service_id": service_id,
                    "reason": reason,
                    "duration_hours": duration_hours,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def retrieve(
        self,
        exception_id: str,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> PolicyException:
        """Get a policy exception."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_policy_exception", tenant, path_params={"exception_id": exception_id}, **opts)
        return self._client._request(spec)  # type: ignore[no-any-return]

    def approve(
        self,
        exception_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> PolicyException:
        """Approve a pending policy exception (not by its requester)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "approve_policy_exception",
            tenant,
            path_params={"exception_id": exception_id},
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncPolicyExceptions(AsyncAPIResource):
    def list(
        self,
        *,
        policy_id: str | None = None,
        service_id: str | None = None,
        status: PolicyExceptionStatus | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[PolicyException]:
        """List policy exceptions. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_policy_exceptions",
            tenant,
            query={
                "page_size": page_size,
                "policy_id": policy_id,
                "service_id": service_id,
                "status": status,
            },
            **opts,
        )
        return self._client._paginate(spec)

    async def create(
        self,
        *,
        policy_id: str,
        reason: str,
        duration_hours: int,
        service_id: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> PolicyException:
        """Request a policy exception for the tenant or one service."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_policy_exception",
            tenant,
            json=body(
                {
                    "policy_id": policy_id,
                    "service_id": service_id,
                    "reason": reason,
                    "duration_hours": duration_hours,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def retrieve(
        self,
        exception_id: str,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> PolicyException:
        """Get a policy exception."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_policy_exception", tenant, path_params={"exception_id": exception_id}, **opts)
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def approve(
        self,
        exception_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> PolicyException:
        """Approve a pending policy exception (not by its requester)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "approve_policy_exception",
            tenant,
            path_params={"exception_id": exception_id},
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]


class Policies(SyncAPIResource):
    @property
    def exceptions(self) -> PolicyExceptions:
        return PolicyExceptions(self._client)

    def list(
        self,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[Policy]:
        """The catalog of policies in force. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("list_policies", tenant, **opts)
        return self._client._paginate(spec)

    def decisions(
        self,
        *,
        action: str | None = None,
        outcome: Literal["allow", "deny"] | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[PolicyDecision]:
        """Recent authorization decisions with their reasons. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_policy_decisions",
            tenant,
            query={"page_size": page_size, "action": action, "outcome": outcome},
            **opts,
        )
        return self._client._paginate(spec)

    def retrieve(
        self,
        policy_id: str,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Policy:
        """Get a policy."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_policy", tenant, path_params={"policy_id": policy_id}, **opts)
        return self._client._request(spec)  # type: ignore[no-any-return]

    def update(
        self,
        policy_id: str,
        *,
        effect: Literal["permit", "forbid"],
        actions: builtins.list[str],
        reason: str,
        dry_run: bool | None = None,
        roles: builtins.list[
            Literal["platform_engineer", "sre", "security_analyst", "tenant_admin", "viewer"]
        ]
        | None = None,
        require_mfa: bool | None = None,
        mutations_only: bool | None = None,
        enabled: bool | None = None,
        change_note: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> PolicyEditResult:
        """Create or edit a tenant policy (high-risk; supports dry_run)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "update_policy",
            tenant,
            path_params={"policy_id": policy_id},
            query={"dry_run": dry_run},
            json=body(
                {
                    "effect": effect,
                    "actions": actions,
                    "roles": roles,
                    "require_mfa": require_mfa,
                    "mutations_only": mutations_only,
                    "reason": reason,
                    "enabled": enabled,
                    "change_note": change_note,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def approve_version(
        self,
        policy_id: str,
        version: int,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Policy:
        """Approve a pending tenant policy version that widens permissions (four eyes; high-risk)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "approve_policy_version",
            tenant,
            path_params={"policy_id": policy_id, "version": str(version)},
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def list_versions(
        self,
        policy_id: str,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[Policy]:
        """A tenant policy's versions, newest first. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("list_policy_versions", tenant, path_params={"policy_id": policy_id}, **opts)
        return self._client._paginate(spec)


class AsyncPolicies(AsyncAPIResource):
    @property
    def exceptions(self) -> AsyncPolicyExceptions:
        return AsyncPolicyExceptions(self._client)

    def list(
        self,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[Policy]:
        """The catalog of policies in force. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("list_policies", tenant, **opts)
        return self._client._paginate(spec)

    def decisions(
        self,
        *,
        action: str | None = None,
        outcome: Literal["allow", "deny"] | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[PolicyDecision]:
        """Recent authorization decisions with their reasons. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_policy_decisions",
            tenant,
            query={"page_size": page_size, "action": action, "outcome": outcome},
            **opts,
        )
        return self._client._paginate(spec)

    async def retrieve(
        self,
        policy_id: str,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Policy:
        """Get a policy."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_policy", tenant, path_params={"policy_id": policy_id}, **opts)
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def update(
        self,
        policy_id: str,
        *,
        effect: Literal["permit", "forbid"],
        actions: builtins.list[str],
        reason: str,
        dry_run: bool | None = None,
        roles: builtins.list[
            Literal["platform_engineer", "sre", "security_analyst", "tenant_admin", "viewer"]
        ]
        | None = None,
        require_mfa: bool | None = None,
        mutations_only: bool | None = None,
        enabled: bool | None = None,
        change_note: str | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> PolicyEditResult:
        """Create or edit a tenant policy (high-risk; supports dry_run)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "update_policy",
            tenant,
            path_params={"policy_id": policy_id},
            query={"dry_run": dry_run},
            json=body(
                {
                    "effect": effect,
                    "actions": actions,
                    "roles": roles,
                    "require_mfa": require_mfa,
                    "mutations_only": mutations_only,
                    "reason": reason,
                    "enabled": enabled,
                    "change_note": change_note,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def approve_version(
        self,
        policy_id: str,
        version: int,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Policy:
        """Approve a pending tenant policy version that widens permissions (four eyes; high-risk)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "approve_policy_version",
            tenant,
            path_params={"policy_id": policy_id, "version": str(version)},
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    def list_versions(
        self,
        policy_id: str,
        *,
        tenant: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[Policy]:
        """A tenant policy's versions, newest first. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("list_policy_versions", tenant, path_params={"policy_id": policy_id}, **opts)
        return self._client._paginate(spec)
