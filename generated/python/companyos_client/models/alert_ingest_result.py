from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AlertIngestResult")


@_attrs_define
class AlertIngestResult:
    """
    Example:
        {'received': 1, 'created': 1, 'updated': 0, 'resolved': 0, 'truncated_alerts': 0, 'alert_ids':
            ['alt_01jd3m6v8k2q4w6e8r0t2y4u6i']}

    Attributes:
        received (int):
        created (int):
        updated (int):
        resolved (int):
        truncated_alerts (int):
        alert_ids (list[str]):
    """

    received: int
    created: int
    updated: int
    resolved: int
    truncated_alerts: int
    alert_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        received = self.received

        created = self.created

        updated = self.updated

        resolved = self.resolved

        truncated_alerts = self.truncated_alerts

        alert_ids = self.alert_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "received": received,
                "created": created,
                "updated": updated,
                "resolved": resolved,
                "truncated_alerts": truncated_alerts,
                "alert_ids": alert_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        received = d.pop("received")

        created = d.pop("created")

        updated = d.pop("updated")

        resolved = d.pop("resolved")

        truncated_alerts = d.pop("truncated_alerts")

        alert_ids = cast(list[str], d.pop("alert_ids"))

        alert_ingest_result = cls(
            received=received,
            created=created,
            updated=updated,
            resolved=resolved,
            truncated_alerts=truncated_alerts,
            alert_ids=alert_ids,
        )

        alert_ingest_result.additional_properties = d
        return alert_ingest_result

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
