from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_category import AlertCategory
from ..models.alert_severity import AlertSeverity
from ..models.alert_status import AlertStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alert_detection_type_0 import AlertDetectionType0
    from ..models.alert_error_budget_impact import AlertErrorBudgetImpact
    from ..models.alertmanager_labels import AlertmanagerLabels


T = TypeVar("T", bound="Alert")


@_attrs_define
class Alert:
    """
    Attributes:
        id (str):
        tenant_id (str):  Example: acme.
        fingerprint (str):
        name (str): The `alertname` label.
        status (AlertStatus):
        severity (AlertSeverity):
        service (None | str): The `service` label.
        service_id (None | str): The tenant's service of that name; null when unknown.
        summary (str):
        labels (AlertmanagerLabels):
        annotations (AlertmanagerLabels):
        starts_at (datetime.datetime):
        occurrences (int): How many times it fired (a re-fire after resolving counts again).
        error_budget_impact (AlertErrorBudgetImpact): An estimate: burn rate from severity (critical 14.4, warning 6,
            info 1) against the service's SLO
            (or 99.9 % over 30 days); consumed = burn_rate × firing time / SLO window. See docs/alerts.md.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        description (str | Unset):
        ends_at (datetime.datetime | None | Unset):
        generator_url (None | str | Unset):
        receiver (None | str | Unset):
        last_received_at (datetime.datetime | Unset):
        acknowledged_by (None | str | Unset):
        acknowledged_at (datetime.datetime | None | Unset):
        silenced_by (None | str | Unset):
        silenced_until (datetime.datetime | None | Unset):
        silence_reason (None | str | Unset):
        incident_id (None | str | Unset):
        category (AlertCategory | Unset):
        rule (None | str | Unset): The detection rule that fired (security alerts).
        principal (None | str | Unset): The principal a security alert is about.
        risk (float | None | Unset): The principal's decayed risk score when the detection was last raised (security
            alerts).
        detection (AlertDetectionType0 | None | Unset): A security alert's detection: the Sigma rule's `title` and
            `level`, the correlation `group`, `metric`, the evidence `event_ids`, and `enrichment` (recent deploy, config
            and admin changes, related alerts).
    """

    id: str
    tenant_id: str
    fingerprint: str
    name: str
    status: AlertStatus
    severity: AlertSeverity
    service: None | str
    service_id: None | str
    summary: str
    labels: AlertmanagerLabels
    annotations: AlertmanagerLabels
    starts_at: datetime.datetime
    occurrences: int
    error_budget_impact: AlertErrorBudgetImpact
    created_at: datetime.datetime
    updated_at: datetime.datetime
    description: str | Unset = UNSET
    ends_at: datetime.datetime | None | Unset = UNSET
    generator_url: None | str | Unset = UNSET
    receiver: None | str | Unset = UNSET
    last_received_at: datetime.datetime | Unset = UNSET
    acknowledged_by: None | str | Unset = UNSET
    acknowledged_at: datetime.datetime | None | Unset = UNSET
    silenced_by: None | str | Unset = UNSET
    silenced_until: datetime.datetime | None | Unset = UNSET
    silence_reason: None | str | Unset = UNSET
    incident_id: None | str | Unset = UNSET
    category: AlertCategory | Unset = UNSET
    rule: None | str | Unset = UNSET
    principal: None | str | Unset = UNSET
    risk: float | None | Unset = UNSET
    detection: AlertDetectionType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.alert_detection_type_0 import AlertDetectionType0

        id = self.id

        tenant_id = self.tenant_id

        fingerprint = self.fingerprint

        name = self.name

        status = self.status.value

        severity = self.severity.value

        service: None | str
        service = self.service

        service_id: None | str
        service_id = self.service_id

        summary = self.summary

        labels = self.labels.to_dict()

        annotations = self.annotations.to_dict()

        starts_at = self.starts_at.isoformat()

        occurrences = self.occurrences

        error_budget_impact = self.error_budget_impact.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        description = self.description

        ends_at: None | str | Unset
        if isinstance(self.ends_at, Unset):
            ends_at = UNSET
        elif isinstance(self.ends_at, datetime.datetime):
            ends_at = self.ends_at.isoformat()
        else:
            ends_at = self.ends_at

        generator_url: None | str | Unset
        if isinstance(self.generator_url, Unset):
            generator_url = UNSET
        else:
            generator_url = self.generator_url

        receiver: None | str | Unset
        if isinstance(self.receiver, Unset):
            receiver = UNSET
        else:
            receiver = self.receiver

        last_received_at: str | Unset = UNSET
        if not isinstance(self.last_received_at, Unset):
            last_received_at = self.last_received_at.isoformat()

        acknowledged_by: None | str | Unset
        if isinstance(self.acknowledged_by, Unset):
            acknowledged_by = UNSET
        else:
            acknowledged_by = self.acknowledged_by

        acknowledged_at: None | str | Unset
        if isinstance(self.acknowledged_at, Unset):
            acknowledged_at = UNSET
        elif isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        silenced_by: None | str | Unset
        if isinstance(self.silenced_by, Unset):
            silenced_by = UNSET
        else:
            silenced_by = self.silenced_by

        silenced_until: None | str | Unset
        if isinstance(self.silenced_until, Unset):
            silenced_until = UNSET
        elif isinstance(self.silenced_until, datetime.datetime):
            silenced_until = self.silenced_until.isoformat()
        else:
            silenced_until = self.silenced_until

        silence_reason: None | str | Unset
        if isinstance(self.silence_reason, Unset):
            silence_reason = UNSET
        else:
            silence_reason = self.silence_reason

        incident_id: None | str | Unset
        if isinstance(self.incident_id, Unset):
            incident_id = UNSET
        else:
            incident_id = self.incident_id

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value

        rule: None | str | Unset
        if isinstance(self.rule, Unset):
            rule = UNSET
        else:
            rule = self.rule

        principal: None | str | Unset
        if isinstance(self.principal, Unset):
            principal = UNSET
        else:
            principal = self.principal

        risk: float | None | Unset
        if isinstance(self.risk, Unset):
            risk = UNSET
        else:
            risk = self.risk

        detection: dict[str, Any] | None | Unset
        if isinstance(self.detection, Unset):
            detection = UNSET
        elif isinstance(self.detection, AlertDetectionType0):
            detection = self.detection.to_dict()
        else:
            detection = self.detection

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tenant_id": tenant_id,
                "fingerprint": fingerprint,
                "name": name,
                "status": status,
                "severity": severity,
                "service": service,
                "service_id": service_id,
                "summary": summary,
                "labels": labels,
                "annotations": annotations,
                "starts_at": starts_at,
                "occurrences": occurrences,
                "error_budget_impact": error_budget_impact,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if generator_url is not UNSET:
            field_dict["generator_url"] = generator_url
        if receiver is not UNSET:
            field_dict["receiver"] = receiver
        if last_received_at is not UNSET:
            field_dict["last_received_at"] = last_received_at
        if acknowledged_by is not UNSET:
            field_dict["acknowledged_by"] = acknowledged_by
        if acknowledged_at is not UNSET:
            field_dict["acknowledged_at"] = acknowledged_at
        if silenced_by is not UNSET:
            field_dict["silenced_by"] = silenced_by
        if silenced_until is not UNSET:
            field_dict["silenced_until"] = silenced_until
        if silence_reason is not UNSET:
            field_dict["silence_reason"] = silence_reason
        if incident_id is not UNSET:
            field_dict["incident_id"] = incident_id
        if category is not UNSET:
            field_dict["category"] = category
        if rule is not UNSET:
            field_dict["rule"] = rule
        if principal is not UNSET:
            field_dict["principal"] = principal
        if risk is not UNSET:
            field_dict["risk"] = risk
        if detection is not UNSET:
            field_dict["detection"] = detection

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.alert_detection_type_0 import AlertDetectionType0
        from ..models.alert_error_budget_impact import AlertErrorBudgetImpact
        from ..models.alertmanager_labels import AlertmanagerLabels

        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenant_id")

        fingerprint = d.pop("fingerprint")

        name = d.pop("name")

        status = AlertStatus(d.pop("status"))

        severity = AlertSeverity(d.pop("severity"))

        def _parse_service(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service = _parse_service(d.pop("service"))

        def _parse_service_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_id = _parse_service_id(d.pop("service_id"))

        summary = d.pop("summary")

        labels = AlertmanagerLabels.from_dict(d.pop("labels"))

        annotations = AlertmanagerLabels.from_dict(d.pop("annotations"))

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        occurrences = d.pop("occurrences")

        error_budget_impact = AlertErrorBudgetImpact.from_dict(d.pop("error_budget_impact"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        description = d.pop("description", UNSET)

        def _parse_ends_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ends_at = _parse_ends_at(d.pop("ends_at", UNSET))

        def _parse_generator_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        generator_url = _parse_generator_url(d.pop("generator_url", UNSET))

        def _parse_receiver(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        receiver = _parse_receiver(d.pop("receiver", UNSET))

        _last_received_at = d.pop("last_received_at", UNSET)
        last_received_at: datetime.datetime | Unset
        if isinstance(_last_received_at, Unset):
            last_received_at = UNSET
        else:
            last_received_at = datetime.datetime.fromisoformat(_last_received_at)

        def _parse_acknowledged_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acknowledged_by = _parse_acknowledged_by(d.pop("acknowledged_by", UNSET))

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at", UNSET))

        def _parse_silenced_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        silenced_by = _parse_silenced_by(d.pop("silenced_by", UNSET))

        def _parse_silenced_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                silenced_until_type_0 = datetime.datetime.fromisoformat(data)

                return silenced_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        silenced_until = _parse_silenced_until(d.pop("silenced_until", UNSET))

        def _parse_silence_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        silence_reason = _parse_silence_reason(d.pop("silence_reason", UNSET))

        def _parse_incident_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        incident_id = _parse_incident_id(d.pop("incident_id", UNSET))

        _category = d.pop("category", UNSET)
        category: AlertCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = AlertCategory(_category)

        def _parse_rule(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rule = _parse_rule(d.pop("rule", UNSET))

        def _parse_principal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        principal = _parse_principal(d.pop("principal", UNSET))

        def _parse_risk(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        risk = _parse_risk(d.pop("risk", UNSET))

        def _parse_detection(data: object) -> AlertDetectionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detection_type_0 = AlertDetectionType0.from_dict(data)

                return detection_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AlertDetectionType0 | None | Unset, data)

        detection = _parse_detection(d.pop("detection", UNSET))

        alert = cls(
            id=id,
            tenant_id=tenant_id,
            fingerprint=fingerprint,
            name=name,
            status=status,
            severity=severity,
            service=service,
            service_id=service_id,
            summary=summary,
            labels=labels,
            annotations=annotations,
            starts_at=starts_at,
            occurrences=occurrences,
            error_budget_impact=error_budget_impact,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
            ends_at=ends_at,
            generator_url=generator_url,
            receiver=receiver,
            last_received_at=last_received_at,
            acknowledged_by=acknowledged_by,
            acknowledged_at=acknowledged_at,
            silenced_by=silenced_by,
            silenced_until=silenced_until,
            silence_reason=silence_reason,
            incident_id=incident_id,
            category=category,
            rule=rule,
            principal=principal,
            risk=risk,
            detection=detection,
        )

        alert.additional_properties = d
        return alert

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
