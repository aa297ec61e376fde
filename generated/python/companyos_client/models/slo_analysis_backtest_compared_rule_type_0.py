from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SloAnalysisBacktestComparedRuleType0")


@_attrs_define
class SloAnalysisBacktestComparedRuleType0:
    """
    Attributes:
        error_rate (float):
        window_minutes (int):
    """

    error_rate: float
    window_minutes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_rate = self.error_rate

        window_minutes = self.window_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error_rate": error_rate,
                "window_minutes": window_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error_rate = d.pop("error_rate")

        window_minutes = d.pop("window_minutes")

        slo_analysis_backtest_compared_rule_type_0 = cls(
            error_rate=error_rate,
            window_minutes=window_minutes,
        )

        slo_analysis_backtest_compared_rule_type_0.additional_properties = d
        return slo_analysis_backtest_compared_rule_type_0

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
