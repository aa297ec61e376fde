from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.security_detection import SecurityDetection
    from ..models.security_ingest_result_errors_item import SecurityIngestResultErrorsItem


T = TypeVar("T", bound="SecurityIngestResult")


@_attrs_define
class SecurityIngestResult:
    """
    Attributes:
        received (int):
        accepted (int):
        rejected (int):
        event_ids (list[str]):
        errors (list[SecurityIngestResultErrorsItem]):
        tenant_mismatches (int):
        detections (list[SecurityDetection]):
        alert_ids (list[str]):
    """

    received: int
    accepted: int
    rejected: int
    event_ids: list[str]
    errors: list[SecurityIngestResultErrorsItem]
    tenant_mismatches: int
    detections: list[SecurityDetection]
    alert_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        received = self.received

        accepted = self.accepted

        rejected = self.rejected

        event_ids = self.event_ids

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        tenant_mismatches = self.tenant_mismatches

        detections = []
        for detections_item_data in self.detections:
            detections_item = detections_item_data.to_dict()
            detections.append(detections_item)

        alert_ids = self.alert_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "received": received,
                "accepted": accepted,
                "rejected": rejected,
                "event_ids": event_ids,
                "errors": errors,
                "tenant_mismatches": tenant_mismatches,
                "detections": detections,
                "alert_ids": alert_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.security_detection import SecurityDetection
        from ..models.security_ingest_result_errors_item import SecurityIngestResultErrorsItem

        d = dict(src_dict)
        received = d.pop("received")

        accepted = d.pop("accepted")

        rejected = d.pop("rejected")

        event_ids = cast(list[str], d.pop("event_ids"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = SecurityIngestResultErrorsItem.from_dict(errors_item_data)

            errors.append(errors_item)

        tenant_mismatches = d.pop("tenant_mismatches")

        detections = []
        _detections = d.pop("detections")
        for detections_item_data in _detections:
            detections_item = SecurityDetection.from_dict(detections_item_data)

            detections.append(detections_item)

        alert_ids = cast(list[str], d.pop("alert_ids"))

        security_ingest_result = cls(
            received=received,
            accepted=accepted,
            rejected=rejected,
            event_ids=event_ids,
            errors=errors,
            tenant_mismatches=tenant_mismatches,
            detections=detections,
            alert_ids=alert_ids,
        )

        security_ingest_result.additional_properties = d
        return security_ingest_result

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
