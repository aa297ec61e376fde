from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.incident_responder_role import IncidentResponderRole

T = TypeVar("T", bound="IncidentResponderCreate")


@_attrs_define
class IncidentResponderCreate:
    """
    Attributes:
        subject (str):
        role (IncidentResponderRole):
    """

    subject: str
    role: IncidentResponderRole

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject": subject,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        subject = d.pop("subject")

        role = IncidentResponderRole(d.pop("role"))

        incident_responder_create = cls(
            subject=subject,
            role=role,
        )

        return incident_responder_create
