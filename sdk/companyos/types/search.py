"""Types of the ``search`` tag (TypedDicts of the spec's schemas)."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

__all__ = [
    "SearchMatch",
    "SearchResult",
    "SearchResults",
]

SearchMatch = Literal["exact", "prefix", "name", "body"]


class SearchResult(TypedDict):
    ref: str
    kind: str
    id: str
    name: str
    environment: NotRequired[str | None]
    match: SearchMatch
    attributes: dict[str, Any]


class SearchResults(TypedDict):
    query: str
    items: list[SearchResult]
    next_page_token: NotRequired[str | None]
