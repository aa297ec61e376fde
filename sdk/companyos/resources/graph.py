"""``client.graph`` — the ``graph`` tag (neighbours, changes and paths in the entity graph)."""

from __future__ import annotations

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import GraphChangeList, GraphNeighbourhood, GraphPaths

from ._base import AsyncAPIResource, SyncAPIResource, call_options, purpose_header
from ._ops import op

__all__ = ["AsyncGraph", "Graph"]


class Graph(SyncAPIResource):
    def neighbours(
        self,
        *,
        ref: str,
        depth: int | None = None,
        kinds: str | None = None,
        relations: str | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> GraphNeighbourhood:
        """Neighbours of an entity."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_graph_neighbours",
            tenant,
            query={"ref": ref, "depth": depth, "kinds": kinds, "relations": relations},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def changes(
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
    ) -> GraphChangeList:
        """What changed around an entity."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_graph_changes",
            tenant,
            query={"ref": ref, "since": since, "until": until, "depth": depth},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def paths(
        self,
        *,
        src: str,
        dst: str,
        max_depth: int | None = None,
        limit: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> GraphPaths:
        """Paths between two entities."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_graph_paths",
            tenant,
            query={"src": src, "dst": dst, "max_depth": max_depth, "limit": limit},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncGraph(AsyncAPIResource):
    async def neighbours(
        self,
        *,
        ref: str,
        depth: int | None = None,
        kinds: str | None = None,
        relations: str | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> GraphNeighbourhood:
        """Neighbours of an entity."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_graph_neighbours",
            tenant,
            query={"ref": ref, "depth": depth, "kinds": kinds, "relations": relations},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def changes(
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
    ) -> GraphChangeList:
        """What changed around an entity."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_graph_changes",
            tenant,
            query={"ref": ref, "since": since, "until": until, "depth": depth},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def paths(
        self,
        *,
        src: str,
        dst: str,
        max_depth: int | None = None,
        limit: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> GraphPaths:
        """Paths between two entities."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_graph_paths",
            tenant,
            query={"src": src, "dst": dst, "max_depth": max_depth, "limit": limit},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]
