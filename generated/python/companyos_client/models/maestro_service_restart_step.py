from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.maestro_risk import MaestroRisk
from ..models.maestro_service_restart_step_action import MaestroServiceRestartStepAction
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.maestro_account_lock_call import MaestroAccountLockCall
    from ..models.maestro_credential_rotate_call import MaestroCredentialRotateCall
    from ..models.maestro_deployment_rollback_call import MaestroDeploymentRollbackCall
    from ..models.maestro_flag_toggle_call import MaestroFlagToggleCall
    from ..models.maestro_incident_task_call import MaestroIncidentTaskCall
    from ..models.maestro_retry_policy import MaestroRetryPolicy
    from ..models.maestro_service_isolate_call import MaestroServiceIsolateCall
    from ..models.maestro_service_restart_call import MaestroServiceRestartCall
    from ..models.maestro_service_restart_params import MaestroServiceRestartParams
    from ..models.maestro_service_scale_call import MaestroServiceScaleCall
    from ..models.maestro_tenant_enforce_step_up_call import MaestroTenantEnforceStepUpCall
    from ..models.maestro_tenant_raise_logging_call import MaestroTenantRaiseLoggingCall


T = TypeVar("T", bound="MaestroServiceRestartStep")


@_attrs_define
class MaestroServiceRestartStep:
    """A `service.restart` step.

    Attributes:
        id (str):  Example: restart.
        action (MaestroServiceRestartStepAction):
        parameters (MaestroServiceRestartParams):
        timeout_seconds (int | Unset): Seconds one attempt may take before it counts as failed.
        retries (MaestroRetryPolicy | Unset): Attempts and backoff. After the n-th failure the engine waits a uniformly
            random time in
            `[0, min(max_delay, base_delay × 2^(n-1))]` (exponential backoff with full jitter).
        risk (MaestroRisk | Unset): `high` needs step-up to execute.
        compensation (MaestroAccountLockCall | MaestroCredentialRotateCall | MaestroDeploymentRollbackCall |
            MaestroFlagToggleCall | MaestroIncidentTaskCall | MaestroServiceIsolateCall | MaestroServiceRestartCall |
            MaestroServiceScaleCall | MaestroTenantEnforceStepUpCall | MaestroTenantRaiseLoggingCall | Unset): The action
            (and parameters) that undoes this step; run in reverse order if a later step fails for good.
    """

    id: str
    action: MaestroServiceRestartStepAction
    parameters: MaestroServiceRestartParams
    timeout_seconds: int | Unset = UNSET
    retries: MaestroRetryPolicy | Unset = UNSET
    risk: MaestroRisk | Unset = UNSET
    compensation: (
        MaestroAccountLockCall
        | MaestroCredentialRotateCall
        | MaestroDeploymentRollbackCall
        | MaestroFlagToggleCall
        | MaestroIncidentTaskCall
        | MaestroServiceIsolateCall
        | MaestroServiceRestartCall
        | MaestroServiceScaleCall
        | MaestroTenantEnforceStepUpCall
        | MaestroTenantRaiseLoggingCall
        | Unset
    ) = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.maestro_account_lock_call import MaestroAccountLockCall
        from ..models.maestro_credential_rotate_call import MaestroCredentialRotateCall
        from ..models.maestro_deployment_rollback_call import MaestroDeploymentRollbackCall
        from ..models.maestro_flag_toggle_call import MaestroFlagToggleCall
        from ..models.maestro_incident_task_call import MaestroIncidentTaskCall
        from ..models.maestro_service_restart_call import MaestroServiceRestartCall
        from ..models.maestro_service_scale_call import MaestroServiceScaleCall
        from ..models.maestro_tenant_enforce_step_up_call import MaestroTenantEnforceStepUpCall
        from ..models.maestro_tenant_raise_logging_call import MaestroTenantRaiseLoggingCall

        id = self.id

        action = self.action.value

        parameters = self.parameters.to_dict()

        timeout_seconds = self.timeout_seconds

        retries: dict[str, Any] | Unset = UNSET
        if not isinstance(self.retries, Unset):
            retries = self.retries.to_dict()

        risk: str | Unset = UNSET
        if not isinstance(self.risk, Unset):
            risk = self.risk.value

        compensation: dict[str, Any] | Unset
        if isinstance(self.compensation, Unset):
            compensation = UNSET
        elif (
            isinstance(self.compensation, MaestroDeploymentRollbackCall)
            or isinstance(self.compensation, MaestroServiceRestartCall)
            or isinstance(self.compensation, MaestroServiceScaleCall)
            or isinstance(self.compensation, MaestroFlagToggleCall)
            or isinstance(self.compensation, MaestroAccountLockCall)
            or isinstance(self.compensation, MaestroCredentialRotateCall)
            or isinstance(self.compensation, MaestroIncidentTaskCall)
            or isinstance(self.compensation, MaestroTenantEnforceStepUpCall)
            or isinstance(self.compensation, MaestroTenantRaiseLoggingCall)
        ):
            compensation = self.compensation.to_dict()
        else:
            compensation = self.compensation.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "action": action,
                "parameters": parameters,
            }
        )
        if timeout_seconds is not UNSET:
            field_dict["timeout_seconds"] = timeout_seconds
        if retries is not UNSET:
            field_dict["retries"] = retries
        if risk is not UNSET:
            field_dict["risk"] = risk
        if compensation is not UNSET:
            field_dict["compensation"] = compensation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.maestro_account_lock_call import MaestroAccountLockCall
        from ..models.maestro_credential_rotate_call import MaestroCredentialRotateCall
        from ..models.maestro_deployment_rollback_call import MaestroDeploymentRollbackCall
        from ..models.maestro_flag_toggle_call import MaestroFlagToggleCall
        from ..models.maestro_incident_task_call import MaestroIncidentTaskCall
        from ..models.maestro_retry_policy import MaestroRetryPolicy
        from ..models.maestro_service_isolate_call import MaestroServiceIsolateCall
        from ..models.maestro_service_restart_call import MaestroServiceRestartCall
        from ..models.maestro_service_restart_params import MaestroServiceRestartParams
        from ..models.maestro_service_scale_call import MaestroServiceScaleCall
        from ..models.maestro_tenant_enforce_step_up_call import MaestroTenantEnforceStepUpCall
        from ..models.maestro_tenant_raise_logging_call import MaestroTenantRaiseLoggingCall

        d = dict(src_dict)
        id = d.pop("id")

        action = MaestroServiceRestartStepAction(d.pop("action"))

        parameters = MaestroServiceRestartParams.from_dict(d.pop("parameters"))

        timeout_seconds = d.pop("timeout_seconds", UNSET)

        _retries = d.pop("retries", UNSET)
        retries: MaestroRetryPolicy | Unset
        if isinstance(_retries, Unset):
            retries = UNSET
        else:
            retries = MaestroRetryPolicy.from_dict(_retries)

        _risk = d.pop("risk", UNSET)
        risk: MaestroRisk | Unset
        if isinstance(_risk, Unset):
            risk = UNSET
        else:
            risk = MaestroRisk(_risk)

        def _parse_compensation(
            data: object,
        ) -> (
            MaestroAccountLockCall
            | MaestroCredentialRotateCall
            | MaestroDeploymentRollbackCall
            | MaestroFlagToggleCall
            | MaestroIncidentTaskCall
            | MaestroServiceIsolateCall
            | MaestroServiceRestartCall
            | MaestroServiceScaleCall
            | MaestroTenantEnforceStepUpCall
            | MaestroTenantRaiseLoggingCall
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_maestro_compensation_type_0 = MaestroDeploymentRollbackCall.from_dict(data)

                return componentsschemas_maestro_compensation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_maestro_compensation_type_1 = MaestroServiceRestartCall.from_dict(data)

                return componentsschemas_maestro_compensation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_maestro_compensation_type_2 = MaestroServiceScaleCall.from_dict(data)

                return componentsschemas_maestro_compensation_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_maestro_compensation_type_3 = MaestroFlagToggleCall.from_dict(data)

                return componentsschemas_maestro_compensation_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_maestro_compensation_type_4 = MaestroAccountLockCall.from_dict(data)

                return componentsschemas_maestro_compensation_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_maestro_compensation_type_5 = MaestroCredentialRotateCall.from_dict(data)

                return componentsschemas_maestro_compensation_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_maestro_compensation_type_6 = MaestroIncidentTaskCall.from_dict(data)

                return componentsschemas_maestro_compensation_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_maestro_compensation_type_7 = MaestroTenantEnforceStepUpCall.from_dict(data)

                return componentsschemas_maestro_compensation_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_maestro_compensation_type_8 = MaestroTenantRaiseLoggingCall.from_dict(data)

                return componentsschemas_maestro_compensation_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_maestro_compensation_type_9 = MaestroServiceIsolateCall.from_dict(data)

            return componentsschemas_maestro_compensation_type_9

        compensation = _parse_compensation(d.pop("compensation", UNSET))

        maestro_service_restart_step = cls(
            id=id,
            action=action,
            parameters=parameters,
            timeout_seconds=timeout_seconds,
            retries=retries,
            risk=risk,
            compensation=compensation,
        )

        return maestro_service_restart_step
