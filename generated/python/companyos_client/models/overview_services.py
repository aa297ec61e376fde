from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.overview_service_health import OverviewServiceHealth
    from ..models.overview_services_by_slo_state import OverviewServicesBySloState


T = TypeVar("T", bound="OverviewServices")


@_attrs_define
class OverviewServices:
    """
    Attributes:
        total (int): Services in the environment.
        by_slo_state (OverviewServicesBySloState): How many services are in each SLO state.
        items (list[OverviewServiceHealth]): Worst first (exhausted, at risk, no data, healthy, no SLO), then most
            firing alerts.
    """

    total: int
    by_slo_state: OverviewServicesBySloState
    items: list[OverviewServiceHealth]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        by_slo_state = self.by_slo_state.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "by_slo_state": by_slo_state,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.overview_service_health import OverviewServiceHealth
        from ..models.overview_services_by_slo_state import OverviewServicesBySloState

        d = dict(src_dict)
        total = d.pop("total")

        by_slo_state = OverviewServicesBySloState.from_dict(d.pop("by_slo_state"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = OverviewServiceHealth.from_dict(items_item_data)

            items.append(items_item)

        overview_services = cls(
            total=total,
            by_slo_state=by_slo_state,
            items=items,
        )

        overview_services.additional_properties = d
        return overview_services

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
