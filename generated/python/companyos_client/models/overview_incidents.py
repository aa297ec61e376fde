from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.overview_incident import OverviewIncident
    from ..models.overview_incidents_by_severity import OverviewIncidentsBySeverity


T = TypeVar("T", bound="OverviewIncidents")


@_attrs_define
class OverviewIncidents:
    """
    Attributes:
        open_total (int):
        by_severity (OverviewIncidentsBySeverity):
        items (list[OverviewIncident]): Open incidents, most severe first.
    """

    open_total: int
    by_severity: OverviewIncidentsBySeverity
    items: list[OverviewIncident]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_total = self.open_total

        by_severity = self.by_severity.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_total": open_total,
                "by_severity": by_severity,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.overview_incident import OverviewIncident
        from ..models.overview_incidents_by_severity import OverviewIncidentsBySeverity

        d = dict(src_dict)
        open_total = d.pop("open_total")

        by_severity = OverviewIncidentsBySeverity.from_dict(d.pop("by_severity"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = OverviewIncident.from_dict(items_item_data)

            items.append(items_item)

        overview_incidents = cls(
            open_total=open_total,
            by_severity=by_severity,
            items=items,
        )

        overview_incidents.additional_properties = d
        return overview_incidents

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
