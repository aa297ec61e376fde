from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MaestroServiceVerificationBurnDownItem")


@_attrs_define
class MaestroServiceVerificationBurnDownItem:
    """
    Attributes:
        at (datetime.datetime):
        good (int):
        total (int):
        error_rate (float | None):
        budget_remaining (float | None):
    """

    at: datetime.datetime
    good: int
    total: int
    error_rate: float | None
    budget_remaining: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        good = self.good

        total = self.total

        error_rate: float | None
        error_rate = self.error_rate

        budget_remaining: float | None
        budget_remaining = self.budget_remaining

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "good": good,
                "total": total,
                "error_rate": error_rate,
                "budget_remaining": budget_remaining,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        good = d.pop("good")

        total = d.pop("total")

        def _parse_error_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        error_rate = _parse_error_rate(d.pop("error_rate"))

        def _parse_budget_remaining(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        budget_remaining = _parse_budget_remaining(d.pop("budget_remaining"))

        maestro_service_verification_burn_down_item = cls(
            at=at,
            good=good,
            total=total,
            error_rate=error_rate,
            budget_remaining=budget_remaining,
        )

        maestro_service_verification_burn_down_item.additional_properties = d
        return maestro_service_verification_burn_down_item

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
