from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AnalyticsFreshness")


@_attrs_define
class AnalyticsFreshness:
    """
    Attributes:
        data_as_of (None | str): When the newest event of the tenant was stored.
        events (int):
        materialized_as_of (None | str):
        computed_at (str):
    """

    data_as_of: None | str
    events: int
    materialized_as_of: None | str
    computed_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data_as_of: None | str
        data_as_of = self.data_as_of

        events = self.events

        materialized_as_of: None | str
        materialized_as_of = self.materialized_as_of

        computed_at = self.computed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data_as_of": data_as_of,
                "events": events,
                "materialized_as_of": materialized_as_of,
                "computed_at": computed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_data_as_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        data_as_of = _parse_data_as_of(d.pop("data_as_of"))

        events = d.pop("events")

        def _parse_materialized_as_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        materialized_as_of = _parse_materialized_as_of(d.pop("materialized_as_of"))

        computed_at = d.pop("computed_at")

        analytics_freshness = cls(
            data_as_of=data_as_of,
            events=events,
            materialized_as_of=materialized_as_of,
            computed_at=computed_at,
        )

        analytics_freshness.additional_properties = d
        return analytics_freshness

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
