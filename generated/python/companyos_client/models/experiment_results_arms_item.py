from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExperimentResultsArmsItem")


@_attrs_define
class ExperimentResultsArmsItem:
    """
    Attributes:
        variant (str):
        exposed (int):
        converted (int):
        rate (float | None):
        ci_low (float):
        ci_high (float):
    """

    variant: str
    exposed: int
    converted: int
    rate: float | None
    ci_low: float
    ci_high: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        variant = self.variant

        exposed = self.exposed

        converted = self.converted

        rate: float | None
        rate = self.rate

        ci_low = self.ci_low

        ci_high = self.ci_high

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "variant": variant,
                "exposed": exposed,
                "converted": converted,
                "rate": rate,
                "ci_low": ci_low,
                "ci_high": ci_high,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        variant = d.pop("variant")

        exposed = d.pop("exposed")

        converted = d.pop("converted")

        def _parse_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rate = _parse_rate(d.pop("rate"))

        ci_low = d.pop("ci_low")

        ci_high = d.pop("ci_high")

        experiment_results_arms_item = cls(
            variant=variant,
            exposed=exposed,
            converted=converted,
            rate=rate,
            ci_low=ci_low,
            ci_high=ci_high,
        )

        experiment_results_arms_item.additional_properties = d
        return experiment_results_arms_item

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
