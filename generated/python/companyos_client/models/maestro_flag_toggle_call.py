from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_flag_toggle_call_action import MaestroFlagToggleCallAction

if TYPE_CHECKING:
    from ..models.maestro_flag_toggle_params import MaestroFlagToggleParams


T = TypeVar("T", bound="MaestroFlagToggleCall")


@_attrs_define
class MaestroFlagToggleCall:
    """
    Attributes:
        action (MaestroFlagToggleCallAction):
        parameters (MaestroFlagToggleParams):
    """

    action: MaestroFlagToggleCallAction
    parameters: MaestroFlagToggleParams

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
        from ..models.maestro_flag_toggle_params import MaestroFlagToggleParams

        d = dict(src_dict)
        action = MaestroFlagToggleCallAction(d.pop("action"))

        parameters = MaestroFlagToggleParams.from_dict(d.pop("parameters"))

        maestro_flag_toggle_call = cls(
            action=action,
            parameters=parameters,
        )

        return maestro_flag_toggle_call
