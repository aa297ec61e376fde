from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rollout_status import RolloutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rollout_approvals_item import RolloutApprovalsItem
    from ..models.rollout_gates import RolloutGates
    from ..models.rollout_history_item import RolloutHistoryItem


T = TypeVar("T", bound="Rollout")


@_attrs_define
class Rollout:
    """
    Attributes:
        id (str):
        tenant_id (str):
        flag_key (str):
        environment (str):
        stages (list[int]):
        bake_seconds (int):
        gates (RolloutGates):
        requester (str):
        reason (str):
        status (RolloutStatus):
        approvals (list[RolloutApprovalsItem]):
        current_percentage (int):
        history (list[RolloutHistoryItem]): Events: requested, approved, rejected, stage (with gate results), blocked,
            rolled_back, completed.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        plan_id (None | str | Unset): The Maestro plan holding the stages.
        run_id (None | str | Unset): The Maestro run carrying the stages out: each stage is its next step, a rollback
            cancels it (the stages are compensated).
        auto_advance (bool | Unset): Whether the scheduler runs the stages.
        next_stage_at (datetime.datetime | None | Unset): When the next stage may run (its bake ends); null once the
            rollout is over.
    """

    id: str
    tenant_id: str
    flag_key: str
    environment: str
    stages: list[int]
    bake_seconds: int
    gates: RolloutGates
    requester: str
    reason: str
    status: RolloutStatus
    approvals: list[RolloutApprovalsItem]
    current_percentage: int
    history: list[RolloutHistoryItem]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    plan_id: None | str | Unset = UNSET
    run_id: None | str | Unset = UNSET
    auto_advance: bool | Unset = UNSET
    next_stage_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = self.tenant_id

        flag_key = self.flag_key

        environment = self.environment

        stages = self.stages

        bake_seconds = self.bake_seconds

        gates = self.gates.to_dict()

        requester = self.requester

        reason = self.reason

        status = self.status.value

        approvals = []
        for approvals_item_data in self.approvals:
            approvals_item = approvals_item_data.to_dict()
            approvals.append(approvals_item)

        current_percentage = self.current_percentage

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        plan_id: None | str | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        else:
            plan_id = self.plan_id

        run_id: None | str | Unset
        if isinstance(self.run_id, Unset):
            run_id = UNSET
        else:
            run_id = self.run_id

        auto_advance = self.auto_advance

        next_stage_at: None | str | Unset
        if isinstance(self.next_stage_at, Unset):
            next_stage_at = UNSET
        elif isinstance(self.next_stage_at, datetime.datetime):
            next_stage_at = self.next_stage_at.isoformat()
        else:
            next_stage_at = self.next_stage_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "flag_key": flag_key,
                "environment": environment,
                "stages": stages,
                "bake_seconds": bake_seconds,
                "gates": gates,
                "requester": requester,
                "reason": reason,
                "status": status,
                "approvals": approvals,
                "current_percentage": current_percentage,
                "history": history,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id
        if run_id is not UNSET:
            field_dict["run_id"] = run_id
        if auto_advance is not UNSET:
            field_dict["auto_advance"] = auto_advance
        if next_stage_at is not UNSET:
            field_dict["next_stage_at"] = next_stage_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rollout_approvals_item import RolloutApprovalsItem
        from ..models.rollout_gates import RolloutGates
        from ..models.rollout_history_item import RolloutHistoryItem

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        flag_key = d.pop("flag_key")

        environment = d.pop("environment")

        stages = cast(list[int], d.pop("stages"))

        bake_seconds = d.pop("bake_seconds")

        gates = RolloutGates.from_dict(d.pop("gates"))

        requester = d.pop("requester")

        reason = d.pop("reason")

        status = RolloutStatus(d.pop("status"))

        approvals = []
        _approvals = d.pop("approvals")
        for approvals_item_data in _approvals:
            approvals_item = RolloutApprovalsItem.from_dict(approvals_item_data)

            approvals.append(approvals_item)

        current_percentage = d.pop("current_percentage")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = RolloutHistoryItem.from_dict(history_item_data)

            history.append(history_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_plan_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_id = _parse_plan_id(d.pop("plan_id", UNSET))

        def _parse_run_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        run_id = _parse_run_id(d.pop("run_id", UNSET))

        auto_advance = d.pop("auto_advance", UNSET)

        def _parse_next_stage_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_stage_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_stage_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_stage_at = _parse_next_stage_at(d.pop("next_stage_at", UNSET))

        rollout = cls(
            id=id,
            tenant_id=tenant_id,
            flag_key=flag_key,
            environment=environment,
            stages=stages,
            bake_seconds=bake_seconds,
            gates=gates,
            requester=requester,
            reason=reason,
            status=status,
            approvals=approvals,
            current_percentage=current_percentage,
            history=history,
            created_at=created_at,
            updated_at=updated_at,
            plan_id=plan_id,
            run_id=run_id,
            auto_advance=auto_advance,
            next_stage_at=next_stage_at,
        )

        rollout.additional_properties = d
        return rollout

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
