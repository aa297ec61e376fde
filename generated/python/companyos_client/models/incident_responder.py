from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.incident_responder_role import IncidentResponderRole

T = TypeVar("T", bound="IncidentResponder")


@_attrs_define
class IncidentResponder:
    """
    Attributes:
        subject (str):
        role (IncidentResponderRole):
        added_by (str):
        added_at (datetime.datetime):
    """

    subject: str
    role: IncidentResponderRole
    added_by: str
    added_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        role = self.role.value

        added_by = self.added_by

        added_at = self.added_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subject": subject,
                "role": role,
                "added_by": added_by,
                "added_at": added_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        subject = d.pop("subject")

        role = IncidentResponderRole(d.pop("role"))

        added_by = d.pop("added_by")

        added_at = datetime.datetime.fromisoformat(d.pop("added_at"))

        incident_responder = cls(
            subject=subject,
            role=role,
            added_by=added_by,
            added_at=added_at,
        )

        incident_responder.additional_properties = d
        return incident_responder

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
