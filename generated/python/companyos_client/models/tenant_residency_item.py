from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.residency import Residency
from ..models.tenant_residency_item_source import TenantResidencyItemSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantResidencyItem")


@_attrs_define
class TenantResidencyItem:
    """
    Attributes:
        kind (str): `database`, `object_store`, `analytics`, `backup`, `export` or `service`.
        name (str):
        locations (list[Residency]):
        compliant (bool):
        service_id (None | str | Unset):
        source (TenantResidencyItemSource | Unset):
    """

    kind: str
    name: str
    locations: list[Residency]
    compliant: bool
    service_id: None | str | Unset = UNSET
    source: TenantResidencyItemSource | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        name = self.name

        locations = []
        for locations_item_data in self.locations:
            locations_item = locations_item_data.value
            locations.append(locations_item)

        compliant = self.compliant

        service_id: None | str | Unset
        if isinstance(self.service_id, Unset):
            service_id = UNSET
        else:
            service_id = self.service_id

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "name": name,
                "locations": locations,
                "compliant": compliant,
            }
        )
        if service_id is not UNSET:
            field_dict["service_id"] = service_id
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = d.pop("kind")

        name = d.pop("name")

        locations = []
        _locations = d.pop("locations")
        for locations_item_data in _locations:
            locations_item = Residency(locations_item_data)

            locations.append(locations_item)

        compliant = d.pop("compliant")

        def _parse_service_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_id = _parse_service_id(d.pop("service_id", UNSET))

        _source = d.pop("source", UNSET)
        source: TenantResidencyItemSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = TenantResidencyItemSource(_source)

        tenant_residency_item = cls(
            kind=kind,
            name=name,
            locations=locations,
            compliant=compliant,
            service_id=service_id,
            source=source,
        )

        tenant_residency_item.additional_properties = d
        return tenant_residency_item

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
