from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.maestro_risk import MaestroRisk

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


T = TypeVar("T", bound="MaestroPlan")


@_attrs_define
class MaestroPlan:
    """
    Example:
        {'id': 'plan_01hzx7c9v3m1q2w3e4r5t6y7u8', 'name': 'Restart checkout', 'description': '', 'version': 2, 'risk':
            'normal', 'effective_risk': 'normal', 'steps': [{'id': 'restart', 'action': 'service.restart', 'parameters':
            {'service_id': 'svc_checkout'}, 'timeout_seconds': 300, 'retries': {'max_attempts': 3, 'base_delay': 1,
            'max_delay': 10}, 'risk': 'normal'}], 'created_by': 'usr_alice', 'created_at': '2026-11-01T09:00:00Z',
            'updated_at': '2026-11-01T09:05:00Z'}

    Attributes:
        id (str):  Example: plan_01hzx7c9v3m1q2w3e4r5t6y7u8.
        name (str):
        description (str):
        version (int):
        risk (MaestroRisk): `high` needs step-up to execute.
        effective_risk (MaestroRisk): `high` needs step-up to execute.
        steps (list[MaestroAccountLockStep | MaestroCredentialRotateStep | MaestroDeploymentRollbackStep |
            MaestroFlagToggleStep | MaestroIncidentTaskStep | MaestroServiceIsolateStep | MaestroServiceRestartStep |
            MaestroServiceScaleStep | MaestroTenantEnforceStepUpStep | MaestroTenantRaiseLoggingStep | MaestroWaitStep]):
        created_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    name: str
    description: str
    version: int
    risk: MaestroRisk
    effective_risk: MaestroRisk
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
    created_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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

        id = self.id

        name = self.name

        description = self.description

        version = self.version

        risk = self.risk.value

        effective_risk = self.effective_risk.value

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

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "version": version,
                "risk": risk,
                "effective_risk": effective_risk,
                "steps": steps,
                "created_by": created_by,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

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
        id = d.pop("id")

        name = d.pop("name")

        description = d.pop("description")

        version = d.pop("version")

        risk = MaestroRisk(d.pop("risk"))

        effective_risk = MaestroRisk(d.pop("effective_risk"))

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

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        maestro_plan = cls(
            id=id,
            name=name,
            description=description,
            version=version,
            risk=risk,
            effective_risk=effective_risk,
            steps=steps,
            created_by=created_by,
            created_at=created_at,
            updated_at=updated_at,
        )

        maestro_plan.additional_properties = d
        return maestro_plan

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
