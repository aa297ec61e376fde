from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_account_lock_call_action import MaestroAccountLockCallAction

if TYPE_CHECKING:
    from ..models.maestro_account_lock_params import MaestroAccountLockParams


T = TypeVar("T", bound="MaestroAccountLockCall")


@_attrs_define
class MaestroAccountLockCall:
    """
    Attributes:
        action (MaestroAccountLockCallAction):
        parameters (MaestroAccountLockParams):
    """

    action: MaestroAccountLockCallAction
    parameters: MaestroAccountLockParams

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
        from ..models.maestro_account_lock_params import MaestroAccountLockParams

        d = dict(src_dict)
        action = MaestroAccountLockCallAction(d.pop("action"))

        parameters = MaestroAccountLockParams.from_dict(d.pop("parameters"))

        maestro_account_lock_call = cls(
            action=action,
            parameters=parameters,
        )

        return maestro_account_lock_call
