from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_occurrence_source import AlertOccurrenceSource
from ..models.alert_severity import AlertSeverity

T = TypeVar("T", bound="AlertOccurrence")


@_attrs_define
class AlertOccurrence:
    """
    Example:
        {'id': 'aoc_01jd3m6v8k2q4w6e8r0t2y4u6i', 'tenant_id': 'acme', 'alert_id': 'alt_01jd3m6v8k2q4w6e8r0t2y4u6i',
            'fingerprint': '3f6c2d1a9b8e7f10', 'alert_name': 'HighErrorRate', 'service_id':
            'svc_01jd3m6v8k2q4w6e8r0t2y4u6i', 'service': 'checkout-api', 'severity': 'critical', 'starts_at':
            '2026-11-27T09:58:00.123456Z', 'ends_at': '2026-11-27T10:31:00Z', 'source': 'alertmanager', 'received_at':
            '2026-11-27T09:58:01Z'}

    Attributes:
        id (str):
        tenant_id (str):  Example: acme.
        alert_id (None | str): The inbox's alert (occurrences from Alertmanager); null for imported ones.
        fingerprint (str):
        alert_name (str): The `alertname` label.
        service_id (None | str): The tenant's service; null when unknown.
        service (None | str): The service's name (the `service` label).
        severity (AlertSeverity):
        starts_at (datetime.datetime):
        ends_at (datetime.datetime | None): When it resolved; null while it fires.
        source (AlertOccurrenceSource):
        received_at (datetime.datetime): When CompanyOS first learnt of it.
    """

    id: str
    tenant_id: str
    alert_id: None | str
    fingerprint: str
    alert_name: str
    service_id: None | str
    service: None | str
    severity: AlertSeverity
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    source: AlertOccurrenceSource
    received_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        tenant_id = self.tenant_id

        alert_id: None | str
        alert_id = self.alert_id

        fingerprint = self.fingerprint

        alert_name = self.alert_name

        service_id: None | str
        service_id = self.service_id

        service: None | str
        service = self.service

        severity = self.severity.value

        starts_at = self.starts_at.isoformat()

        ends_at: None | str
        if isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        source = self.source.value

        received_at = self.received_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "alert_id": alert_id,
                "fingerprint": fingerprint,
                "alert_name": alert_name,
                "service_id": service_id,
                "service": service,
                "severity": severity,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "source": source,
                "received_at": received_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        def _parse_alert_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        alert_id = _parse_alert_id(d.pop("alert_id"))

        fingerprint = d.pop("fingerprint")

        alert_name = d.pop("alert_name")

        def _parse_service_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_id = _parse_service_id(d.pop("service_id"))

        def _parse_service(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service = _parse_service(d.pop("service"))

        severity = AlertSeverity(d.pop("severity"))

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        def _parse_ends_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ends_at = _parse_ends_at(d.pop("ends_at"))

        source = AlertOccurrenceSource(d.pop("source"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        alert_occurrence = cls(
            id=id,
            tenant_id=tenant_id,
            alert_id=alert_id,
            fingerprint=fingerprint,
            alert_name=alert_name,
            service_id=service_id,
            service=service,
            severity=severity,
            starts_at=starts_at,
            ends_at=ends_at,
            source=source,
            received_at=received_at,
        )

        alert_occurrence.additional_properties = d
        return alert_occurrence

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
