from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantFlagRollout")


@_attrs_define
class TenantFlagRollout:
    """The rule applies to `percentage` % of the contexts: bucket = murmur3("<flag key>:<stickiness value>") mod 100 + 1,
    admitted when at most `percentage` (monotonic as it rises).

        Attributes:
            percentage (int):
            stickiness (str | Unset): The context attribute to bucket on (falls back to `targetingKey` when absent).
                Default: 'targetingKey'.
    """

    percentage: int
    stickiness: str | Unset = "targetingKey"

    def to_dict(self) -> dict[str, Any]:
        percentage = self.percentage

        stickiness = self.stickiness

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "percentage": percentage,
            }
        )
        if stickiness is not UNSET:
            field_dict["stickiness"] = stickiness

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        percentage = d.pop("percentage")

        stickiness = d.pop("stickiness", UNSET)

        tenant_flag_rollout = cls(
            percentage=percentage,
            stickiness=stickiness,
        )

        return tenant_flag_rollout
