from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.policy_decision_outcome import PolicyDecisionOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="PolicyDecision")


@_attrs_define
class PolicyDecision:
    """
    Attributes:
        id (str):
        at (datetime.datetime):
        principal (str):
        principal_kind (str):
        roles (list[str]):
        action (str):
        resource (str):
        outcome (PolicyDecisionOutcome):
        reasons (list[str]):
        policy_ids (list[str]):
        request_id (None | str | Unset):
    """

    id: str
    at: datetime.datetime
    principal: str
    principal_kind: str
    roles: list[str]
    action: str
    resource: str
    outcome: PolicyDecisionOutcome
    reasons: list[str]
    policy_ids: list[str]
    request_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        principal = self.principal

        principal_kind = self.principal_kind

        roles = self.roles

        action = self.action

        resource = self.resource

        outcome = self.outcome.value

        reasons = self.reasons

        policy_ids = self.policy_ids

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "principal": principal,
                "principal_kind": principal_kind,
                "roles": roles,
                "action": action,
                "resource": resource,
                "outcome": outcome,
                "reasons": reasons,
                "policy_ids": policy_ids,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        principal = d.pop("principal")

        principal_kind = d.pop("principal_kind")

        roles = cast(list[str], d.pop("roles"))

        action = d.pop("action")

        resource = d.pop("resource")

        outcome = PolicyDecisionOutcome(d.pop("outcome"))

        reasons = cast(list[str], d.pop("reasons"))

        policy_ids = cast(list[str], d.pop("policy_ids"))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        policy_decision = cls(
            id=id,
            at=at,
            principal=principal,
            principal_kind=principal_kind,
            roles=roles,
            action=action,
            resource=resource,
            outcome=outcome,
            reasons=reasons,
            policy_ids=policy_ids,
            request_id=request_id,
        )

        policy_decision.additional_properties = d
        return policy_decision

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
