from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_field import DatasetField


T = TypeVar("T", bound="Dataset")


@_attrs_define
class Dataset:
    """
    Attributes:
        id (str):
        tenant_id (str):
        name (str):
        fields (list[DatasetField]):
        residency (str):
        row_count (int):
        size_bytes (int):
        created_at (datetime.datetime):
        description (str | Unset):
        time_field (None | str | Unset):
        storage (str | Unset): Where the Parquet files live (tenant and region partitions).
        created_by (str | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: str
    tenant_id: str
    name: str
    fields: list[DatasetField]
    residency: str
    row_count: int
    size_bytes: int
    created_at: datetime.datetime
    description: str | Unset = UNSET
    time_field: None | str | Unset = UNSET
    storage: str | Unset = UNSET
    created_by: str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = self.tenant_id

        name = self.name

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        residency = self.residency

        row_count = self.row_count

        size_bytes = self.size_bytes

        created_at = self.created_at.isoformat()

        description = self.description

        time_field: None | str | Unset
        if isinstance(self.time_field, Unset):
            time_field = UNSET
        else:
            time_field = self.time_field

        storage = self.storage

        created_by = self.created_by

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "name": name,
                "fields": fields,
                "residency": residency,
                "row_count": row_count,
                "size_bytes": size_bytes,
                "created_at": created_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if time_field is not UNSET:
            field_dict["time_field"] = time_field
        if storage is not UNSET:
            field_dict["storage"] = storage
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_field import DatasetField

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        name = d.pop("name")

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = DatasetField.from_dict(fields_item_data)

            fields.append(fields_item)

        residency = d.pop("residency")

        row_count = d.pop("row_count")

        size_bytes = d.pop("size_bytes")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description", UNSET)

        def _parse_time_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_field = _parse_time_field(d.pop("time_field", UNSET))

        storage = d.pop("storage", UNSET)

        created_by = d.pop("created_by", UNSET)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        dataset = cls(
            id=id,
            tenant_id=tenant_id,
            name=name,
            fields=fields,
            residency=residency,
            row_count=row_count,
            size_bytes=size_bytes,
            created_at=created_at,
            description=description,
            time_field=time_field,
            storage=storage,
            created_by=created_by,
            updated_at=updated_at,
        )

        dataset.additional_properties = d
        return dataset

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
