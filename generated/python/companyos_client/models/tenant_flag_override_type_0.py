from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantFlagOverrideType0")


@_attrs_define
class TenantFlagOverrideType0:
    """A tenant-level override that wins over every rule, with why it was set (null when none).

    Attributes:
        enabled (bool):
        reason (str):
        variant (str | Unset):
    """

    enabled: bool
    reason: str
    variant: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        reason = self.reason

        variant = self.variant

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "enabled": enabled,
                "reason": reason,
            }
        )
        if variant is not UNSET:
            field_dict["variant"] = variant

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        enabled = d.pop("enabled")

        reason = d.pop("reason")

        variant = d.pop("variant", UNSET)

        tenant_flag_override_type_0 = cls(
            enabled=enabled,
            reason=reason,
            variant=variant,
        )

        return tenant_flag_override_type_0
