from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_permission import ActionPermission


T = TypeVar("T", bound="PermissionSet")


@_attrs_define
class PermissionSet:
    """
    Attributes:
        resource (str):
        principal (str):
        actions (list[ActionPermission]):
    """

    resource: str
    principal: str
    actions: list[ActionPermission]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource = self.resource

        principal = self.principal

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resource": resource,
                "principal": principal,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.action_permission import ActionPermission

        d = dict(src_dict)
        resource = d.pop("resource")

        principal = d.pop("principal")

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ActionPermission.from_dict(actions_item_data)

            actions.append(actions_item)

        permission_set = cls(
            resource=resource,
            principal=principal,
            actions=actions,
        )

        permission_set.additional_properties = d
        return permission_set

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
