from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MaestroSliSide")


@_attrs_define
class MaestroSliSide:
    """
    Attributes:
        good (int):
        total (int):
        error_rate (float | None):
        burn_rate (float | None):
    """

    good: int
    total: int
    error_rate: float | None
    burn_rate: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        good = self.good

        total = self.total

        error_rate: float | None
        error_rate = self.error_rate

        burn_rate: float | None
        burn_rate = self.burn_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "good": good,
                "total": total,
                "error_rate": error_rate,
                "burn_rate": burn_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        good = d.pop("good")

        total = d.pop("total")

        def _parse_error_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        error_rate = _parse_error_rate(d.pop("error_rate"))

        def _parse_burn_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        burn_rate = _parse_burn_rate(d.pop("burn_rate"))

        maestro_sli_side = cls(
            good=good,
            total=total,
            error_rate=error_rate,
            burn_rate=burn_rate,
        )

        maestro_sli_side.additional_properties = d
        return maestro_sli_side

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
