from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dataset_export_create_redactions_additional_property import (
    DatasetExportCreateRedactionsAdditionalProperty,
)

T = TypeVar("T", bound="DatasetExportCreateRedactions")


@_attrs_define
class DatasetExportCreateRedactions:
    """Per field, a stricter action than the classification's default."""

    additional_properties: dict[str, DatasetExportCreateRedactionsAdditionalProperty] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dataset_export_create_redactions = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = DatasetExportCreateRedactionsAdditionalProperty(prop_dict)

            additional_properties[prop_name] = additional_property

        dataset_export_create_redactions.additional_properties = additional_properties
        return dataset_export_create_redactions

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> DatasetExportCreateRedactionsAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: DatasetExportCreateRedactionsAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
