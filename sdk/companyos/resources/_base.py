"""Shared pieces of resource classes: the client reference and per-call options."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from companyos._types import NOT_GIVEN, Headers, NotGiven, Query, TimeoutTypes

if TYPE_CHECKING:
    from companyos._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncAPIResource", "SyncAPIResource", "call_options", "purpose_header"]


class SyncAPIResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


def call_options(
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
) -> dict[str, Any]:
    return {
        "extra_headers": extra_headers,
        "extra_query": extra_query,
        "timeout": timeout,
        "max_retries": max_retries,
    }


def purpose_header(purpose: str | None) -> dict[str, str]:
    """``X-CompanyOS-Purpose``: why a cross-tenant read is made (needs the ``tenants:cross`` scope)."""
    return {"X-CompanyOS-Purpose": purpose} if purpose else {}
