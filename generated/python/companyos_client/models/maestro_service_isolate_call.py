from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_service_isolate_call_action import MaestroServiceIsolateCallAction

if TYPE_CHECKING:
    from ..models.maestro_service_isolate_params import MaestroServiceIsolateParams


T = TypeVar("T", bound="MaestroServiceIsolateCall")


@_attrs_define
class MaestroServiceIsolateCall:
    """
    Attributes:
        action (MaestroServiceIsolateCallAction):
        parameters (MaestroServiceIsolateParams): Isolate the service (new deployments refused, rollouts gated on it
            stopped); `release` undoes it.
    """

    action: MaestroServiceIsolateCallAction
    parameters: MaestroServiceIsolateParams

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
        from ..models.maestro_service_isolate_params import MaestroServiceIsolateParams

        d = dict(src_dict)
        action = MaestroServiceIsolateCallAction(d.pop("action"))

        parameters = MaestroServiceIsolateParams.from_dict(d.pop("parameters"))

        maestro_service_isolate_call = cls(
            action=action,
            parameters=parameters,
        )

        return maestro_service_isolate_call
