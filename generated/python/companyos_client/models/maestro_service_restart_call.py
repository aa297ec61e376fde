from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_service_restart_call_action import MaestroServiceRestartCallAction

if TYPE_CHECKING:
    from ..models.maestro_service_restart_params import MaestroServiceRestartParams


T = TypeVar("T", bound="MaestroServiceRestartCall")


@_attrs_define
class MaestroServiceRestartCall:
    """
    Attributes:
        action (MaestroServiceRestartCallAction):
        parameters (MaestroServiceRestartParams):
    """

    action: MaestroServiceRestartCallAction
    parameters: MaestroServiceRestartParams

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
        from ..models.maestro_service_restart_params import MaestroServiceRestartParams

        d = dict(src_dict)
        action = MaestroServiceRestartCallAction(d.pop("action"))

        parameters = MaestroServiceRestartParams.from_dict(d.pop("parameters"))

        maestro_service_restart_call = cls(
            action=action,
            parameters=parameters,
        )

        return maestro_service_restart_call
