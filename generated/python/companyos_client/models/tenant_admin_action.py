from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantAdminAction")


@_attrs_define
class TenantAdminAction:
    """
    Attributes:
        id (str): The audit event's id.
        occurred_at (datetime.datetime):
        actor (str):
        actor_role (str): `tenant_admin`, `platform_engineer` or `platform_admin` (no role in the tenant).
        roles (list[str]):
        action (str):
        resource (str):
        status (int | None):
        request_id (None | str):
        operation_id (None | str | Unset):
    """

    id: str
    occurred_at: datetime.datetime
    actor: str
    actor_role: str
    roles: list[str]
    action: str
    resource: str
    status: int | None
    request_id: None | str
    operation_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        occurred_at = self.occurred_at.isoformat()

        actor = self.actor

        actor_role = self.actor_role

        roles = self.roles

        action = self.action

        resource = self.resource

        status: int | None
        status = self.status

        request_id: None | str
        request_id = self.request_id

        operation_id: None | str | Unset
        if isinstance(self.operation_id, Unset):
            operation_id = UNSET
        else:
            operation_id = self.operation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "occurred_at": occurred_at,
                "actor": actor,
                "actor_role": actor_role,
                "roles": roles,
                "action": action,
                "resource": resource,
                "status": status,
                "request_id": request_id,
            }
        )
        if operation_id is not UNSET:
            field_dict["operation_id"] = operation_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        actor = d.pop("actor")

        actor_role = d.pop("actor_role")

        roles = cast(list[str], d.pop("roles"))

        action = d.pop("action")

        resource = d.pop("resource")

        def _parse_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status = _parse_status(d.pop("status"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        def _parse_operation_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        operation_id = _parse_operation_id(d.pop("operation_id", UNSET))

        tenant_admin_action = cls(
            id=id,
            occurred_at=occurred_at,
            actor=actor,
            actor_role=actor_role,
            roles=roles,
            action=action,
            resource=resource,
            status=status,
            request_id=request_id,
            operation_id=operation_id,
        )

        tenant_admin_action.additional_properties = d
        return tenant_admin_action

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
