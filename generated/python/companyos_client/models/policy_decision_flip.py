from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.policy_decision_flip_after import PolicyDecisionFlipAfter
from ..models.policy_decision_flip_before import PolicyDecisionFlipBefore

T = TypeVar("T", bound="PolicyDecisionFlip")


@_attrs_define
class PolicyDecisionFlip:
    """
    Attributes:
        decision_id (str):
        at (datetime.datetime):
        principal (str):
        roles (list[str]):
        action (str):
        resource (str):
        before (PolicyDecisionFlipBefore):
        after (PolicyDecisionFlipAfter):
        reasons (list[str]):
    """

    decision_id: str
    at: datetime.datetime
    principal: str
    roles: list[str]
    action: str
    resource: str
    before: PolicyDecisionFlipBefore
    after: PolicyDecisionFlipAfter
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decision_id = self.decision_id

        at = self.at.isoformat()

        principal = self.principal

        roles = self.roles

        action = self.action

        resource = self.resource

        before = self.before.value

        after = self.after.value

        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision_id": decision_id,
                "at": at,
                "principal": principal,
                "roles": roles,
                "action": action,
                "resource": resource,
                "before": before,
                "after": after,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decision_id = d.pop("decision_id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        principal = d.pop("principal")

        roles = cast(list[str], d.pop("roles"))

        action = d.pop("action")

        resource = d.pop("resource")

        before = PolicyDecisionFlipBefore(d.pop("before"))

        after = PolicyDecisionFlipAfter(d.pop("after"))

        reasons = cast(list[str], d.pop("reasons"))

        policy_decision_flip = cls(
            decision_id=decision_id,
            at=at,
            principal=principal,
            roles=roles,
            action=action,
            resource=resource,
            before=before,
            after=after,
            reasons=reasons,
        )

        policy_decision_flip.additional_properties = d
        return policy_decision_flip

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
