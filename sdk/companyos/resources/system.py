"""``client.system`` — the ``system`` tag (liveness, readiness, signing keys; no authentication needed)."""

from __future__ import annotations

from typing import Literal

from companyos._base_client import RequestSpec
from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import Health, Readiness, SigningKeySet

from ._base import AsyncAPIResource, SyncAPIResource, call_options

__all__ = ["AsyncSystem", "System"]


class System(SyncAPIResource):
    def health(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Health:
        """Liveness probe."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._request(RequestSpec("GET", "/v1/health", "get_health", **opts))  # type: ignore[no-any-return]

    def readiness(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Readiness:
        """Readiness probe (``status`` is ``not_ready`` with the failing checks; raises on 503)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._request(RequestSpec("GET", "/v1/ready", "get_readiness", **opts))  # type: ignore[no-any-return]

    def signing_keys(
        self,
        *,
        use: Literal["audit", "evidence"] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SigningKeySet:
        """The public keys that sign audit events and evidence packs (pin them for offline checks)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = RequestSpec("GET", "/v1/signing-keys", "list_signing_keys", query={"use": use}, **opts)
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncSystem(AsyncAPIResource):
    async def health(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Health:
        """Liveness probe."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return await self._client._request(RequestSpec("GET", "/v1/health", "get_health", **opts))  # type: ignore[no-any-return]

    async def readiness(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Readiness:
        """Readiness probe (``status`` is ``not_ready`` with the failing checks; raises on 503)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return await self._client._request(RequestSpec("GET", "/v1/ready", "get_readiness", **opts))  # type: ignore[no-any-return]

    async def signing_keys(
        self,
        *,
        use: Literal["audit", "evidence"] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SigningKeySet:
        """The public keys that sign audit events and evidence packs (pin them for offline checks)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = RequestSpec("GET", "/v1/signing-keys", "list_signing_keys", query={"use": use}, **opts)
        return await self._client._request(spec)  # type: ignore[no-any-return]
