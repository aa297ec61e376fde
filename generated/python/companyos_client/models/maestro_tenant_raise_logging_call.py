from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_tenant_raise_logging_call_action import MaestroTenantRaiseLoggingCallAction

if TYPE_CHECKING:
    from ..models.maestro_tenant_raise_logging_params import MaestroTenantRaiseLoggingParams


T = TypeVar("T", bound="MaestroTenantRaiseLoggingCall")


@_attrs_define
class MaestroTenantRaiseLoggingCall:
    """
    Attributes:
        action (MaestroTenantRaiseLoggingCallAction):
        parameters (MaestroTenantRaiseLoggingParams): The tenant's reads are audited too for `hours`; 0 restores the
            usual logging.
    """

    action: MaestroTenantRaiseLoggingCallAction
    parameters: MaestroTenantRaiseLoggingParams

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
        from ..models.maestro_tenant_raise_logging_params import MaestroTenantRaiseLoggingParams

        d = dict(src_dict)
        action = MaestroTenantRaiseLoggingCallAction(d.pop("action"))

        parameters = MaestroTenantRaiseLoggingParams.from_dict(d.pop("parameters"))

        maestro_tenant_raise_logging_call = cls(
            action=action,
            parameters=parameters,
        )

        return maestro_tenant_raise_logging_call
