from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AlertQualityType0")


@_attrs_define
class AlertQualityType0:
    """
    Attributes:
        pages (int):
        pages_per_week (float):
        precision (float | None):
        recall (float | None):
        significant_burns (int):
        missed_burns (int):
        detection_minutes (float | None):
        reset_minutes (float | None):
    """

    pages: int
    pages_per_week: float
    precision: float | None
    recall: float | None
    significant_burns: int
    missed_burns: int
    detection_minutes: float | None
    reset_minutes: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pages = self.pages

        pages_per_week = self.pages_per_week

        precision: float | None
        precision = self.precision

        recall: float | None
        recall = self.recall

        significant_burns = self.significant_burns

        missed_burns = self.missed_burns

        detection_minutes: float | None
        detection_minutes = self.detection_minutes

        reset_minutes: float | None
        reset_minutes = self.reset_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pages": pages,
                "pages_per_week": pages_per_week,
                "precision": precision,
                "recall": recall,
                "significant_burns": significant_burns,
                "missed_burns": missed_burns,
                "detection_minutes": detection_minutes,
                "reset_minutes": reset_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        pages = d.pop("pages")

        pages_per_week = d.pop("pages_per_week")

        def _parse_precision(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        precision = _parse_precision(d.pop("precision"))

        def _parse_recall(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        recall = _parse_recall(d.pop("recall"))

        significant_burns = d.pop("significant_burns")

        missed_burns = d.pop("missed_burns")

        def _parse_detection_minutes(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        detection_minutes = _parse_detection_minutes(d.pop("detection_minutes"))

        def _parse_reset_minutes(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        reset_minutes = _parse_reset_minutes(d.pop("reset_minutes"))

        alert_quality_type_0 = cls(
            pages=pages,
            pages_per_week=pages_per_week,
            precision=precision,
            recall=recall,
            significant_burns=significant_burns,
            missed_burns=missed_burns,
            detection_minutes=detection_minutes,
            reset_minutes=reset_minutes,
        )

        alert_quality_type_0.additional_properties = d
        return alert_quality_type_0

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
