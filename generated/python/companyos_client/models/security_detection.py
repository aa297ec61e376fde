from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.security_detection_severity import SecurityDetectionSeverity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.security_detection_group import SecurityDetectionGroup


T = TypeVar("T", bound="SecurityDetection")


@_attrs_define
class SecurityDetection:
    """
    Attributes:
        rule (str):
        title (str):
        level (str):
        severity (SecurityDetectionSeverity):
        group (SecurityDetectionGroup):
        at (datetime.datetime):
        event_ids (list[str]):
        principal (None | str | Unset):
        metric (float | None | Unset):
        alert_id (None | str | Unset):
    """

    rule: str
    title: str
    level: str
    severity: SecurityDetectionSeverity
    group: SecurityDetectionGroup
    at: datetime.datetime
    event_ids: list[str]
    principal: None | str | Unset = UNSET
    metric: float | None | Unset = UNSET
    alert_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        title = self.title

        level = self.level

        severity = self.severity.value

        group = self.group.to_dict()

        at = self.at.isoformat()

        event_ids = self.event_ids

        principal: None | str | Unset
        if isinstance(self.principal, Unset):
            principal = UNSET
        else:
            principal = self.principal

        metric: float | None | Unset
        if isinstance(self.metric, Unset):
            metric = UNSET
        else:
            metric = self.metric

        alert_id: None | str | Unset
        if isinstance(self.alert_id, Unset):
            alert_id = UNSET
        else:
            alert_id = self.alert_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule": rule,
                "title": title,
                "level": level,
                "severity": severity,
                "group": group,
                "at": at,
                "event_ids": event_ids,
            }
        )
        if principal is not UNSET:
            field_dict["principal"] = principal
        if metric is not UNSET:
            field_dict["metric"] = metric
        if alert_id is not UNSET:
            field_dict["alert_id"] = alert_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.security_detection_group import SecurityDetectionGroup

        d = dict(src_dict)
        rule = d.pop("rule")

        title = d.pop("title")

        level = d.pop("level")

        severity = SecurityDetectionSeverity(d.pop("severity"))

        group = SecurityDetectionGroup.from_dict(d.pop("group"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        event_ids = cast(list[str], d.pop("event_ids"))

        def _parse_principal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        principal = _parse_principal(d.pop("principal", UNSET))

        def _parse_metric(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        metric = _parse_metric(d.pop("metric", UNSET))

        def _parse_alert_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alert_id = _parse_alert_id(d.pop("alert_id", UNSET))

        security_detection = cls(
            rule=rule,
            title=title,
            level=level,
            severity=severity,
            group=group,
            at=at,
            event_ids=event_ids,
            principal=principal,
            metric=metric,
            alert_id=alert_id,
        )

        security_detection.additional_properties = d
        return security_detection

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
