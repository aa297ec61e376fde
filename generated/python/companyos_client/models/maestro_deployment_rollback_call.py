from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_deployment_rollback_call_action import MaestroDeploymentRollbackCallAction

if TYPE_CHECKING:
    from ..models.maestro_deployment_rollback_params import MaestroDeploymentRollbackParams


T = TypeVar("T", bound="MaestroDeploymentRollbackCall")


@_attrs_define
class MaestroDeploymentRollbackCall:
    """
    Attributes:
        action (MaestroDeploymentRollbackCallAction):
        parameters (MaestroDeploymentRollbackParams):
    """

    action: MaestroDeploymentRollbackCallAction
    parameters: MaestroDeploymentRollbackParams

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
        from ..models.maestro_deployment_rollback_params import MaestroDeploymentRollbackParams

        d = dict(src_dict)
        action = MaestroDeploymentRollbackCallAction(d.pop("action"))

        parameters = MaestroDeploymentRollbackParams.from_dict(d.pop("parameters"))

        maestro_deployment_rollback_call = cls(
            action=action,
            parameters=parameters,
        )

        return maestro_deployment_rollback_call
