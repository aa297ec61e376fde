from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dataset_sample_rows_item import DatasetSampleRowsItem


T = TypeVar("T", bound="DatasetSample")


@_attrs_define
class DatasetSample:
    """
    Attributes:
        dataset_id (str):
        rows (list[DatasetSampleRowsItem]):
        masked_fields (list[str]):
        row_count (int | Unset):
    """

    dataset_id: str
    rows: list[DatasetSampleRowsItem]
    masked_fields: list[str]
    row_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset_id = self.dataset_id

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        masked_fields = self.masked_fields

        row_count = self.row_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset_id": dataset_id,
                "rows": rows,
                "masked_fields": masked_fields,
            }
        )
        if row_count is not UNSET:
            field_dict["row_count"] = row_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dataset_sample_rows_item import DatasetSampleRowsItem

        d = dict(src_dict)
        dataset_id = d.pop("dataset_id")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = DatasetSampleRowsItem.from_dict(rows_item_data)

            rows.append(rows_item)

        masked_fields = cast(list[str], d.pop("masked_fields"))

        row_count = d.pop("row_count", UNSET)

        dataset_sample = cls(
            dataset_id=dataset_id,
            rows=rows,
            masked_fields=masked_fields,
            row_count=row_count,
        )

        dataset_sample.additional_properties = d
        return dataset_sample

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
