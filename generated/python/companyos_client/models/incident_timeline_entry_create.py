from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.incident_timeline_entry_create_kind import IncidentTimelineEntryCreateKind

T = TypeVar("T", bound="IncidentTimelineEntryCreate")


@_attrs_define
class IncidentTimelineEntryCreate:
    """
    Attributes:
        kind (IncidentTimelineEntryCreateKind): `status_change` and `alert` entries are written by the platform.
        text (str):
    """

    kind: IncidentTimelineEntryCreateKind
    text: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = IncidentTimelineEntryCreateKind(d.pop("kind"))

        text = d.pop("text")

        incident_timeline_entry_create = cls(
            kind=kind,
            text=text,
        )

        return incident_timeline_entry_create
