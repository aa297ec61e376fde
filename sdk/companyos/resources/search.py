"""``client.search`` — the ``search`` tag (entity typeahead)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import SearchResult

from ._base import AsyncAPIResource, SyncAPIResource, call_options, purpose_header
from ._ops import op

if TYPE_CHECKING:
    from companyos._pagination import AsyncPager, SyncPager

__all__ = ["AsyncSearch", "Search"]


class Search(SyncAPIResource):
    def entities(
        self,
        *,
        q: str,
        kinds: str | None = None,
        environment: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[SearchResult]:
        """Search entities (typeahead). Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "search_entities",
            tenant,
            query={"q": q, "kinds": kinds, "environment": environment, "page_size": page_size},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)


class AsyncSearch(AsyncAPIResource):
    def entities(
        self,
        *,
        q: str,
        kinds: str | None = None,
        environment: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[SearchResult]:
        """Search entities (typeahead). Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "search_entities",
            tenant,
            query={"q": q, "kinds": kinds, "environment": environment, "page_size": page_size},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)
