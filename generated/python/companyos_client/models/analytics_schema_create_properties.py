from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.analytics_metric_property import AnalyticsMetricProperty
    from ..models.analytics_property import AnalyticsProperty


T = TypeVar("T", bound="AnalyticsSchemaCreateProperties")


@_attrs_define
class AnalyticsSchemaCreateProperties:
    """Property name to its definition. Names must be snake_case (`x-companyos-key-pattern`); OpenAPI 3.0 cannot state a
    pattern for map keys, the server refuses others with 400.

        Attributes:
            latency_ms (AnalyticsMetricProperty | Unset): A metric property (`latency_ms`, `good`, `total`), aggregated by
                the reports.
            good (AnalyticsMetricProperty | Unset): A metric property (`latency_ms`, `good`, `total`), aggregated by the
                reports.
            total (AnalyticsMetricProperty | Unset): A metric property (`latency_ms`, `good`, `total`), aggregated by the
                reports.
    """

    latency_ms: AnalyticsMetricProperty | Unset = UNSET
    good: AnalyticsMetricProperty | Unset = UNSET
    total: AnalyticsMetricProperty | Unset = UNSET
    additional_properties: dict[str, AnalyticsProperty] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        latency_ms: dict[str, Any] | Unset = UNSET
        if not isinstance(self.latency_ms, Unset):
            latency_ms = self.latency_ms.to_dict()

        good: dict[str, Any] | Unset = UNSET
        if not isinstance(self.good, Unset):
            good = self.good.to_dict()

        total: dict[str, Any] | Unset = UNSET
        if not isinstance(self.total, Unset):
            total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        field_dict.update({})
        if latency_ms is not UNSET:
            field_dict["latency_ms"] = latency_ms
        if good is not UNSET:
            field_dict["good"] = good
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.analytics_metric_property import AnalyticsMetricProperty
        from ..models.analytics_property import AnalyticsProperty

        d = dict(src_dict)
        _latency_ms = d.pop("latency_ms", UNSET)
        latency_ms: AnalyticsMetricProperty | Unset
        if isinstance(_latency_ms, Unset):
            latency_ms = UNSET
        else:
            latency_ms = AnalyticsMetricProperty.from_dict(_latency_ms)

        _good = d.pop("good", UNSET)
        good: AnalyticsMetricProperty | Unset
        if isinstance(_good, Unset):
            good = UNSET
        else:
            good = AnalyticsMetricProperty.from_dict(_good)

        _total = d.pop("total", UNSET)
        total: AnalyticsMetricProperty | Unset
        if isinstance(_total, Unset):
            total = UNSET
        else:
            total = AnalyticsMetricProperty.from_dict(_total)

        analytics_schema_create_properties = cls(
            latency_ms=latency_ms,
            good=good,
            total=total,
        )

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = AnalyticsProperty.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        analytics_schema_create_properties.additional_properties = additional_properties
        return analytics_schema_create_properties

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> AnalyticsProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: AnalyticsProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
