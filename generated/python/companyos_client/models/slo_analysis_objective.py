from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slo_analysis_objective_source import SloAnalysisObjectiveSource

T = TypeVar("T", bound="SloAnalysisObjective")


@_attrs_define
class SloAnalysisObjective:
    """
    Attributes:
        percent (float):
        window_days (int):
        source (SloAnalysisObjectiveSource):
    """

    percent: float
    window_days: int
    source: SloAnalysisObjectiveSource
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        percent = self.percent

        window_days = self.window_days

        source = self.source.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "percent": percent,
                "window_days": window_days,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        percent = d.pop("percent")

        window_days = d.pop("window_days")

        source = SloAnalysisObjectiveSource(d.pop("source"))

        slo_analysis_objective = cls(
            percent=percent,
            window_days=window_days,
            source=source,
        )

        slo_analysis_objective.additional_properties = d
        return slo_analysis_objective

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
