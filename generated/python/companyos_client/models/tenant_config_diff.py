from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tenant_config_patch_operation import TenantConfigPatchOperation


T = TypeVar("T", bound="TenantConfigDiff")


@_attrs_define
class TenantConfigDiff:
    """
    Attributes:
        from_ (int):
        to (int):
        operations (list[TenantConfigPatchOperation]):
    """

    from_: int
    to: int
    operations: list[TenantConfigPatchOperation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_

        to = self.to

        operations = []
        for operations_item_data in self.operations:
            operations_item = operations_item_data.to_dict()
            operations.append(operations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "operations": operations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_config_patch_operation import TenantConfigPatchOperation

        d = dict(src_dict)
        from_ = d.pop("from")

        to = d.pop("to")

        operations = []
        _operations = d.pop("operations")
        for operations_item_data in _operations:
            operations_item = TenantConfigPatchOperation.from_dict(operations_item_data)

            operations.append(operations_item)

        tenant_config_diff = cls(
            from_=from_,
            to=to,
            operations=operations,
        )

        tenant_config_diff.additional_properties = d
        return tenant_config_diff

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
