from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.incident_timeline_entry_kind import IncidentTimelineEntryKind

if TYPE_CHECKING:
    from ..models.incident_timeline_entry_details import IncidentTimelineEntryDetails


T = TypeVar("T", bound="IncidentTimelineEntry")


@_attrs_define
class IncidentTimelineEntry:
    """
    Attributes:
        id (str):
        kind (IncidentTimelineEntryKind):
        author (str):
        at (datetime.datetime):
        text (str):
        details (IncidentTimelineEntryDetails):
    """

    id: str
    kind: IncidentTimelineEntryKind
    author: str
    at: datetime.datetime
    text: str
    details: IncidentTimelineEntryDetails
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        author = self.author

        at = self.at.isoformat()

        text = self.text

        details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "author": author,
                "at": at,
                "text": text,
                "details": details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.incident_timeline_entry_details import IncidentTimelineEntryDetails

        d = dict(src_dict)
        id = d.pop("id")

        kind = IncidentTimelineEntryKind(d.pop("kind"))

        author = d.pop("author")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        text = d.pop("text")

        details = IncidentTimelineEntryDetails.from_dict(d.pop("details"))

        incident_timeline_entry = cls(
            id=id,
            kind=kind,
            author=author,
            at=at,
            text=text,
            details=details,
        )

        incident_timeline_entry.additional_properties = d
        return incident_timeline_entry

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
