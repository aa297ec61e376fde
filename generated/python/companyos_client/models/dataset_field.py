from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.data_classification import DataClassification
from ..models.dataset_field_type import DatasetFieldType
from ..types import UNSET, Unset

T = TypeVar("T", bound="DatasetField")


@_attrs_define
class DatasetField:
    """
    Attributes:
        name (str):
        type_ (DatasetFieldType):
        classification (DataClassification):
        nullable (bool | Unset):  Default: True.
        max_length (int | None | Unset):
    """

    name: str
    type_: DatasetFieldType
    classification: DataClassification
    nullable: bool | Unset = True
    max_length: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        classification = self.classification.value

        nullable = self.nullable

        max_length: int | None | Unset
        if isinstance(self.max_length, Unset):
            max_length = UNSET
        else:
            max_length = self.max_length

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "type": type_,
                "classification": classification,
            }
        )
        if nullable is not UNSET:
            field_dict["nullable"] = nullable
        if max_length is not UNSET:
            field_dict["max_length"] = max_length

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = DatasetFieldType(d.pop("type"))

        classification = DataClassification(d.pop("classification"))

        nullable = d.pop("nullable", UNSET)

        def _parse_max_length(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_length = _parse_max_length(d.pop("max_length", UNSET))

        dataset_field = cls(
            name=name,
            type_=type_,
            classification=classification,
            nullable=nullable,
            max_length=max_length,
        )

        return dataset_field
