from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.maestro_risk import MaestroRisk

T = TypeVar("T", bound="MaestroStepImpact")


@_attrs_define
class MaestroStepImpact:
    """
    Attributes:
        step_id (str):
        action (str):
        target (None | str):
        change (str): What would change.
        risk (MaestroRisk): `high` needs step-up to execute.
        requires_step_up (bool):
        timeout_seconds (int):
        max_attempts (int):
        compensation (None | str): What the compensation would undo.
    """

    step_id: str
    action: str
    target: None | str
    change: str
    risk: MaestroRisk
    requires_step_up: bool
    timeout_seconds: int
    max_attempts: int
    compensation: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        step_id = self.step_id

        action = self.action

        target: None | str
        target = self.target

        change = self.change

        risk = self.risk.value

        requires_step_up = self.requires_step_up

        timeout_seconds = self.timeout_seconds

        max_attempts = self.max_attempts

        compensation: None | str
        compensation = self.compensation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "step_id": step_id,
                "action": action,
                "target": target,
                "change": change,
                "risk": risk,
                "requires_step_up": requires_step_up,
                "timeout_seconds": timeout_seconds,
                "max_attempts": max_attempts,
                "compensation": compensation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        step_id = d.pop("step_id")

        action = d.pop("action")

        def _parse_target(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target = _parse_target(d.pop("target"))

        change = d.pop("change")

        risk = MaestroRisk(d.pop("risk"))

        requires_step_up = d.pop("requires_step_up")

        timeout_seconds = d.pop("timeout_seconds")

        max_attempts = d.pop("max_attempts")

        def _parse_compensation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        compensation = _parse_compensation(d.pop("compensation"))

        maestro_step_impact = cls(
            step_id=step_id,
            action=action,
            target=target,
            change=change,
            risk=risk,
            requires_step_up=requires_step_up,
            timeout_seconds=timeout_seconds,
            max_attempts=max_attempts,
            compensation=compensation,
        )

        maestro_step_impact.additional_properties = d
        return maestro_step_impact

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
