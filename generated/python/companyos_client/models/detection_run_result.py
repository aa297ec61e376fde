from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.security_detection import SecurityDetection


T = TypeVar("T", bound="DetectionRunResult")


@_attrs_define
class DetectionRunResult:
    """
    Attributes:
        since (datetime.datetime):
        until (datetime.datetime):
        events (int):
        rules (list[str]):
        detections (list[SecurityDetection]):
    """

    since: datetime.datetime
    until: datetime.datetime
    events: int
    rules: list[str]
    detections: list[SecurityDetection]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        since = self.since.isoformat()

        until = self.until.isoformat()

        events = self.events

        rules = self.rules

        detections = []
        for detections_item_data in self.detections:
            detections_item = detections_item_data.to_dict()
            detections.append(detections_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "since": since,
                "until": until,
                "events": events,
                "rules": rules,
                "detections": detections,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.security_detection import SecurityDetection

        d = dict(src_dict)
        since = datetime.datetime.fromisoformat(d.pop("since"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        events = d.pop("events")

        rules = cast(list[str], d.pop("rules"))

        detections = []
        _detections = d.pop("detections")
        for detections_item_data in _detections:
            detections_item = SecurityDetection.from_dict(detections_item_data)

            detections.append(detections_item)

        detection_run_result = cls(
            since=since,
            until=until,
            events=events,
            rules=rules,
            detections=detections,
        )

        detection_run_result.additional_properties = d
        return detection_run_result

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
