from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_credential_rotate_call_action import MaestroCredentialRotateCallAction

if TYPE_CHECKING:
    from ..models.maestro_credential_rotate_params import MaestroCredentialRotateParams


T = TypeVar("T", bound="MaestroCredentialRotateCall")


@_attrs_define
class MaestroCredentialRotateCall:
    """
    Attributes:
        action (MaestroCredentialRotateCallAction):
        parameters (MaestroCredentialRotateParams):
    """

    action: MaestroCredentialRotateCallAction
    parameters: MaestroCredentialRotateParams

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
        from ..models.maestro_credential_rotate_params import MaestroCredentialRotateParams

        d = dict(src_dict)
        action = MaestroCredentialRotateCallAction(d.pop("action"))

        parameters = MaestroCredentialRotateParams.from_dict(d.pop("parameters"))

        maestro_credential_rotate_call = cls(
            action=action,
            parameters=parameters,
        )

        return maestro_credential_rotate_call
