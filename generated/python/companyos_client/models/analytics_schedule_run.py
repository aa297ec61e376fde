from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.analytics_export import AnalyticsExport


T = TypeVar("T", bound="AnalyticsScheduleRun")


@_attrs_define
class AnalyticsScheduleRun:
    """
    Attributes:
        schedule_id (str):
        exports (list[AnalyticsExport]):
    """

    schedule_id: str
    exports: list[AnalyticsExport]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schedule_id = self.schedule_id

        exports = []
        for exports_item_data in self.exports:
            exports_item = exports_item_data.to_dict()
            exports.append(exports_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "schedule_id": schedule_id,
                "exports": exports,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_export import AnalyticsExport

        d = dict(src_dict)
        schedule_id = d.pop("schedule_id")

        exports = []
        _exports = d.pop("exports")
        for exports_item_data in _exports:
            exports_item = AnalyticsExport.from_dict(exports_item_data)

            exports.append(exports_item)

        analytics_schedule_run = cls(
            schedule_id=schedule_id,
            exports=exports,
        )

        analytics_schedule_run.additional_properties = d
        return analytics_schedule_run

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
