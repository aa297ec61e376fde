from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.incident_severity import IncidentSeverity
from ..models.incident_status import IncidentStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="IncidentUpdate")


@_attrs_define
class IncidentUpdate:
    """
    Attributes:
        title (str | Unset):
        summary (str | Unset):
        severity (IncidentSeverity | Unset):
        status (IncidentStatus | Unset):
        status_note (str | Unset): Added to the status change's timeline entry.
        service_ids (list[str] | Unset):
    """

    title: str | Unset = UNSET
    summary: str | Unset = UNSET
    severity: IncidentSeverity | Unset = UNSET
    status: IncidentStatus | Unset = UNSET
    status_note: str | Unset = UNSET
    service_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        summary = self.summary

        severity: str | Unset = UNSET
        if not isinstance(self.severity, Unset):
            severity = self.severity.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        status_note = self.status_note

        service_ids: list[str] | Unset = UNSET
        if not isinstance(self.service_ids, Unset):
            service_ids = self.service_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if summary is not UNSET:
            field_dict["summary"] = summary
        if severity is not UNSET:
            field_dict["severity"] = severity
        if status is not UNSET:
            field_dict["status"] = status
        if status_note is not UNSET:
            field_dict["status_note"] = status_note
        if service_ids is not UNSET:
            field_dict["service_ids"] = service_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        summary = d.pop("summary", UNSET)

        _severity = d.pop("severity", UNSET)
        severity: IncidentSeverity | Unset
        if isinstance(_severity, Unset):
            severity = UNSET
        else:
            severity = IncidentSeverity(_severity)

        _status = d.pop("status", UNSET)
        status: IncidentStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = IncidentStatus(_status)

        status_note = d.pop("status_note", UNSET)

        service_ids = cast(list[str], d.pop("service_ids", UNSET))

        incident_update = cls(
            title=title,
            summary=summary,
            severity=severity,
            status=status,
            status_note=status_note,
            service_ids=service_ids,
        )

        return incident_update
