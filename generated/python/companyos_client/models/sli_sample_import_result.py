from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SliSampleImportResult")


@_attrs_define
class SliSampleImportResult:
    """
    Attributes:
        service_id (str):
        rows (int): Rows read from the file.
        recorded (int): Samples stored (rows repeating a `ts` and labels count once: the last wins).
        replaced (int): Of those, how many replaced a stored sample with the same `ts` and labels.
        series (int): Distinct label sets in the file (1 for unlabelled samples).
        from_ (datetime.datetime): The earliest `ts` of the file.
        to (datetime.datetime): The latest `ts` of the file.
    """

    service_id: str
    rows: int
    recorded: int
    replaced: int
    series: int
    from_: datetime.datetime
    to: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_id = self.service_id

        rows = self.rows

        recorded = self.recorded

        replaced = self.replaced

        series = self.series

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_id": service_id,
                "rows": rows,
                "recorded": recorded,
                "replaced": replaced,
                "series": series,
                "from": from_,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        service_id = d.pop("service_id")

        rows = d.pop("rows")

        recorded = d.pop("recorded")

        replaced = d.pop("replaced")

        series = d.pop("series")

        from_ = datetime.datetime.fromisoformat(d.pop("from"))

        to = datetime.datetime.fromisoformat(d.pop("to"))

        sli_sample_import_result = cls(
            service_id=service_id,
            rows=rows,
            recorded=recorded,
            replaced=replaced,
            series=series,
            from_=from_,
            to=to,
        )

        sli_sample_import_result.additional_properties = d
        return sli_sample_import_result

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
