from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.policy_rule_type_0_effect import PolicyRuleType0Effect
from ..types import UNSET, Unset

T = TypeVar("T", bound="PolicyRuleType0")


@_attrs_define
class PolicyRuleType0:
    """The structured rule of a tenant policy; null for built-ins.

    Attributes:
        effect (PolicyRuleType0Effect | Unset):
        actions (list[str] | Unset):
        roles (list[str] | Unset):
        require_mfa (bool | Unset):
        mutations_only (bool | Unset):
        reason (str | Unset):
        enabled (bool | Unset):
    """

    effect: PolicyRuleType0Effect | Unset = UNSET
    actions: list[str] | Unset = UNSET
    roles: list[str] | Unset = UNSET
    require_mfa: bool | Unset = UNSET
    mutations_only: bool | Unset = UNSET
    reason: str | Unset = UNSET
    enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        effect: str | Unset = UNSET
        if not isinstance(self.effect, Unset):
            effect = self.effect.value

        actions: list[str] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = self.actions

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        require_mfa = self.require_mfa

        mutations_only = self.mutations_only

        reason = self.reason

        enabled = self.enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if effect is not UNSET:
            field_dict["effect"] = effect
        if actions is not UNSET:
            field_dict["actions"] = actions
        if roles is not UNSET:
            field_dict["roles"] = roles
        if require_mfa is not UNSET:
            field_dict["require_mfa"] = require_mfa
        if mutations_only is not UNSET:
            field_dict["mutations_only"] = mutations_only
        if reason is not UNSET:
            field_dict["reason"] = reason
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _effect = d.pop("effect", UNSET)
        effect: PolicyRuleType0Effect | Unset
        if isinstance(_effect, Unset):
            effect = UNSET
        else:
            effect = PolicyRuleType0Effect(_effect)

        actions = cast(list[str], d.pop("actions", UNSET))

        roles = cast(list[str], d.pop("roles", UNSET))

        require_mfa = d.pop("require_mfa", UNSET)

        mutations_only = d.pop("mutations_only", UNSET)

        reason = d.pop("reason", UNSET)

        enabled = d.pop("enabled", UNSET)

        policy_rule_type_0 = cls(
            effect=effect,
            actions=actions,
            roles=roles,
            require_mfa=require_mfa,
            mutations_only=mutations_only,
            reason=reason,
            enabled=enabled,
        )

        policy_rule_type_0.additional_properties = d
        return policy_rule_type_0

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
