from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_problem import FieldProblem
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
        rejected (list[FieldProblem] | Unset): The samples that are not valid events (field `events[i].…`, message,
            code); the rule ran over the others.
    """

    fires: bool
    detections: list[SecurityDetection]
    batch_detections: int
    agree: bool
    sql: list[str]
    rejected: list[FieldProblem] | Unset = UNSET
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

        rejected: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rejected, Unset):
            rejected = []
            for rejected_item_data in self.rejected:
                rejected_item = rejected_item_data.to_dict()
                rejected.append(rejected_item)

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
        if rejected is not UNSET:
            field_dict["rejected"] = rejected

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.field_problem import FieldProblem
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

        _rejected = d.pop("rejected", UNSET)
        rejected: list[FieldProblem] | Unset = UNSET
        if _rejected is not UNSET:
            rejected = []
            for rejected_item_data in _rejected:
                rejected_item = FieldProblem.from_dict(rejected_item_data)

                rejected.append(rejected_item)

        detection_rule_test_result = cls(
            fires=fires,
            detections=detections,
            batch_detections=batch_detections,
            agree=agree,
            sql=sql,
            rejected=rejected,
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
