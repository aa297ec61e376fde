from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AnalyticsQueryResult")


@_attrs_define
class AnalyticsQueryResult:
    """
    Attributes:
        columns (list[str]):
        rows (list[list[Any]]):
        row_count (int):
        truncated (bool):
        limit (int):
        dialect (str):
    """

    columns: list[str]
    rows: list[list[Any]]
    row_count: int
    truncated: bool
    limit: int
    dialect: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        columns = self.columns

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data

            rows.append(rows_item)

        row_count = self.row_count

        truncated = self.truncated

        limit = self.limit

        dialect = self.dialect

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "columns": columns,
                "rows": rows,
                "row_count": row_count,
                "truncated": truncated,
                "limit": limit,
                "dialect": dialect,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        columns = cast(list[str], d.pop("columns"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = cast(list[Any], rows_item_data)

            rows.append(rows_item)

        row_count = d.pop("row_count")

        truncated = d.pop("truncated")

        limit = d.pop("limit")

        dialect = d.pop("dialect")

        analytics_query_result = cls(
            columns=columns,
            rows=rows,
            row_count=row_count,
            truncated=truncated,
            limit=limit,
            dialect=dialect,
        )

        analytics_query_result.additional_properties = d
        return analytics_query_result

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
