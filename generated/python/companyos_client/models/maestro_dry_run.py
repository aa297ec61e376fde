from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.maestro_risk import MaestroRisk

if TYPE_CHECKING:
    from ..models.maestro_step_impact import MaestroStepImpact


T = TypeVar("T", bound="MaestroDryRun")


@_attrs_define
class MaestroDryRun:
    """
    Example:
        {'plan_id': 'plan_01hzx7c9v3m1q2w3e4r5t6y7u8', 'plan_version': 1, 'plan_name': 'Roll back checkout', 'risk':
            'high', 'requires_step_up': True, 'adapter': 'recording', 'changes_made': False, 'steps': [{'step_id':
            'rollback', 'action': 'deployment.rollback', 'target': 'dep_checkout_42', 'change': 'Deployment dep_checkout_42
            is rolled back to the previous good deployment.', 'risk': 'high', 'requires_step_up': True, 'timeout_seconds':
            300, 'max_attempts': 3, 'compensation': None}]}

    Attributes:
        plan_id (str):
        plan_version (int):
        plan_name (str):
        risk (MaestroRisk): `high` needs step-up to execute.
        requires_step_up (bool): Whether executing needs a fresh multi-factor sign-in for this caller.
        adapter (str): The platform adapter that would apply the effects.
        steps (list[MaestroStepImpact]):
        changes_made (bool):
    """

    plan_id: str
    plan_version: int
    plan_name: str
    risk: MaestroRisk
    requires_step_up: bool
    adapter: str
    steps: list[MaestroStepImpact]
    changes_made: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        plan_version = self.plan_version

        plan_name = self.plan_name

        risk = self.risk.value

        requires_step_up = self.requires_step_up

        adapter = self.adapter

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        changes_made = self.changes_made

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan_id": plan_id,
                "plan_version": plan_version,
                "plan_name": plan_name,
                "risk": risk,
                "requires_step_up": requires_step_up,
                "adapter": adapter,
                "steps": steps,
                "changes_made": changes_made,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.maestro_step_impact import MaestroStepImpact

        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        plan_version = d.pop("plan_version")

        plan_name = d.pop("plan_name")

        risk = MaestroRisk(d.pop("risk"))

        requires_step_up = d.pop("requires_step_up")

        adapter = d.pop("adapter")

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = MaestroStepImpact.from_dict(steps_item_data)

            steps.append(steps_item)

        changes_made = d.pop("changes_made")

        maestro_dry_run = cls(
            plan_id=plan_id,
            plan_version=plan_version,
            plan_name=plan_name,
            risk=risk,
            requires_step_up=requires_step_up,
            adapter=adapter,
            steps=steps,
            changes_made=changes_made,
        )

        maestro_dry_run.additional_properties = d
        return maestro_dry_run

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
