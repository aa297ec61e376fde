from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.dataset_create_residency import DatasetCreateResidency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_field import DatasetField


T = TypeVar("T", bound="DatasetCreate")


@_attrs_define
class DatasetCreate:
    """
    Attributes:
        name (str):
        fields (list[DatasetField]): Names unique ignoring case (409 otherwise).
        description (str | Unset):
        residency (DatasetCreateResidency | Unset):
        time_field (None | str | Unset): The name of a `timestamp` or `date` field of `fields` (409 otherwise).
    """

    name: str
    fields: list[DatasetField]
    description: str | Unset = UNSET
    residency: DatasetCreateResidency | Unset = UNSET
    time_field: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        description = self.description

        residency: str | Unset = UNSET
        if not isinstance(self.residency, Unset):
            residency = self.residency.value

        time_field: None | str | Unset
        if isinstance(self.time_field, Unset):
            time_field = UNSET
        else:
            time_field = self.time_field

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "fields": fields,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if residency is not UNSET:
            field_dict["residency"] = residency
        if time_field is not UNSET:
            field_dict["time_field"] = time_field

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_field import DatasetField

        d = dict(src_dict)
        name = d.pop("name")

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = DatasetField.from_dict(fields_item_data)

            fields.append(fields_item)

        description = d.pop("description", UNSET)

        _residency = d.pop("residency", UNSET)
        residency: DatasetCreateResidency | Unset
        if isinstance(_residency, Unset):
            residency = UNSET
        else:
            residency = DatasetCreateResidency(_residency)

        def _parse_time_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_field = _parse_time_field(d.pop("time_field", UNSET))

        dataset_create = cls(
            name=name,
            fields=fields,
            description=description,
            residency=residency,
            time_field=time_field,
        )

        return dataset_create
