from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.feature_summary_states_item import FeatureSummaryStatesItem


T = TypeVar("T", bound="FeatureSummary")


@_attrs_define
class FeatureSummary:
    """
    Attributes:
        total (int):
        states (list[FeatureSummaryStatesItem]):
    """

    total: int
    states: list[FeatureSummaryStatesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        states = []
        for states_item_data in self.states:
            states_item = states_item_data.to_dict()
            states.append(states_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "states": states,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.feature_summary_states_item import FeatureSummaryStatesItem

        d = dict(src_dict)
        total = d.pop("total")

        states = []
        _states = d.pop("states")
        for states_item_data in _states:
            states_item = FeatureSummaryStatesItem.from_dict(states_item_data)

            states.append(states_item)

        feature_summary = cls(
            total=total,
            states=states,
        )

        feature_summary.additional_properties = d
        return feature_summary

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
