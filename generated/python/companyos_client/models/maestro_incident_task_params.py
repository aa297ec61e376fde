from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MaestroIncidentTaskParams")


@_attrs_define
class MaestroIncidentTaskParams:
    """
    Attributes:
        incident_id (str):  Example: inc_checkout.
        title (str):
        assignee (str | Unset):
    """

    incident_id: str
    title: str
    assignee: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        incident_id = self.incident_id

        title = self.title

        assignee = self.assignee

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "incident_id": incident_id,
                "title": title,
            }
        )
        if assignee is not UNSET:
            field_dict["assignee"] = assignee

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        incident_id = d.pop("incident_id")

        title = d.pop("title")

        assignee = d.pop("assignee", UNSET)

        maestro_incident_task_params = cls(
            incident_id=incident_id,
            title=title,
            assignee=assignee,
        )

        return maestro_incident_task_params
