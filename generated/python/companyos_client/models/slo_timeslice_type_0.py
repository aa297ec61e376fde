from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SloTimesliceType0")


@_attrs_define
class SloTimesliceType0:
    """
    Attributes:
        target (float): Percent a slice must reach to be good.
        window_minutes (int):
    """

    target: float
    window_minutes: int

    def to_dict(self) -> dict[str, Any]:
        target = self.target

        window_minutes = self.window_minutes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "target": target,
                "window_minutes": window_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        target = d.pop("target")

        window_minutes = d.pop("window_minutes")

        slo_timeslice_type_0 = cls(
            target=target,
            window_minutes=window_minutes,
        )

        return slo_timeslice_type_0
