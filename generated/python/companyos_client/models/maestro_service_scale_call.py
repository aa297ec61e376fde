from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_service_scale_call_action import MaestroServiceScaleCallAction

if TYPE_CHECKING:
    from ..models.maestro_service_scale_params import MaestroServiceScaleParams


T = TypeVar("T", bound="MaestroServiceScaleCall")


@_attrs_define
class MaestroServiceScaleCall:
    """
    Attributes:
        action (MaestroServiceScaleCallAction):
        parameters (MaestroServiceScaleParams):
    """

    action: MaestroServiceScaleCallAction
    parameters: MaestroServiceScaleParams

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
        from ..models.maestro_service_scale_params import MaestroServiceScaleParams

        d = dict(src_dict)
        action = MaestroServiceScaleCallAction(d.pop("action"))

        parameters = MaestroServiceScaleParams.from_dict(d.pop("parameters"))

        maestro_service_scale_call = cls(
            action=action,
            parameters=parameters,
        )

        return maestro_service_scale_call
