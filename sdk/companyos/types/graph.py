"""Types of the ``graph`` tag (TypedDicts of the spec's schemas)."""

from __future__ import annotations

from typing import TypedDict

from companyos.types._shared import GraphChange, GraphEdge, GraphEntity

__all__ = [
    "GraphChangeList",
    "GraphNeighbourhood",
    "GraphPaths",
]


class GraphNeighbourhood(TypedDict):
    root: GraphEntity
    entities: list[GraphEntity]
    edges: list[GraphEdge]
    truncated: bool


class GraphChangeList(TypedDict):
    ref: str
    since: str
    until: str
    items: list[GraphChange]


class GraphPaths(TypedDict):
    src: str
    dst: str
    paths: list[list[GraphEdge]]
