from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy import Policy
    from ..models.policy_decision_flip import PolicyDecisionFlip
    from ..models.policy_widening import PolicyWidening


T = TypeVar("T", bound="PolicyEditResult")


@_attrs_define
class PolicyEditResult:
    """
    Attributes:
        dry_run (bool):
        policy (Policy):
        previous_version (int | None):
        evaluated (int): How many recent decisions were evaluated again.
        changed (int):
        flips (list[PolicyDecisionFlip]):
        approval_required (bool | Unset): The change widens some role's permissions, so it is (or would be) stored
            pending approval.
        widening (list[PolicyWidening] | Unset): Every (role, action) pair the change would newly allow, for a member
            holding that role.
    """

    dry_run: bool
    policy: Policy
    previous_version: int | None
    evaluated: int
    changed: int
    flips: list[PolicyDecisionFlip]
    approval_required: bool | Unset = UNSET
    widening: list[PolicyWidening] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        policy = self.policy.to_dict()

        previous_version: int | None
        previous_version = self.previous_version

        evaluated = self.evaluated

        changed = self.changed

        flips = []
        for flips_item_data in self.flips:
            flips_item = flips_item_data.to_dict()
            flips.append(flips_item)

        approval_required = self.approval_required

        widening: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.widening, Unset):
            widening = []
            for widening_item_data in self.widening:
                widening_item = widening_item_data.to_dict()
                widening.append(widening_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dry_run": dry_run,
                "policy": policy,
                "previous_version": previous_version,
                "evaluated": evaluated,
                "changed": changed,
                "flips": flips,
            }
        )
        if approval_required is not UNSET:
            field_dict["approval_required"] = approval_required
        if widening is not UNSET:
            field_dict["widening"] = widening

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy import Policy
        from ..models.policy_decision_flip import PolicyDecisionFlip
        from ..models.policy_widening import PolicyWidening

        d = dict(src_dict)
        dry_run = d.pop("dry_run")

        policy = Policy.from_dict(d.pop("policy"))

        def _parse_previous_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous_version = _parse_previous_version(d.pop("previous_version"))

        evaluated = d.pop("evaluated")

        changed = d.pop("changed")

        flips = []
        _flips = d.pop("flips")
        for flips_item_data in _flips:
            flips_item = PolicyDecisionFlip.from_dict(flips_item_data)

            flips.append(flips_item)

        approval_required = d.pop("approval_required", UNSET)

        _widening = d.pop("widening", UNSET)
        widening: list[PolicyWidening] | Unset = UNSET
        if _widening is not UNSET:
            widening = []
            for widening_item_data in _widening:
                widening_item = PolicyWidening.from_dict(widening_item_data)

                widening.append(widening_item)

        policy_edit_result = cls(
            dry_run=dry_run,
            policy=policy,
            previous_version=previous_version,
            evaluated=evaluated,
            changed=changed,
            flips=flips,
            approval_required=approval_required,
            widening=widening,
        )

        policy_edit_result.additional_properties = d
        return policy_edit_result

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
