from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.alert_quality_type_0 import AlertQualityType0


T = TypeVar("T", bound="SloRecommendationBacktestType0")


@_attrs_define
class SloRecommendationBacktestType0:
    """
    Attributes:
        days (float):
        current (AlertQualityType0 | None):
        proposed (AlertQualityType0 | None):
    """

    days: float
    current: AlertQualityType0 | None
    proposed: AlertQualityType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.alert_quality_type_0 import AlertQualityType0

        days = self.days

        current: dict[str, Any] | None
        if isinstance(self.current, AlertQualityType0):
            current = self.current.to_dict()
        else:
            current = self.current

        proposed: dict[str, Any] | None
        if isinstance(self.proposed, AlertQualityType0):
            proposed = self.proposed.to_dict()
        else:
            proposed = self.proposed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "days": days,
                "current": current,
                "proposed": proposed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.alert_quality_type_0 import AlertQualityType0

        d = dict(src_dict)
        days = d.pop("days")

        def _parse_current(data: object) -> AlertQualityType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_alert_quality_type_0 = AlertQualityType0.from_dict(data)

                return componentsschemas_alert_quality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AlertQualityType0 | None, data)

        current = _parse_current(d.pop("current"))

        def _parse_proposed(data: object) -> AlertQualityType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_alert_quality_type_0 = AlertQualityType0.from_dict(data)

                return componentsschemas_alert_quality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AlertQualityType0 | None, data)

        proposed = _parse_proposed(d.pop("proposed"))

        slo_recommendation_backtest_type_0 = cls(
            days=days,
            current=current,
            proposed=proposed,
        )

        slo_recommendation_backtest_type_0.additional_properties = d
        return slo_recommendation_backtest_type_0

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
