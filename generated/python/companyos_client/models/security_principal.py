from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.alert import Alert
    from ..models.security_containment import SecurityContainment
    from ..models.security_event import SecurityEvent


T = TypeVar("T", bound="SecurityPrincipal")


@_attrs_define
class SecurityPrincipal:
    """
    Attributes:
        principal (str):
        risk (float):
        alerts (list[Alert]):
        recent_events (list[SecurityEvent]):
        containment (SecurityContainment):
    """

    principal: str
    risk: float
    alerts: list[Alert]
    recent_events: list[SecurityEvent]
    containment: SecurityContainment
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        principal = self.principal

        risk = self.risk

        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.to_dict()
            alerts.append(alerts_item)

        recent_events = []
        for recent_events_item_data in self.recent_events:
            recent_events_item = recent_events_item_data.to_dict()
            recent_events.append(recent_events_item)

        containment = self.containment.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "principal": principal,
                "risk": risk,
                "alerts": alerts,
                "recent_events": recent_events,
                "containment": containment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.alert import Alert
        from ..models.security_containment import SecurityContainment
        from ..models.security_event import SecurityEvent

        d = dict(src_dict)
        principal = d.pop("principal")

        risk = d.pop("risk")

        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in _alerts:
            alerts_item = Alert.from_dict(alerts_item_data)

            alerts.append(alerts_item)

        recent_events = []
        _recent_events = d.pop("recent_events")
        for recent_events_item_data in _recent_events:
            recent_events_item = SecurityEvent.from_dict(recent_events_item_data)

            recent_events.append(recent_events_item)

        containment = SecurityContainment.from_dict(d.pop("containment"))

        security_principal = cls(
            principal=principal,
            risk=risk,
            alerts=alerts,
            recent_events=recent_events,
            containment=containment,
        )

        security_principal.additional_properties = d
        return security_principal

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
