from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.flag_configuration_flags_item import FlagConfigurationFlagsItem


T = TypeVar("T", bound="FlagConfiguration")


@_attrs_define
class FlagConfiguration:
    """
    Attributes:
        tenant_id (str):
        etag (str):
        flags (list[FlagConfigurationFlagsItem]):
    """

    tenant_id: str
    etag: str
    flags: list[FlagConfigurationFlagsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = self.tenant_id

        etag = self.etag

        flags = []
        for flags_item_data in self.flags:
            flags_item = flags_item_data.to_dict()
            flags.append(flags_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant_id": tenant_id,
                "etag": etag,
                "flags": flags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.flag_configuration_flags_item import FlagConfigurationFlagsItem

        d = dict(src_dict)
        tenant_id = d.pop("tenant_id")

        etag = d.pop("etag")

        flags = []
        _flags = d.pop("flags")
        for flags_item_data in _flags:
            flags_item = FlagConfigurationFlagsItem.from_dict(flags_item_data)

            flags.append(flags_item)

        flag_configuration = cls(
            tenant_id=tenant_id,
            etag=etag,
            flags=flags,
        )

        flag_configuration.additional_properties = d
        return flag_configuration

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
