from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.incident_severity import IncidentSeverity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.incident_dashboard_create import IncidentDashboardCreate
    from ..models.incident_responder_create import IncidentResponderCreate


T = TypeVar("T", bound="IncidentCreate")


@_attrs_define
class IncidentCreate:
    """
    Attributes:
        title (str):
        severity (IncidentSeverity):
        summary (str | Unset):
        alert_id (str | Unset): Open from this alert (idempotent).
        service_ids (list[str] | Unset):
        responders (list[IncidentResponderCreate] | Unset):
        dashboards (list[IncidentDashboardCreate] | Unset):
        checklist (list[str] | Unset):
    """

    title: str
    severity: IncidentSeverity
    summary: str | Unset = UNSET
    alert_id: str | Unset = UNSET
    service_ids: list[str] | Unset = UNSET
    responders: list[IncidentResponderCreate] | Unset = UNSET
    dashboards: list[IncidentDashboardCreate] | Unset = UNSET
    checklist: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        severity = self.severity.value

        summary = self.summary

        alert_id = self.alert_id

        service_ids: list[str] | Unset = UNSET
        if not isinstance(self.service_ids, Unset):
            service_ids = self.service_ids

        responders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.responders, Unset):
            responders = []
            for responders_item_data in self.responders:
                responders_item = responders_item_data.to_dict()
                responders.append(responders_item)

        dashboards: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.dashboards, Unset):
            dashboards = []
            for dashboards_item_data in self.dashboards:
                dashboards_item = dashboards_item_data.to_dict()
                dashboards.append(dashboards_item)

        checklist: list[str] | Unset = UNSET
        if not isinstance(self.checklist, Unset):
            checklist = self.checklist

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "severity": severity,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary
        if alert_id is not UNSET:
            field_dict["alert_id"] = alert_id
        if service_ids is not UNSET:
            field_dict["service_ids"] = service_ids
        if responders is not UNSET:
            field_dict["responders"] = responders
        if dashboards is not UNSET:
            field_dict["dashboards"] = dashboards
        if checklist is not UNSET:
            field_dict["checklist"] = checklist

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.incident_dashboard_create import IncidentDashboardCreate
        from ..models.incident_responder_create import IncidentResponderCreate

        d = dict(src_dict)
        title = d.pop("title")

        severity = IncidentSeverity(d.pop("severity"))

        summary = d.pop("summary", UNSET)

        alert_id = d.pop("alert_id", UNSET)

        service_ids = cast(list[str], d.pop("service_ids", UNSET))

        _responders = d.pop("responders", UNSET)
        responders: list[IncidentResponderCreate] | Unset = UNSET
        if _responders is not UNSET:
            responders = []
            for responders_item_data in _responders:
                responders_item = IncidentResponderCreate.from_dict(responders_item_data)

                responders.append(responders_item)

        _dashboards = d.pop("dashboards", UNSET)
        dashboards: list[IncidentDashboardCreate] | Unset = UNSET
        if _dashboards is not UNSET:
            dashboards = []
            for dashboards_item_data in _dashboards:
                dashboards_item = IncidentDashboardCreate.from_dict(dashboards_item_data)

                dashboards.append(dashboards_item)

        checklist = cast(list[str], d.pop("checklist", UNSET))

        incident_create = cls(
            title=title,
            severity=severity,
            summary=summary,
            alert_id=alert_id,
            service_ids=service_ids,
            responders=responders,
            dashboards=dashboards,
            checklist=checklist,
        )

        return incident_create
