from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_field import DatasetField


T = TypeVar("T", bound="DatasetUpdate")


@_attrs_define
class DatasetUpdate:
    """
    Attributes:
        description (str | Unset):
        fields (list[DatasetField] | Unset): The whole schema, changed only as the operation allows (409 otherwise).
    """

    description: str | Unset = UNSET
    fields: list[DatasetField] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_field import DatasetField

        d = dict(src_dict)
        description = d.pop("description", UNSET)

        _fields = d.pop("fields", UNSET)
        fields: list[DatasetField] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = DatasetField.from_dict(fields_item_data)

                fields.append(fields_item)

        dataset_update = cls(
            description=description,
            fields=fields,
        )

        return dataset_update
