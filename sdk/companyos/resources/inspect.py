"""``client.inspect`` — the ``inspect`` tag (one entity with its neighbours, audit, changes, links and actions)."""

from __future__ import annotations

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import EntityInspection

from ._base import AsyncAPIResource, SyncAPIResource, call_options, purpose_header
from ._ops import op

__all__ = ["AsyncInspect", "Inspect"]


class Inspect(SyncAPIResource):
    def entity(
        self,
        *,
        ref: str,
        since: str | None = None,
        until: str | None = None,
        depth: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> EntityInspection:
        """Inspect an entity."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "inspect_entity",
            tenant,
            query={"ref": ref, "since": since, "until": until, "depth": depth},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncInspect(AsyncAPIResource):
    async def entity(
        self,
        *,
        ref: str,
        since: str | None = None,
        until: str | None = None,
        depth: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> EntityInspection:
        """Inspect an entity."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "inspect_entity",
            tenant,
            query={"ref": ref, "since": since, "until": until, "depth": depth},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]
