from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.overview_alerts_by_severity import OverviewAlertsBySeverity


T = TypeVar("T", bound="OverviewAlerts")


@_attrs_define
class OverviewAlerts:
    """
    Attributes:
        firing_total (int):
        by_severity (OverviewAlertsBySeverity):
    """

    firing_total: int
    by_severity: OverviewAlertsBySeverity
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        firing_total = self.firing_total

        by_severity = self.by_severity.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "firing_total": firing_total,
                "by_severity": by_severity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.overview_alerts_by_severity import OverviewAlertsBySeverity

        d = dict(src_dict)
        firing_total = d.pop("firing_total")

        by_severity = OverviewAlertsBySeverity.from_dict(d.pop("by_severity"))

        overview_alerts = cls(
            firing_total=firing_total,
            by_severity=by_severity,
        )

        overview_alerts.additional_properties = d
        return overview_alerts

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
