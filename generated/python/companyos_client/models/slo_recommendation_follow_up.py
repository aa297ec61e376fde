from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.slo_verification import SloVerification


T = TypeVar("T", bound="SloRecommendationFollowUp")


@_attrs_define
class SloRecommendationFollowUp:
    """
    Attributes:
        success_metric (str):
        verification (SloVerification):
    """

    success_metric: str
    verification: SloVerification
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success_metric = self.success_metric

        verification = self.verification.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success_metric": success_metric,
                "verification": verification,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.slo_verification import SloVerification

        d = dict(src_dict)
        success_metric = d.pop("success_metric")

        verification = SloVerification.from_dict(d.pop("verification"))

        slo_recommendation_follow_up = cls(
            success_metric=success_metric,
            verification=verification,
        )

        slo_recommendation_follow_up.additional_properties = d
        return slo_recommendation_follow_up

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
