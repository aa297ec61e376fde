"""``client.evidence`` — the ``evidence`` tag (signed evidence packs, archives, lineage; verify offline with ``companyos.evidence``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import EvidenceLineage, EvidencePack

from ._base import AsyncAPIResource, SyncAPIResource, call_options, purpose_header
from ._ops import content, op

if TYPE_CHECKING:
    from companyos._pagination import AsyncPager, SyncPager

__all__ = ["AsyncEvidence", "Evidence"]


class Evidence(SyncAPIResource):
    def list(
        self,
        *,
        subject: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[EvidencePack]:
        """List evidence packs. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_evidence_packs",
            tenant,
            query={"page_size": page_size, "subject": subject},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    def retrieve(
        self,
        pack_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> EvidencePack:
        """Get an evidence pack."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_evidence_pack",
            tenant,
            path_params={"pack_id": pack_id},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def download(
        self,
        pack_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Download an evidence pack archive (bytes)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "download_evidence_pack",
            tenant,
            path_params={"pack_id": pack_id},
            headers={**purpose_header(purpose), "Accept": "*/*"},
            cast=content,
            **opts,
        )
        return self._client._request(spec)  # type: ignore[no-any-return]

    def lineage(
        self,
        *,
        ref: str,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> EvidenceLineage:
        """Lineage of an entity."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_lineage", tenant, query={"ref": ref}, headers=purpose_header(purpose), **opts)
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncEvidence(AsyncAPIResource):
    def list(
        self,
        *,
        subject: str | None = None,
        page_size: int | None = None,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[EvidencePack]:
        """List evidence packs. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "list_evidence_packs",
            tenant,
            query={"page_size": page_size, "subject": subject},
            headers=purpose_header(purpose),
            **opts,
        )
        return self._client._paginate(spec)

    async def retrieve(
        self,
        pack_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> EvidencePack:
        """Get an evidence pack."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "get_evidence_pack",
            tenant,
            path_params={"pack_id": pack_id},
            headers=purpose_header(purpose),
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def download(
        self,
        pack_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Download an evidence pack archive (bytes)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op(
            "download_evidence_pack",
            tenant,
            path_params={"pack_id": pack_id},
            headers={**purpose_header(purpose), "Accept": "*/*"},
            cast=content,
            **opts,
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def lineage(
        self,
        *,
        ref: str,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> EvidenceLineage:
        """Lineage of an entity."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = op("get_lineage", tenant, query={"ref": ref}, headers=purpose_header(purpose), **opts)
        return await self._client._request(spec)  # type: ignore[no-any-return]
