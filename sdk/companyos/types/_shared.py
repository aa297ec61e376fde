"""Types of the ``_shared`` schemas shared by several tags (TypedDicts of the spec's schemas)."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

__all__ = [
    "GraphChange",
    "GraphEdge",
    "GraphEntity",
    "Incident",
    "IncidentChecklistItem",
    "IncidentDashboard",
    "IncidentResponder",
    "IncidentResponderRole",
    "IncidentSeverity",
    "IncidentStatus",
    "IncidentTask",
    "IncidentTimelineEntry",
    "ServiceEnvironment",
]

IncidentSeverity = Literal["sev1", "sev2", "sev3", "sev4"]

IncidentStatus = Literal["investigating", "identified", "monitoring", "resolved"]

IncidentResponderRole = Literal["commander", "comms", "ops"]

ServiceEnvironment = Literal["production", "staging", "sandbox"]


class IncidentResponder(TypedDict):
    subject: str
    role: IncidentResponderRole
    added_by: str
    added_at: str


class IncidentDashboard(TypedDict):
    url: str
    title: str
    added_by: str
    added_at: str


class IncidentTask(TypedDict):
    ref: str
    title: str
    added_by: str
    added_at: str


class IncidentChecklistItem(TypedDict):
    id: str
    position: int
    text: str
    checked: bool
    checked_by: str | None
    checked_at: str | None


class IncidentTimelineEntry(TypedDict):
    id: str
    kind: Literal["note", "status_change", "action", "alert"]
    author: str
    at: str
    text: str
    details: dict[str, Any]


class Incident(TypedDict):
    id: str
    tenant_id: str
    title: str
    summary: str
    severity: IncidentSeverity
    status: IncidentStatus
    service_ids: list[str]
    source_alert_id: str | None
    responders: list[IncidentResponder]
    dashboards: list[IncidentDashboard]
    tasks: list[IncidentTask]
    checklist: list[IncidentChecklistItem]
    timeline: list[IncidentTimelineEntry]
    created_by: str
    created_at: str
    updated_at: str
    resolved_at: str | None


class GraphEntity(TypedDict):
    ref: str
    kind: str
    id: str
    name: str
    attributes: dict[str, Any]
    exists: bool
    depth: NotRequired[int]
    updated_at: NotRequired[str | None]


class GraphEdge(TypedDict):
    src: str
    relation: str
    dst: str
    attributes: dict[str, Any]
    created_at: NotRequired[str]


class GraphChange(TypedDict):
    id: str
    ref: str
    actor: str | None
    action: str
    summary: str
    details: dict[str, Any]
    at: str
