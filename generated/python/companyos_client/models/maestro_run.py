from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.maestro_risk import MaestroRisk
from ..models.maestro_run_state import MaestroRunState

if TYPE_CHECKING:
    from ..models.maestro_run_inputs import MaestroRunInputs
    from ..models.maestro_run_progress import MaestroRunProgress
    from ..models.maestro_run_step import MaestroRunStep


T = TypeVar("T", bound="MaestroRun")


@_attrs_define
class MaestroRun:
    """
    Attributes:
        id (str):
        tenant_id (str):
        plan_id (str):
        plan_version (int):
        plan_name (str):
        state (MaestroRunState):
        risk (MaestroRisk): `high` needs step-up to execute.
        current_step (None | str):
        progress (MaestroRunProgress):
        steps (list[MaestroRunStep]):
        reason (str):
        inputs (MaestroRunInputs):
        job_id (None | str): The job executing the run (GET …/jobs/{job_id}).
        created_by (str):
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
        cancel_requested (bool):
        recoveries (int): How many times the run was resumed after its worker died.
        error (None | str):
        evidence_pack_id (None | str): The Data Spine evidence pack of the run.
    """

    id: str
    tenant_id: str
    plan_id: str
    plan_version: int
    plan_name: str
    state: MaestroRunState
    risk: MaestroRisk
    current_step: None | str
    progress: MaestroRunProgress
    steps: list[MaestroRunStep]
    reason: str
    inputs: MaestroRunInputs
    job_id: None | str
    created_by: str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    cancel_requested: bool
    recoveries: int
    error: None | str
    evidence_pack_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = self.tenant_id

        plan_id = self.plan_id

        plan_version = self.plan_version

        plan_name = self.plan_name

        state = self.state.value

        risk = self.risk.value

        current_step: None | str
        current_step = self.current_step

        progress = self.progress.to_dict()

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        reason = self.reason

        inputs = self.inputs.to_dict()

        job_id: None | str
        job_id = self.job_id

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        cancel_requested = self.cancel_requested

        recoveries = self.recoveries

        error: None | str
        error = self.error

        evidence_pack_id: None | str
        evidence_pack_id = self.evidence_pack_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "plan_id": plan_id,
                "plan_version": plan_version,
                "plan_name": plan_name,
                "state": state,
                "risk": risk,
                "current_step": current_step,
                "progress": progress,
                "steps": steps,
                "reason": reason,
                "inputs": inputs,
                "job_id": job_id,
                "created_by": created_by,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
                "cancel_requested": cancel_requested,
                "recoveries": recoveries,
                "error": error,
                "evidence_pack_id": evidence_pack_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.maestro_run_inputs import MaestroRunInputs
        from ..models.maestro_run_progress import MaestroRunProgress
        from ..models.maestro_run_step import MaestroRunStep

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        plan_id = d.pop("plan_id")

        plan_version = d.pop("plan_version")

        plan_name = d.pop("plan_name")

        state = MaestroRunState(d.pop("state"))

        risk = MaestroRisk(d.pop("risk"))

        def _parse_current_step(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_step = _parse_current_step(d.pop("current_step"))

        progress = MaestroRunProgress.from_dict(d.pop("progress"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = MaestroRunStep.from_dict(steps_item_data)

            steps.append(steps_item)

        reason = d.pop("reason")

        inputs = MaestroRunInputs.from_dict(d.pop("inputs"))

        def _parse_job_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        job_id = _parse_job_id(d.pop("job_id"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        cancel_requested = d.pop("cancel_requested")

        recoveries = d.pop("recoveries")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_evidence_pack_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evidence_pack_id = _parse_evidence_pack_id(d.pop("evidence_pack_id"))

        maestro_run = cls(
            id=id,
            tenant_id=tenant_id,
            plan_id=plan_id,
            plan_version=plan_version,
            plan_name=plan_name,
            state=state,
            risk=risk,
            current_step=current_step,
            progress=progress,
            steps=steps,
            reason=reason,
            inputs=inputs,
            job_id=job_id,
            created_by=created_by,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            cancel_requested=cancel_requested,
            recoveries=recoveries,
            error=error,
            evidence_pack_id=evidence_pack_id,
        )

        maestro_run.additional_properties = d
        return maestro_run

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
