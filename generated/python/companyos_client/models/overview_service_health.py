from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.service_slo_summary import ServiceSloSummary


T = TypeVar("T", bound="OverviewServiceHealth")


@_attrs_define
class OverviewServiceHealth:
    """
    Attributes:
        id (str):
        name (str):
        tier (str):
        owner_team (str):
        slo (ServiceSloSummary): `state` is `not_configured` (no objective), `no_data` (objective but no SLI), else
            `healthy`,
            `at_risk` (under 25 % of the error budget left) or `exhausted`.
        firing_alerts (int):
    """

    id: str
    name: str
    tier: str
    owner_team: str
    slo: ServiceSloSummary
    firing_alerts: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        tier = self.tier

        owner_team = self.owner_team

        slo = self.slo.to_dict()

        firing_alerts = self.firing_alerts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "tier": tier,
                "owner_team": owner_team,
                "slo": slo,
                "firing_alerts": firing_alerts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.service_slo_summary import ServiceSloSummary

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        tier = d.pop("tier")

        owner_team = d.pop("owner_team")

        slo = ServiceSloSummary.from_dict(d.pop("slo"))

        firing_alerts = d.pop("firing_alerts")

        overview_service_health = cls(
            id=id,
            name=name,
            tier=tier,
            owner_team=owner_team,
            slo=slo,
            firing_alerts=firing_alerts,
        )

        overview_service_health.additional_properties = d
        return overview_service_health

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
