from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FeatureSummaryStatesItemFeaturesItem")


@_attrs_define
class FeatureSummaryStatesItemFeaturesItem:
    """
    Attributes:
        key (str):
        name (str):
        owner (str):
        missing_for_next (list[str]):
        updated_at (datetime.datetime):
    """

    key: str
    name: str
    owner: str
    missing_for_next: list[str]
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        owner = self.owner

        missing_for_next = self.missing_for_next

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "name": name,
                "owner": owner,
                "missing_for_next": missing_for_next,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        owner = d.pop("owner")

        missing_for_next = cast(list[str], d.pop("missing_for_next"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        feature_summary_states_item_features_item = cls(
            key=key,
            name=name,
            owner=owner,
            missing_for_next=missing_for_next,
            updated_at=updated_at,
        )

        feature_summary_states_item_features_item.additional_properties = d
        return feature_summary_states_item_features_item

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
