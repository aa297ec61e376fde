from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.security_detection import SecurityDetection


T = TypeVar("T", bound="DetectionRuleTestResult")


@_attrs_define
class DetectionRuleTestResult:
    """
    Attributes:
        fires (bool):
        detections (list[SecurityDetection]):
        batch_detections (int): How many detections the compiled SQL found.
        agree (bool): Streaming and batch found the same detections.
        sql (list[str]):
    """

    fires: bool
    detections: list[SecurityDetection]
    batch_detections: int
    agree: bool
    sql: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fires = self.fires

        detections = []
        for detections_item_data in self.detections:
            detections_item = detections_item_data.to_dict()
            detections.append(detections_item)

        batch_detections = self.batch_detections

        agree = self.agree

        sql = self.sql

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fires": fires,
                "detections": detections,
                "batch_detections": batch_detections,
                "agree": agree,
                "sql": sql,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.security_detection import SecurityDetection

        d = dict(src_dict)
        fires = d.pop("fires")

        detections = []
        _detections = d.pop("detections")
        for detections_item_data in _detections:
            detections_item = SecurityDetection.from_dict(detections_item_data)

            detections.append(detections_item)

        batch_detections = d.pop("batch_detections")

        agree = d.pop("agree")

        sql = cast(list[str], d.pop("sql"))

        detection_rule_test_result = cls(
            fires=fires,
            detections=detections,
            batch_detections=batch_detections,
            agree=agree,
            sql=sql,
        )

        detection_rule_test_result.additional_properties = d
        return detection_rule_test_result

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
