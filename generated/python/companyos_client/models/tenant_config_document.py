from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tenant_config_data_store import TenantConfigDataStore
    from ..models.tenant_config_observability import TenantConfigObservability


T = TypeVar("T", bound="TenantConfigDocument")


@_attrs_define
class TenantConfigDocument:
    """The tenant's configuration. Known sections are validated; other keys are kept as given.

    Attributes:
        observability (TenantConfigObservability | Unset): URL templates for a service's observability links.
            Placeholders: `{service}`, `{tenant}`,
            `{environment}`, `{from}`, `{to}` (epoch milliseconds); values are URL-encoded when filled in.
        data_stores (list[TenantConfigDataStore] | Unset):
    """

    observability: TenantConfigObservability | Unset = UNSET
    data_stores: list[TenantConfigDataStore] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        observability: dict[str, Any] | Unset = UNSET
        if not isinstance(self.observability, Unset):
            observability = self.observability.to_dict()

        data_stores: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.data_stores, Unset):
            data_stores = []
            for data_stores_item_data in self.data_stores:
                data_stores_item = data_stores_item_data.to_dict()
                data_stores.append(data_stores_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if observability is not UNSET:
            field_dict["observability"] = observability
        if data_stores is not UNSET:
            field_dict["data_stores"] = data_stores

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_config_data_store import TenantConfigDataStore
        from ..models.tenant_config_observability import TenantConfigObservability

        d = dict(src_dict)
        _observability = d.pop("observability", UNSET)
        observability: TenantConfigObservability | Unset
        if isinstance(_observability, Unset):
            observability = UNSET
        else:
            observability = TenantConfigObservability.from_dict(_observability)

        _data_stores = d.pop("data_stores", UNSET)
        data_stores: list[TenantConfigDataStore] | Unset = UNSET
        if _data_stores is not UNSET:
            data_stores = []
            for data_stores_item_data in _data_stores:
                data_stores_item = TenantConfigDataStore.from_dict(data_stores_item_data)

                data_stores.append(data_stores_item)

        tenant_config_document = cls(
            observability=observability,
            data_stores=data_stores,
        )

        tenant_config_document.additional_properties = d
        return tenant_config_document

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
