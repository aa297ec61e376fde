"""Types of the ``inspect`` tag (TypedDicts of the spec's schemas)."""

from __future__ import annotations

from typing import TypedDict

from companyos.types import AuditEvent
from companyos.types._shared import GraphChange, GraphEdge, GraphEntity

__all__ = [
    "EntityInspection",
    "InspectAction",
    "InspectLink",
    "InspectNeighbours",
    "InspectWindow",
]


class InspectNeighbours(TypedDict):
    entities: list[GraphEntity]
    edges: list[GraphEdge]


class InspectLink(TypedDict):
    name: str
    url: str


class InspectAction(TypedDict):
    action: str
    allowed: bool
    reasons: list[str]
    requires_step_up: bool


class InspectWindow(TypedDict):
    since: str
    until: str


class EntityInspection(TypedDict):
    entity: GraphEntity
    neighbours: InspectNeighbours
    audit: list[AuditEvent]
    changes: list[GraphChange]
    links: list[InspectLink]
    actions: list[InspectAction]
    window: InspectWindow
