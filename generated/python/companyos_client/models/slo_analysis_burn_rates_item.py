from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slo_analysis_burn_rates_item_window import SloAnalysisBurnRatesItemWindow

T = TypeVar("T", bound="SloAnalysisBurnRatesItem")


@_attrs_define
class SloAnalysisBurnRatesItem:
    """
    Attributes:
        window (SloAnalysisBurnRatesItemWindow):
        minutes (int):
        burn_rate (float | None): Error rate over the allowed error rate; null without (enough) events.
    """

    window: SloAnalysisBurnRatesItemWindow
    minutes: int
    burn_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        window = self.window.value

        minutes = self.minutes

        burn_rate: float | None
        burn_rate = self.burn_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "window": window,
                "minutes": minutes,
                "burn_rate": burn_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        window = SloAnalysisBurnRatesItemWindow(d.pop("window"))

        minutes = d.pop("minutes")

        def _parse_burn_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        burn_rate = _parse_burn_rate(d.pop("burn_rate"))

        slo_analysis_burn_rates_item = cls(
            window=window,
            minutes=minutes,
            burn_rate=burn_rate,
        )

        slo_analysis_burn_rates_item.additional_properties = d
        return slo_analysis_burn_rates_item

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
