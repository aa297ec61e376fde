from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PolicyExceptionCreate")


@_attrs_define
class PolicyExceptionCreate:
    """
    Attributes:
        policy_id (str):
        reason (str):
        duration_hours (int):
        service_id (str | Unset): Scope the exception to one service; omit for the whole tenant.
    """

    policy_id: str
    reason: str
    duration_hours: int
    service_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        policy_id = self.policy_id

        reason = self.reason

        duration_hours = self.duration_hours

        service_id = self.service_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "policy_id": policy_id,
                "reason": reason,
                "duration_hours": duration_hours,
            }
        )
        if service_id is not UNSET:
            field_dict["service_id"] = service_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        policy_id = d.pop("policy_id")

        reason = d.pop("reason")

        duration_hours = d.pop("duration_hours")

        service_id = d.pop("service_id", UNSET)

        policy_exception_create = cls(
            policy_id=policy_id,
            reason=reason,
            duration_hours=duration_hours,
            service_id=service_id,
        )

        return policy_exception_create
