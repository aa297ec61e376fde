from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MaestroServiceVerificationErrorBudget")


@_attrs_define
class MaestroServiceVerificationErrorBudget:
    """
    Attributes:
        remaining_at_action (float | None):
        remaining_at_end (float | None):
        delta (float | None):
    """

    remaining_at_action: float | None
    remaining_at_end: float | None
    delta: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        remaining_at_action: float | None
        remaining_at_action = self.remaining_at_action

        remaining_at_end: float | None
        remaining_at_end = self.remaining_at_end

        delta: float | None
        delta = self.delta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "remaining_at_action": remaining_at_action,
                "remaining_at_end": remaining_at_end,
                "delta": delta,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_remaining_at_action(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        remaining_at_action = _parse_remaining_at_action(d.pop("remaining_at_action"))

        def _parse_remaining_at_end(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        remaining_at_end = _parse_remaining_at_end(d.pop("remaining_at_end"))

        def _parse_delta(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        delta = _parse_delta(d.pop("delta"))

        maestro_service_verification_error_budget = cls(
            remaining_at_action=remaining_at_action,
            remaining_at_end=remaining_at_end,
            delta=delta,
        )

        maestro_service_verification_error_budget.additional_properties = d
        return maestro_service_verification_error_budget

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
