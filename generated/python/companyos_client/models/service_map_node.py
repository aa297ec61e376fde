from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service_environment import ServiceEnvironment
from ..models.service_tier import ServiceTier
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceMapNode")


@_attrs_define
class ServiceMapNode:
    """
    Attributes:
        id (str):
        name (str):
        tier (ServiceTier): Criticality; tier-0 is customer-facing and revenue-critical.
        owner_team (str):
        environments (list[ServiceEnvironment]):
        slo_state (str):
        depth (int | Unset): Hops from the root (dependency graphs only).
    """

    id: str
    name: str
    tier: ServiceTier
    owner_team: str
    environments: list[ServiceEnvironment]
    slo_state: str
    depth: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        tier = self.tier.value

        owner_team = self.owner_team

        environments = []
        for environments_item_data in self.environments:
            environments_item = environments_item_data.value
            environments.append(environments_item)

        slo_state = self.slo_state

        depth = self.depth

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "tier": tier,
                "owner_team": owner_team,
                "environments": environments,
                "slo_state": slo_state,
            }
        )
        if depth is not UNSET:
            field_dict["depth"] = depth

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        tier = ServiceTier(d.pop("tier"))

        owner_team = d.pop("owner_team")

        environments = []
        _environments = d.pop("environments")
        for environments_item_data in _environments:
            environments_item = ServiceEnvironment(environments_item_data)

            environments.append(environments_item)

        slo_state = d.pop("slo_state")

        depth = d.pop("depth", UNSET)

        service_map_node = cls(
            id=id,
            name=name,
            tier=tier,
            owner_team=owner_team,
            environments=environments,
            slo_state=slo_state,
            depth=depth,
        )

        service_map_node.additional_properties = d
        return service_map_node

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
