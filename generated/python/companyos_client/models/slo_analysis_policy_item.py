from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.slo_analysis_policy_item_action import SloAnalysisPolicyItemAction
from ..models.slo_analysis_policy_item_name import SloAnalysisPolicyItemName

T = TypeVar("T", bound="SloAnalysisPolicyItem")


@_attrs_define
class SloAnalysisPolicyItem:
    """
    Attributes:
        name (SloAnalysisPolicyItemName):
        action (SloAnalysisPolicyItemAction):
        long_window_minutes (int):
        short_window_minutes (int):
        burn_rate_threshold (float):
        firing (bool):
    """

    name: SloAnalysisPolicyItemName
    action: SloAnalysisPolicyItemAction
    long_window_minutes: int
    short_window_minutes: int
    burn_rate_threshold: float
    firing: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name.value

        action = self.action.value

        long_window_minutes = self.long_window_minutes

        short_window_minutes = self.short_window_minutes

        burn_rate_threshold = self.burn_rate_threshold

        firing = self.firing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "action": action,
                "long_window_minutes": long_window_minutes,
                "short_window_minutes": short_window_minutes,
                "burn_rate_threshold": burn_rate_threshold,
                "firing": firing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = SloAnalysisPolicyItemName(d.pop("name"))

        action = SloAnalysisPolicyItemAction(d.pop("action"))

        long_window_minutes = d.pop("long_window_minutes")

        short_window_minutes = d.pop("short_window_minutes")

        burn_rate_threshold = d.pop("burn_rate_threshold")

        firing = d.pop("firing")

        slo_analysis_policy_item = cls(
            name=name,
            action=action,
            long_window_minutes=long_window_minutes,
            short_window_minutes=short_window_minutes,
            burn_rate_threshold=burn_rate_threshold,
            firing=firing,
        )

        slo_analysis_policy_item.additional_properties = d
        return slo_analysis_policy_item

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
