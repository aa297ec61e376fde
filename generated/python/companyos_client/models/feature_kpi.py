from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeatureKpi")


@_attrs_define
class FeatureKpi:
    """
    Attributes:
        name (str):
        target (str | Unset):
        result (str | Unset):
    """

    name: str
    target: str | Unset = UNSET
    result: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        target = self.target

        result = self.result

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if target is not UNSET:
            field_dict["target"] = target
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        target = d.pop("target", UNSET)

        result = d.pop("result", UNSET)

        feature_kpi = cls(
            name=name,
            target=target,
            result=result,
        )

        return feature_kpi
