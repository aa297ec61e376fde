from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.policy_rule_effect import PolicyRuleEffect
from ..models.policy_rule_roles_item import PolicyRuleRolesItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="PolicyRule")


@_attrs_define
class PolicyRule:
    """A tenant policy, confined to its tenant; a `permit` applies to members of the tenant only.

    Attributes:
        effect (PolicyRuleEffect):
        actions (list[str]):
        reason (str): No control characters: a reason holding any character of `x-companyos-refused-characters` (C0 and
            C1 controls, U+2028, U+2029, lone surrogates) is refused (400 `invalid-argument` naming the field, code
            `control_character`).
        roles (list[PolicyRuleRolesItem] | Unset): Applies to callers holding any of these roles; empty means everyone.
        require_mfa (bool | Unset): permit: only with a multi-factor sign-in. forbid: applies to callers without one.
        mutations_only (bool | Unset):
        enabled (bool | Unset):
        change_note (str | Unset):
    """

    effect: PolicyRuleEffect
    actions: list[str]
    reason: str
    roles: list[PolicyRuleRolesItem] | Unset = UNSET
    require_mfa: bool | Unset = UNSET
    mutations_only: bool | Unset = UNSET
    enabled: bool | Unset = UNSET
    change_note: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        effect = self.effect.value

        actions = self.actions

        reason = self.reason

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.value
                roles.append(roles_item)

        require_mfa = self.require_mfa

        mutations_only = self.mutations_only

        enabled = self.enabled

        change_note = self.change_note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effect": effect,
                "actions": actions,
                "reason": reason,
            }
        )
        if roles is not UNSET:
            field_dict["roles"] = roles
        if require_mfa is not UNSET:
            field_dict["require_mfa"] = require_mfa
        if mutations_only is not UNSET:
            field_dict["mutations_only"] = mutations_only
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if change_note is not UNSET:
            field_dict["change_note"] = change_note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        effect = PolicyRuleEffect(d.pop("effect"))

        actions = cast(list[str], d.pop("actions"))

        reason = d.pop("reason")

        _roles = d.pop("roles", UNSET)
        roles: list[PolicyRuleRolesItem] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = PolicyRuleRolesItem(roles_item_data)

                roles.append(roles_item)

        require_mfa = d.pop("require_mfa", UNSET)

        mutations_only = d.pop("mutations_only", UNSET)

        enabled = d.pop("enabled", UNSET)

        change_note = d.pop("change_note", UNSET)

        policy_rule = cls(
            effect=effect,
            actions=actions,
            reason=reason,
            roles=roles,
            require_mfa=require_mfa,
            mutations_only=mutations_only,
            enabled=enabled,
            change_note=change_note,
        )

        return policy_rule
