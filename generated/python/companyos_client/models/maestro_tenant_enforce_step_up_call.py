from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_tenant_enforce_step_up_call_action import MaestroTenantEnforceStepUpCallAction

if TYPE_CHECKING:
    from ..models.maestro_tenant_enforce_step_up_params import MaestroTenantEnforceStepUpParams


T = TypeVar("T", bound="MaestroTenantEnforceStepUpCall")


@_attrs_define
class MaestroTenantEnforceStepUpCall:
    """
    Attributes:
        action (MaestroTenantEnforceStepUpCallAction):
        parameters (MaestroTenantEnforceStepUpParams): Every change by a person in the tenant needs a recent MFA sign-in
            for `hours`; 0 lifts it.
    """

    action: MaestroTenantEnforceStepUpCallAction
    parameters: MaestroTenantEnforceStepUpParams

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
        from ..models.maestro_tenant_enforce_step_up_params import MaestroTenantEnforceStepUpParams

        d = dict(src_dict)
        action = MaestroTenantEnforceStepUpCallAction(d.pop("action"))

        parameters = MaestroTenantEnforceStepUpParams.from_dict(d.pop("parameters"))

        maestro_tenant_enforce_step_up_call = cls(
            action=action,
            parameters=parameters,
        )

        return maestro_tenant_enforce_step_up_call
