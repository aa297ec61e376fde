from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.residency import Residency
from ..models.tenant_config_data_store_kind import TenantConfigDataStoreKind

T = TypeVar("T", bound="TenantConfigDataStore")


@_attrs_define
class TenantConfigDataStore:
    """
    Attributes:
        name (str):
        kind (TenantConfigDataStoreKind):
        location (Residency):
    """

    name: str
    kind: TenantConfigDataStoreKind
    location: Residency

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        location = self.location.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "location": location,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        kind = TenantConfigDataStoreKind(d.pop("kind"))

        location = Residency(d.pop("location"))

        tenant_config_data_store = cls(
            name=name,
            kind=kind,
            location=location,
        )

        return tenant_config_data_store
