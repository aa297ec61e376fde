"""Cursor pagination (``page_size`` / ``page_token`` → ``items`` / ``next_page_token``), fetched lazily."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    import httpx

    from companyos._base_client import AsyncAPIClient, RequestSpec, SyncAPIClient

__all__ = ["AsyncPager", "Page", "SyncPager"]

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_page_token: str | None
    http_response: httpx.Response

    def __iter__(self) -> Iterator[T]:  # type: ignore[override]
        return iter(self.items)

    def has_next_page(self) -> bool:
        return bool(self.next_page_token)


def _page(response: httpx.Response) -> Page[Any]:
    body = response.json()
    return Page(
        items=list(body.get("items") or []),
        next_page_token=body.get("next_page_token"),
        http_response=response,
    )


def _spec_for(spec: RequestSpec, token: str | None) -> RequestSpec:
    return replace(spec, query={**(spec.query or {}), "page_token": token}, cast=_page)


class SyncPager(Generic[T]):
    """Iterate items across pages (each page fetched when needed); ``.pages()`` yields whole pages."""

    def __init__(self, client: SyncAPIClient, spec: RequestSpec) -> None:
        self._client = client
        self._spec = spec

    def pages(self) -> Iterator[Page[T]]:
        token: str | None = (self._spec.query or {}).get("page_token")
        while True:
            page: Page[T] = self._client._request(_spec_for(self._spec, token))
            yield page
            if not page.next_page_token:
                return
            token = page.next_page_token

    def first_page(self) -> Page[T]:
        return next(self.pages())

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items


class AsyncPager(Generic[T]):
    """``async for item in client.x.list()``; ``async for page in ....pages()``."""

    def __init__(self, client: AsyncAPIClient, spec: RequestSpec) -> None:
        self._client = client
        self._spec = spec

    async def pages(self) -> AsyncIterator[Page[T]]:
        token: str | None = (self._spec.query or {}).get("page_token")
        while True:
            page: Page[T] = await self._client._request(_spec_for(self._spec, token))
            yield page
            if not page.next_page_token:
                return
            token = page.next_page_token

    async def first_page(self) -> Page[T]:
        async for page in self.pages():
            return page
        raise RuntimeError("unreachable")  # pragma: no cover

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item
