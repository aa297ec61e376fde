"""``client.tenant_config`` — the ``tenant_config`` tag (config versions and diff, feature flags, residency, admin actions)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Literal

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import (
    TenantAdminAction,
    TenantConfigDiff,
    TenantConfigDocument,
    TenantConfigVersion,
    TenantConfigVersionSummary,
    TenantFlag,
    TenantFlagEvaluation,
    TenantFlagOverride,
    TenantFlagRule,
    TenantResidencyPosture,
)

from ._base import AsyncAPIResource, SyncAPIResource, call_options, purpose_header
from ._ops import body, no_content, op

if TYPE_CHECKING:
    from companyos._pagination import AsyncPager, SyncPager

__all__ = ["AsyncFlags", "AsyncTenantConfig", "Flags", "TenantConfig"]


class Flags(SyncAPIResource):
    def list(
        self,
        *,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[TenantFlag]:
        """List feature flags. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_tenant_flags",
            tenant,
            query={"page_size": page_size},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    def create(
        self,
        *,
        key: str,
        description: str | None = None,
        enabled: bool | None = None,
        variants: dict[str, Any] | None = None,
        default_variant: str | None = None,
        rules: builtins.list[TenantFlagRule] | None = None,
        override: TenantFlagOverride | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantFlag:
        """Create a feature flag."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_tenant_flag",
            tenant,
            json=body(
                {
                    "key": key,
                    "description": description,
                    "enabled": enabled,
                    "variants": variants,
                    "default_variant": default_variant,
                    "rules": rules,
                    "override": override,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def retrieve(
        self,
        flag_key: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantFlag:
        """Get a feature flag."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_tenant_flag",
            tenant,
            path_params={"flag_key": flag_key},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def update(
        self,
        flag_key: str,
        *,
        description: str | None = None,
        enabled: bool | None = None,
        variants: dict[str, Any] | None = None,
        default_variant: str | None = None,
        rules: builtins.list[TenantFlagRule] | None = None,
        override: TenantFlagOverride | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantFlag:
        """Update a feature flag."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "update_tenant_flag",
            tenant,
            path_params={"flag_key": flag_key},
            json=body(
                {
                    "description": description,
                    "enabled": enabled,
                    "variants": variants,
                    "default_variant": default_variant,
                    "rules": rules,
                    "override": override,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def delete(
        self,
        flag_key: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a feature flag."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "delete_tenant_flag",
            tenant,
            path_params={"flag_key": flag_key},
            idempotency_key=idempotency_key,
            cast=no_content,
            **opts,
        )
        self._client._request(spec)

    def evaluate(
        self,
        flag_key: str,
        *,
        environment: Literal["production", "staging", "sandbox"] | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantFlagEvaluation:
        """Evaluate a feature flag."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "evaluate_tenant_flag",
            tenant,
            path_params={"flag_key": flag_key},
            query={"environment": environment},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncFlags(AsyncAPIResource):
    def list(
        self,
        *,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[TenantFlag]:
        """List feature flags. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_tenant_flags",
            tenant,
            query={"page_size": page_size},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    async def create(
        self,
        *,
        key: str,
        description: str | None = None,
        enabled: bool | None = None,
        variants: dict[str, Any] | None = None,
        default_variant: str | None = None,
        rules: builtins.list[TenantFlagRule] | None = None,
        override: TenantFlagOverride | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantFlag:
        """Create a feature flag."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "create_tenant_flag",
            tenant,
            json=body(
                {
                    "key": key,
                    "description": description,
                    "enabled": enabled,
                    "variants": variants,
                    "default_variant": default_variant,
                    "rules": rules,
                    "override": override,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def retrieve(
        self,
        flag_key: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantFlag:
        """Get a feature flag."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_tenant_flag",
            tenant,
            path_params={"flag_key": flag_key},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def update(
        self,
        flag_key: str,
        *,
        description: str | None = None,
        enabled: bool | None = None,
        variants: dict[str, Any] | None = None,
        default_variant: str | None = None,
        rules: builtins.list[TenantFlagRule] | None = None,
        override: TenantFlagOverride | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantFlag:
        """Update a feature flag."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "update_tenant_flag",
            tenant,
            path_params={"flag_key": flag_key},
            json=body(
                {
                    "description": description,
                    "enabled": enabled,
                    "variants": variants,
                    "default_variant": default_variant,
                    "rules": rules,
                    "override": override,
                }
            ),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def delete(
        self,
        flag_key: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete a feature flag."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "delete_tenant_flag",
            tenant,
            path_params={"flag_key": flag_key},
            idempotency_key=idempotency_key,
            cast=no_content,
            **opts,
        )
        await self._client._request(spec)

    async def evaluate(
        self,
        flag_key: str,
        *,
        environment: Literal["production", "staging", "sandbox"] | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantFlagEvaluation:
        """Evaluate a feature flag."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "evaluate_tenant_flag",
            tenant,
            path_params={"flag_key": flag_key},
            query={"environment": environment},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]


class TenantConfig(SyncAPIResource):
    @property
    def flags(self) -> Flags:
        return Flags(self._client)

    def retrieve(
        self,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantConfigVersion:
        """The current configuration."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_tenant_config", tenant, headers=purpose_header(purpose), **opts)
        return self._client._request(spec)  # type: ignore[no-any-return]

    def update(
        self,
        *,
        document: TenantConfigDocument,
        message: str,
        base_version: int | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantConfigVersion:
        """Save a new configuration version."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "put_tenant_config",
            tenant,
            json=body({"document": document, "message": message, "base_version": base_version}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def list_versions(
        self,
        *,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[TenantConfigVersionSummary]:
        """Configuration history. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_tenant_config_versions",
            tenant,
            query={"page_size": page_size},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    def retrieve_version(
        self,
        version: int,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantConfigVersion:
        """One configuration version."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_tenant_config_version",
            tenant,
            path_params={"version": str(version)},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def diff(
        self,
        *,
        from_: int,
        to: int,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantConfigDiff:
        """Diff two configuration versions."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "diff_tenant_config",
            tenant,
            query={"from": from_, "to": to},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def residency(
        self,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantResidencyPosture:
        """Data residency posture."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_tenant_residency", tenant, headers=purpose_header(purpose), **opts)
        return self._client._request(spec)  # type: ignore[no-any-return]

    def admin_actions(
        self,
        *,
        since: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[TenantAdminAction]:
        """Recent admin actions. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_tenant_admin_actions",
            tenant,
            query={"page_size": page_size, "since": since},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)


class AsyncTenantConfig(AsyncAPIResource):
    @property
    def flags(self) -> AsyncFlags:
        return AsyncFlags(self._client)

    async def retrieve(
        self,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantConfigVersion:
        """The current configuration."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_tenant_config", tenant, headers=purpose_header(purpose), **opts)
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def update(
        self,
        *,
        document: TenantConfigDocument,
        message: str,
        base_version: int | None = None,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantConfigVersion:
        """Save a new configuration version."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "put_tenant_config",
            tenant,
            json=body({"document": document, "message": message, "base_version": base_version}),
            idempotency_key=idempotency_key,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    def list_versions(
        self,
        *,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[TenantConfigVersionSummary]:
        """Configuration history. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_tenant_config_versions",
            tenant,
            query={"page_size": page_size},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    async def retrieve_version(
        self,
        version: int,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantConfigVersion:
        """One configuration version."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_tenant_config_version",
            tenant,
            path_params={"version": str(version)},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def diff(
        self,
        *,
        from_: int,
        to: int,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantConfigDiff:
        """Diff two configuration versions."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "diff_tenant_config",
            tenant,
            query={"from": from_, "to": to},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def residency(
        self,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> TenantResidencyPosture:
        """Data residency posture."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_tenant_residency", tenant, headers=purpose_header(purpose), **opts)
        return await self._client._request(spec)  # type: ignore[no-any-return]

    def admin_actions(
        self,
        *,
        since: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[TenantAdminAction]:
        """Recent admin actions. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_tenant_admin_actions",
            tenant,
            query={"page_size": page_size, "since": since},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)
