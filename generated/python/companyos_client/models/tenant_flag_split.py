from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TenantFlagSplit")


@_attrs_define
class TenantFlagSplit:
    """
    Attributes:
        variant (str):
        weight (int):
    """

    variant: str
    weight: int

    def to_dict(self) -> dict[str, Any]:
        variant = self.variant

        weight = self.weight

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "variant": variant,
                "weight": weight,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        variant = d.pop("variant")

        weight = d.pop("weight")

        tenant_flag_split = cls(
            variant=variant,
            weight=weight,
        )

        return tenant_flag_split
