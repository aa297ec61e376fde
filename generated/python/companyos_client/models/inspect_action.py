from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InspectAction")


@_attrs_define
class InspectAction:
    """
    Attributes:
        action (str):
        allowed (bool):
        reasons (list[str]):
        requires_step_up (bool):
    """

    action: str
    allowed: bool
    reasons: list[str]
    requires_step_up: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        allowed = self.allowed

        reasons = self.reasons

        requires_step_up = self.requires_step_up

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "allowed": allowed,
                "reasons": reasons,
                "requires_step_up": requires_step_up,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = d.pop("action")

        allowed = d.pop("allowed")

        reasons = cast(list[str], d.pop("reasons"))

        requires_step_up = d.pop("requires_step_up")

        inspect_action = cls(
            action=action,
            allowed=allowed,
            reasons=reasons,
            requires_step_up=requires_step_up,
        )

        inspect_action.additional_properties = d
        return inspect_action

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
