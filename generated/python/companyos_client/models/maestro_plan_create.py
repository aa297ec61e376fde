from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_risk import MaestroRisk
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.maestro_account_lock_step import MaestroAccountLockStep
    from ..models.maestro_credential_rotate_step import MaestroCredentialRotateStep
    from ..models.maestro_deployment_rollback_step import MaestroDeploymentRollbackStep
    from ..models.maestro_flag_toggle_step import MaestroFlagToggleStep
    from ..models.maestro_incident_task_step import MaestroIncidentTaskStep
    from ..models.maestro_service_isolate_step import MaestroServiceIsolateStep
    from ..models.maestro_service_restart_step import MaestroServiceRestartStep
    from ..models.maestro_service_scale_step import MaestroServiceScaleStep
    from ..models.maestro_tenant_enforce_step_up_step import MaestroTenantEnforceStepUpStep
    from ..models.maestro_tenant_raise_logging_step import MaestroTenantRaiseLoggingStep
    from ..models.maestro_wait_step import MaestroWaitStep


T = TypeVar("T", bound="MaestroPlanCreate")


@_attrs_define
class MaestroPlanCreate:
    """
    Attributes:
        name (str):
        steps (list[MaestroAccountLockStep | MaestroCredentialRotateStep | MaestroDeploymentRollbackStep |
            MaestroFlagToggleStep | MaestroIncidentTaskStep | MaestroServiceIsolateStep | MaestroServiceRestartStep |
            MaestroServiceScaleStep | MaestroTenantEnforceStepUpStep | MaestroTenantRaiseLoggingStep | MaestroWaitStep]):
        description (str | Unset):
        risk (MaestroRisk | Unset): `high` needs step-up to execute.
    """

    name: str
    steps: list[
        MaestroAccountLockStep
        | MaestroCredentialRotateStep
        | MaestroDeploymentRollbackStep
        | MaestroFlagToggleStep
        | MaestroIncidentTaskStep
        | MaestroServiceIsolateStep
        | MaestroServiceRestartStep
        | MaestroServiceScaleStep
        | MaestroTenantEnforceStepUpStep
        | MaestroTenantRaiseLoggingStep
        | MaestroWaitStep
    ]
    description: str | Unset = UNSET
    risk: MaestroRisk | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.maestro_account_lock_step import MaestroAccountLockStep
        from ..models.maestro_credential_rotate_step import MaestroCredentialRotateStep
        from ..models.maestro_deployment_rollback_step import MaestroDeploymentRollbackStep
        from ..models.maestro_flag_toggle_step import MaestroFlagToggleStep
        from ..models.maestro_incident_task_step import MaestroIncidentTaskStep
        from ..models.maestro_service_restart_step import MaestroServiceRestartStep
        from ..models.maestro_service_scale_step import MaestroServiceScaleStep
        from ..models.maestro_tenant_enforce_step_up_step import MaestroTenantEnforceStepUpStep
        from ..models.maestro_tenant_raise_logging_step import MaestroTenantRaiseLoggingStep
        from ..models.maestro_wait_step import MaestroWaitStep

        name = self.name

        steps = []
        for steps_item_data in self.steps:
            steps_item: dict[str, Any]
            if (
                isinstance(steps_item_data, MaestroDeploymentRollbackStep)
                or isinstance(steps_item_data, MaestroServiceRestartStep)
                or isinstance(steps_item_data, MaestroServiceScaleStep)
                or isinstance(steps_item_data, MaestroFlagToggleStep)
                or isinstance(steps_item_data, MaestroAccountLockStep)
                or isinstance(steps_item_data, MaestroCredentialRotateStep)
                or isinstance(steps_item_data, MaestroIncidentTaskStep)
                or isinstance(steps_item_data, MaestroWaitStep)
                or isinstance(steps_item_data, MaestroTenantEnforceStepUpStep)
                or isinstance(steps_item_data, MaestroTenantRaiseLoggingStep)
            ):
                steps_item = steps_item_data.to_dict()
            else:
                steps_item = steps_item_data.to_dict()

            steps.append(steps_item)

        description = self.description

        risk: str | Unset = UNSET
        if not isinstance(self.risk, Unset):
            risk = self.risk.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "steps": steps,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if risk is not UNSET:
            field_dict["risk"] = risk

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.maestro_account_lock_step import MaestroAccountLockStep
        from ..models.maestro_credential_rotate_step import MaestroCredentialRotateStep
        from ..models.maestro_deployment_rollback_step import MaestroDeploymentRollbackStep
        from ..models.maestro_flag_toggle_step import MaestroFlagToggleStep
        from ..models.maestro_incident_task_step import MaestroIncidentTaskStep
        from ..models.maestro_service_isolate_step import MaestroServiceIsolateStep
        from ..models.maestro_service_restart_step import MaestroServiceRestartStep
        from ..models.maestro_service_scale_step import MaestroServiceScaleStep
        from ..models.maestro_tenant_enforce_step_up_step import MaestroTenantEnforceStepUpStep
        from ..models.maestro_tenant_raise_logging_step import MaestroTenantRaiseLoggingStep
        from ..models.maestro_wait_step import MaestroWaitStep

        d = dict(src_dict)
        name = d.pop("name")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:

            def _parse_steps_item(
                data: object,
            ) -> (
                MaestroAccountLockStep
                | MaestroCredentialRotateStep
                | MaestroDeploymentRollbackStep
                | MaestroFlagToggleStep
                | MaestroIncidentTaskStep
                | MaestroServiceIsolateStep
                | MaestroServiceRestartStep
                | MaestroServiceScaleStep
                | MaestroTenantEnforceStepUpStep
                | MaestroTenantRaiseLoggingStep
                | MaestroWaitStep
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_maestro_step_type_0 = MaestroDeploymentRollbackStep.from_dict(data)

                    return componentsschemas_maestro_step_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_maestro_step_type_1 = MaestroServiceRestartStep.from_dict(data)

                    return componentsschemas_maestro_step_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_maestro_step_type_2 = MaestroServiceScaleStep.from_dict(data)

                    return componentsschemas_maestro_step_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_maestro_step_type_3 = MaestroFlagToggleStep.from_dict(data)

                    return componentsschemas_maestro_step_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_maestro_step_type_4 = MaestroAccountLockStep.from_dict(data)

                    return componentsschemas_maestro_step_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_maestro_step_type_5 = MaestroCredentialRotateStep.from_dict(data)

                    return componentsschemas_maestro_step_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_maestro_step_type_6 = MaestroIncidentTaskStep.from_dict(data)

                    return componentsschemas_maestro_step_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_maestro_step_type_7 = MaestroWaitStep.from_dict(data)

                    return componentsschemas_maestro_step_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_maestro_step_type_8 = MaestroTenantEnforceStepUpStep.from_dict(data)

                    return componentsschemas_maestro_step_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_maestro_step_type_9 = MaestroTenantRaiseLoggingStep.from_dict(data)

                    return componentsschemas_maestro_step_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_maestro_step_type_10 = MaestroServiceIsolateStep.from_dict(data)

                return componentsschemas_maestro_step_type_10

            steps_item = _parse_steps_item(steps_item_data)

            steps.append(steps_item)

        description = d.pop("description", UNSET)

        _risk = d.pop("risk", UNSET)
        risk: MaestroRisk | Unset
        if isinstance(_risk, Unset):
            risk = UNSET
        else:
            risk = MaestroRisk(_risk)

        maestro_plan_create = cls(
            name=name,
            steps=steps,
            description=description,
            risk=risk,
        )

        return maestro_plan_create
