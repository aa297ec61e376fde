"""``client.jobs`` — the ``jobs`` tag (long-running work: state, progress, ETA, cancel, retry)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from companyos._base_client import RequestSpec
from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes
from companyos.types import Job, JobState

from ._base import AsyncAPIResource, SyncAPIResource, call_options, purpose_header

if TYPE_CHECKING:
    from companyos._pagination import AsyncPager, SyncPager

__all__ = ["AsyncJobs", "Jobs"]

_JOBS = "/v1/tenants/{tenant_id}/jobs"
_JOB = _JOBS + "/{job_id}"


def _bytes(response: httpx.Response) -> bytes:
    return response.content


def _list(tenant: str | None, state: JobState | None, kind: str | None, page_size: int | None,
          purpose: str | None, **o: Any) -> RequestSpec:  # fmt: skip
    query = {"state": state, "kind": kind, "page_size": page_size}
    return RequestSpec(
        "GET", _JOBS, "list_jobs", tenant=tenant, query=query, headers=purpose_header(purpose), **o
    )


def _job(method: str, suffix: str, op: str, job_id: str, tenant: str | None, **o: Any) -> RequestSpec:
    return RequestSpec(method, _JOB + suffix, op, path_params={"job_id": job_id}, tenant=tenant, **o)


class Jobs(SyncAPIResource):
    def list(
        self,
        *,
        tenant: str | None = None,
        state: JobState | None = None,
        kind: str | None = None,
        page_size: int | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[Job]:
        """List jobs, newest first. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._paginate(_list(tenant, state, kind, page_size, purpose, **opts))

    def retrieve(
        self,
        job_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Get a job: state, progress (done/total), throughput, ETA and errors."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = _job("GET", "", "get_job", job_id, tenant, headers=purpose_header(purpose), **opts)
        return self._client._request(spec)  # type: ignore[no-any-return]

    def cancel(
        self,
        job_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Cancel a job."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = _job("POST", "/cancel", "cancel_job", job_id, tenant, idempotency_key=idempotency_key, **opts)
        return self._client._request(spec)  # type: ignore[no-any-return]

    def retry(
        self,
        job_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Retry a failed or cancelled job."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = _job("POST", "/retry", "retry_job", job_id, tenant, idempotency_key=idempotency_key, **opts)
        return self._client._request(spec)  # type: ignore[no-any-return]

    def artifact(
        self,
        job_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Download a job's result file (bytes)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        headers = {**purpose_header(purpose), "Accept": "*/*"}
        spec = _job(
            "GET", "/artifact", "get_job_artifact", job_id, tenant, headers=headers, cast=_bytes, **opts
        )
        return self._client._request(spec)  # type: ignore[no-any-return]


class AsyncJobs(AsyncAPIResource):
    def list(
        self,
        *,
        tenant: str | None = None,
        state: JobState | None = None,
        kind: str | None = None,
        page_size: int | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[Job]:
        """List jobs, newest first. Pages are fetched lazily."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        return self._client._paginate(_list(tenant, state, kind, page_size, purpose, **opts))

    async def retrieve(
        self,
        job_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Get a job: state, progress (done/total), throughput, ETA and errors."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = _job("GET", "", "get_job", job_id, tenant, headers=purpose_header(purpose), **opts)
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def cancel(
        self,
        job_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Cancel a job."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = _job("POST", "/cancel", "cancel_job", job_id, tenant, idempotency_key=idempotency_key, **opts)
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def retry(
        self,
        job_id: str,
        *,
        tenant: str | None = None,
        idempotency_key: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Job:
        """Retry a failed or cancelled job."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        spec = _job("POST", "/retry", "retry_job", job_id, tenant, idempotency_key=idempotency_key, **opts)
        return await self._client._request(spec)  # type: ignore[no-any-return]

    async def artifact(
        self,
        job_id: str,
        *,
        tenant: str | None = None,
        purpose: str | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Download a job's result file (bytes)."""
        opts = call_options(extra_headers, extra_query, timeout, max_retries)
        headers = {**purpose_header(purpose), "Accept": "*/*"}
        spec = _job(
            "GET", "/artifact", "get_job_artifact", job_id, tenant, headers=headers, cast=_bytes, **opts
        )
        return await self._client._request(spec)  # type: ignore[no-any-return]
