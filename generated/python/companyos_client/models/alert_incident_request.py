from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.incident_severity import IncidentSeverity
from ..types import UNSET, Unset

T = TypeVar("T", bound="AlertIncidentRequest")


@_attrs_define
class AlertIncidentRequest:
    """
    Attributes:
        title (str | Unset):
        summary (str | Unset):
        severity (IncidentSeverity | Unset):
    """

    title: str | Unset = UNSET
    summary: str | Unset = UNSET
    severity: IncidentSeverity | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        summary = self.summary

        severity: str | Unset = UNSET
        if not isinstance(self.severity, Unset):
            severity = self.severity.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if summary is not UNSET:
            field_dict["summary"] = summary
        if severity is not UNSET:
            field_dict["severity"] = severity

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

        alert_incident_request = cls(
            title=title,
            summary=summary,
            severity=severity,
        )

        return alert_incident_request
