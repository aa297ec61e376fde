from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tenant_membership_roles_item import TenantMembershipRolesItem

T = TypeVar("T", bound="TenantMembership")


@_attrs_define
class TenantMembership:
    """
    Attributes:
        tenant_id (str):
        roles (list[TenantMembershipRolesItem]):
    """

    tenant_id: str
    roles: list[TenantMembershipRolesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant_id = self.tenant_id

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant_id": tenant_id,
                "roles": roles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tenant_id = d.pop("tenant_id")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = TenantMembershipRolesItem(roles_item_data)

            roles.append(roles_item)

        tenant_membership = cls(
            tenant_id=tenant_id,
            roles=roles,
        )

        tenant_membership.additional_properties = d
        return tenant_membership

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
