"""``client.identity`` — the ``identity`` tag (the calling principal)."""

from __future__ import annotations

from companyos._base_client import RequestSpec
from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import Me

from ._base import AsyncAPIResource, SyncAPIResource, call_options

__all__ = ["AsyncIdentity", "Identity"]


class Identity(SyncAPIResource):
    def me(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Me:
        """The calling principal: subject, tenants and roles, scopes, acr and auth_time."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._request(RequestSpec("GET", "/v1/me", "get_me", **opts))  # type: ignore[no-any-return]


class AsyncIdentity(AsyncAPIResource):
    async def me(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Me:
        """The calling principal: subject, tenants and roles, scopes, acr and auth_time."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return await self._client._request(RequestSpec("GET", "/v1/me", "get_me", **opts))  # type: ignore[no-any-return]
