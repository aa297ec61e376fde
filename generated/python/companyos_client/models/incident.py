from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.incident_severity import IncidentSeverity
from ..models.incident_status import IncidentStatus

if TYPE_CHECKING:
    from ..models.incident_checklist_item import IncidentChecklistItem
    from ..models.incident_dashboard import IncidentDashboard
    from ..models.incident_responder import IncidentResponder
    from ..models.incident_task import IncidentTask
    from ..models.incident_timeline_entry import IncidentTimelineEntry


T = TypeVar("T", bound="Incident")


@_attrs_define
class Incident:
    """
    Attributes:
        id (str):
        tenant_id (str):  Example: acme.
        title (str):
        summary (str):
        severity (IncidentSeverity):
        status (IncidentStatus):
        service_ids (list[str]):
        source_alert_id (None | str):
        responders (list[IncidentResponder]):
        dashboards (list[IncidentDashboard]):
        tasks (list[IncidentTask]):
        checklist (list[IncidentChecklistItem]):
        timeline (list[IncidentTimelineEntry]):
        created_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        resolved_at (datetime.datetime | None):
    """

    id: str
    tenant_id: str
    title: str
    summary: str
    severity: IncidentSeverity
    status: IncidentStatus
    service_ids: list[str]
    source_alert_id: None | str
    responders: list[IncidentResponder]
    dashboards: list[IncidentDashboard]
    tasks: list[IncidentTask]
    checklist: list[IncidentChecklistItem]
    timeline: list[IncidentTimelineEntry]
    created_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    resolved_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = self.tenant_id

        title = self.title

        summary = self.summary

        severity = self.severity.value

        status = self.status.value

        service_ids = self.service_ids

        source_alert_id: None | str
        source_alert_id = self.source_alert_id

        responders = []
        for responders_item_data in self.responders:
            responders_item = responders_item_data.to_dict()
            responders.append(responders_item)

        dashboards = []
        for dashboards_item_data in self.dashboards:
            dashboards_item = dashboards_item_data.to_dict()
            dashboards.append(dashboards_item)

        tasks = []
        for tasks_item_data in self.tasks:
            tasks_item = tasks_item_data.to_dict()
            tasks.append(tasks_item)

        checklist = []
        for checklist_item_data in self.checklist:
            checklist_item = checklist_item_data.to_dict()
            checklist.append(checklist_item)

        timeline = []
        for timeline_item_data in self.timeline:
            timeline_item = timeline_item_data.to_dict()
            timeline.append(timeline_item)

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "title": title,
                "summary": summary,
                "severity": severity,
                "status": status,
                "service_ids": service_ids,
                "source_alert_id": source_alert_id,
                "responders": responders,
                "dashboards": dashboards,
                "tasks": tasks,
                "checklist": checklist,
                "timeline": timeline,
                "created_by": created_by,
                "created_at": created_at,
                "updated_at": updated_at,
                "resolved_at": resolved_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.incident_checklist_item import IncidentChecklistItem
        from ..models.incident_dashboard import IncidentDashboard
        from ..models.incident_responder import IncidentResponder
        from ..models.incident_task import IncidentTask
        from ..models.incident_timeline_entry import IncidentTimelineEntry

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        title = d.pop("title")

        summary = d.pop("summary")

        severity = IncidentSeverity(d.pop("severity"))

        status = IncidentStatus(d.pop("status"))

        service_ids = cast(list[str], d.pop("service_ids"))

        def _parse_source_alert_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_alert_id = _parse_source_alert_id(d.pop("source_alert_id"))

        responders = []
        _responders = d.pop("responders")
        for responders_item_data in _responders:
            responders_item = IncidentResponder.from_dict(responders_item_data)

            responders.append(responders_item)

        dashboards = []
        _dashboards = d.pop("dashboards")
        for dashboards_item_data in _dashboards:
            dashboards_item = IncidentDashboard.from_dict(dashboards_item_data)

            dashboards.append(dashboards_item)

        tasks = []
        _tasks = d.pop("tasks")
        for tasks_item_data in _tasks:
            tasks_item = IncidentTask.from_dict(tasks_item_data)

            tasks.append(tasks_item)

        checklist = []
        _checklist = d.pop("checklist")
        for checklist_item_data in _checklist:
            checklist_item = IncidentChecklistItem.from_dict(checklist_item_data)

            checklist.append(checklist_item)

        timeline = []
        _timeline = d.pop("timeline")
        for timeline_item_data in _timeline:
            timeline_item = IncidentTimelineEntry.from_dict(timeline_item_data)

            timeline.append(timeline_item)

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        incident = cls(
            id=id,
            tenant_id=tenant_id,
            title=title,
            summary=summary,
            severity=severity,
            status=status,
            service_ids=service_ids,
            source_alert_id=source_alert_id,
            responders=responders,
            dashboards=dashboards,
            tasks=tasks,
            checklist=checklist,
            timeline=timeline,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
            resolved_at=resolved_at,
        )

        incident.additional_properties = d
        return incident

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
