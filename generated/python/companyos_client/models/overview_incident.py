from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.incident_severity import IncidentSeverity
from ..models.incident_status import IncidentStatus

T = TypeVar("T", bound="OverviewIncident")


@_attrs_define
class OverviewIncident:
    """
    Attributes:
        id (str):
        title (str):
        severity (IncidentSeverity):
        status (IncidentStatus):
        service_ids (list[str]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    title: str
    severity: IncidentSeverity
    status: IncidentStatus
    service_ids: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        severity = self.severity.value

        status = self.status.value

        service_ids = self.service_ids

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "severity": severity,
                "status": status,
                "service_ids": service_ids,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        severity = IncidentSeverity(d.pop("severity"))

        status = IncidentStatus(d.pop("status"))

        service_ids = cast(list[str], d.pop("service_ids"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        overview_incident = cls(
            id=id,
            title=title,
            severity=severity,
            status=status,
            service_ids=service_ids,
            created_at=created_at,
            updated_at=updated_at,
        )

        overview_incident.additional_properties = d
        return overview_incident

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
