from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feature_state import FeatureState

if TYPE_CHECKING:
    from ..models.feature_summary_states_item_features_item import FeatureSummaryStatesItemFeaturesItem


T = TypeVar("T", bound="FeatureSummaryStatesItem")


@_attrs_define
class FeatureSummaryStatesItem:
    """
    Attributes:
        state (FeatureState):
        count (int):
        features (list[FeatureSummaryStatesItemFeaturesItem]):
    """

    state: FeatureState
    count: int
    features: list[FeatureSummaryStatesItemFeaturesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        count = self.count

        features = []
        for features_item_data in self.features:
            features_item = features_item_data.to_dict()
            features.append(features_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
                "count": count,
                "features": features,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.feature_summary_states_item_features_item import FeatureSummaryStatesItemFeaturesItem

        d = dict(src_dict)
        state = FeatureState(d.pop("state"))

        count = d.pop("count")

        features = []
        _features = d.pop("features")
        for features_item_data in _features:
            features_item = FeatureSummaryStatesItemFeaturesItem.from_dict(features_item_data)

            features.append(features_item)

        feature_summary_states_item = cls(
            state=state,
            count=count,
            features=features,
        )

        feature_summary_states_item.additional_properties = d
        return feature_summary_states_item

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
