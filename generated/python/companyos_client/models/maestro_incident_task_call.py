from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_incident_task_call_action import MaestroIncidentTaskCallAction

if TYPE_CHECKING:
    from ..models.maestro_incident_task_params import MaestroIncidentTaskParams


T = TypeVar("T", bound="MaestroIncidentTaskCall")


@_attrs_define
class MaestroIncidentTaskCall:
    """
    Attributes:
        action (MaestroIncidentTaskCallAction):
        parameters (MaestroIncidentTaskParams):
    """

    action: MaestroIncidentTaskCallAction
    parameters: MaestroIncidentTaskParams

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "parameters": parameters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.maestro_incident_task_params import MaestroIncidentTaskParams

        d = dict(src_dict)
        action = MaestroIncidentTaskCallAction(d.pop("action"))

        parameters = MaestroIncidentTaskParams.from_dict(d.pop("parameters"))

        maestro_incident_task_call = cls(
            action=action,
            parameters=parameters,
        )

        return maestro_incident_task_call
