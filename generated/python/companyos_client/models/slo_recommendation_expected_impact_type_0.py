from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SloRecommendationExpectedImpactType0")


@_attrs_define
class SloRecommendationExpectedImpactType0:
    """
    Attributes:
        pages_before (int):
        pages_after (int):
        page_reduction (float | None):
        significant_burns_missed_before (int):
        significant_burns_missed_after (int):
        budget_saved (float | None): Share of the window's budget saved.
    """

    pages_before: int
    pages_after: int
    page_reduction: float | None
    significant_burns_missed_before: int
    significant_burns_missed_after: int
    budget_saved: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pages_before = self.pages_before

        pages_after = self.pages_after

        page_reduction: float | None
        page_reduction = self.page_reduction

        significant_burns_missed_before = self.significant_burns_missed_before

        significant_burns_missed_after = self.significant_burns_missed_after

        budget_saved: float | None
        budget_saved = self.budget_saved

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pages_before": pages_before,
                "pages_after": pages_after,
                "page_reduction": page_reduction,
                "significant_burns_missed_before": significant_burns_missed_before,
                "significant_burns_missed_after": significant_burns_missed_after,
                "budget_saved": budget_saved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pages_before = d.pop("pages_before")

        pages_after = d.pop("pages_after")

        def _parse_page_reduction(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        page_reduction = _parse_page_reduction(d.pop("page_reduction"))

        significant_burns_missed_before = d.pop("significant_burns_missed_before")

        significant_burns_missed_after = d.pop("significant_burns_missed_after")

        def _parse_budget_saved(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        budget_saved = _parse_budget_saved(d.pop("budget_saved"))

        slo_recommendation_expected_impact_type_0 = cls(
            pages_before=pages_before,
            pages_after=pages_after,
            page_reduction=page_reduction,
            significant_burns_missed_before=significant_burns_missed_before,
            significant_burns_missed_after=significant_burns_missed_after,
            budget_saved=budget_saved,
        )

        slo_recommendation_expected_impact_type_0.additional_properties = d
        return slo_recommendation_expected_impact_type_0

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
