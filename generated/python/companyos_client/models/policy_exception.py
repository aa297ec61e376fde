from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.policy_exception_scope import PolicyExceptionScope
from ..models.policy_exception_status import PolicyExceptionStatus

T = TypeVar("T", bound="PolicyException")


@_attrs_define
class PolicyException:
    """
    Attributes:
        id (str):
        policy_id (str):
        scope (PolicyExceptionScope):
        service_id (None | str):
        reason (str):
        requested_by (str):
        requested_at (datetime.datetime):
        expires_at (datetime.datetime):
        approver (None | str):
        approved_at (datetime.datetime | None):
        status (PolicyExceptionStatus):
    """

    id: str
    policy_id: str
    scope: PolicyExceptionScope
    service_id: None | str
    reason: str
    requested_by: str
    requested_at: datetime.datetime
    expires_at: datetime.datetime
    approver: None | str
    approved_at: datetime.datetime | None
    status: PolicyExceptionStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        policy_id = self.policy_id

        scope = self.scope.value

        service_id: None | str
        service_id = self.service_id

        reason = self.reason

        requested_by = self.requested_by

        requested_at = self.requested_at.isoformat()

        expires_at = self.expires_at.isoformat()

        approver: None | str
        approver = self.approver

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "policy_id": policy_id,
                "scope": scope,
                "service_id": service_id,
                "reason": reason,
                "requested_by": requested_by,
                "requested_at": requested_at,
                "expires_at": expires_at,
                "approver": approver,
                "approved_at": approved_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        policy_id = d.pop("policy_id")

        scope = PolicyExceptionScope(d.pop("scope"))

        def _parse_service_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_id = _parse_service_id(d.pop("service_id"))

        reason = d.pop("reason")

        requested_by = d.pop("requested_by")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_approver(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approver = _parse_approver(d.pop("approver"))

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        status = PolicyExceptionStatus(d.pop("status"))

        policy_exception = cls(
            id=id,
            policy_id=policy_id,
            scope=scope,
            service_id=service_id,
            reason=reason,
            requested_by=requested_by,
            requested_at=requested_at,
            expires_at=expires_at,
            approver=approver,
            approved_at=approved_at,
            status=status,
        )

        policy_exception.additional_properties = d
        return policy_exception

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
