from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.analytics_redactions_additional_property import AnalyticsRedactionsAdditionalProperty

T = TypeVar("T", bound="AnalyticsRedactions")


@_attrs_define
class AnalyticsRedactions:
    """Per result column, a stricter treatment than its classification's default. The columns are the report's (a schema
    cannot state an ad-hoc query's: `x-companyos-grammar`); an unknown one is 400.

        Example:
            {}

    """

    additional_properties: dict[str, AnalyticsRedactionsAdditionalProperty] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        analytics_redactions = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = AnalyticsRedactionsAdditionalProperty(prop_dict)

            additional_properties[prop_name] = additional_property

        analytics_redactions.additional_properties = additional_properties
        return analytics_redactions

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> AnalyticsRedactionsAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: AnalyticsRedactionsAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
