from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.security_event_input import SecurityEventInput


T = TypeVar("T", bound="DetectionRuleTest")


@_attrs_define
class DetectionRuleTest:
    """`events` and the rule to test: its text (`sigma`) or a tenant rule's name (`rule`).

    Example:
        {'rule': 'refresh_token_reuse', 'events': [{'occurred_at': '2026-11-20T10:00:00Z', 'action':
            'identity.refresh_reuse', 'outcome': 'failure', 'principal': 'alice'}]}

    Attributes:
        events (list[SecurityEventInput]):
        sigma (str | Unset): A Sigma rule (YAML); one that does not parse is 400 `malformed_sigma` naming its line: a
            grammar a schema cannot state (`x-companyos-grammar`). Example: title: Refresh token reuse (token theft)
            logsource: {product: companyos, service: identity}
            detection:
              selection:
                action: identity.refresh_reuse
              condition: selection
            level: critical
            .
        rule (str | Unset):
    """

    events: list[SecurityEventInput]
    sigma: str | Unset = UNSET
    rule: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        sigma = self.sigma

        rule = self.rule

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "events": events,
            }
        )
        if sigma is not UNSET:
            field_dict["sigma"] = sigma
        if rule is not UNSET:
            field_dict["rule"] = rule

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.security_event_input import SecurityEventInput

        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = SecurityEventInput.from_dict(events_item_data)

            events.append(events_item)

        sigma = d.pop("sigma", UNSET)

        rule = d.pop("rule", UNSET)

        detection_rule_test = cls(
            events=events,
            sigma=sigma,
            rule=rule,
        )

        return detection_rule_test
