from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.slo_alert_rule_action import SloAlertRuleAction
from ..models.slo_alert_rule_kind import SloAlertRuleKind
from ..models.slo_alert_rule_op import SloAlertRuleOp
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.slo_alert_rule_policy import SloAlertRulePolicy


T = TypeVar("T", bound="SloAlertRule")


@_attrs_define
class SloAlertRule:
    """A rule that alerts today: `static_error_rate` fires while the error rate over `window_minutes` is at least
    `error_rate`; `burn_rate` fires while both windows burn at least `burn_rate`.

        Attributes:
            name (str):
            kind (SloAlertRuleKind):
            action (SloAlertRuleAction | Unset):  Default: SloAlertRuleAction.PAGE.
            error_rate (float | Unset):
            window_minutes (int | Unset):
            min_events (int | Unset):
            burn_rate (float | Unset):
            long_window_minutes (int | Unset):
            short_window_minutes (int | Unset):
            alert_after_minutes (int | None | Unset):
            op (SloAlertRuleOp | Unset):
            severity (str | Unset):
            display_name (str | Unset):
            description (str | Unset):
            policy (SloAlertRulePolicy | Unset): The OpenSLO AlertPolicy the rule came from.
    """

    name: str
    kind: SloAlertRuleKind
    action: SloAlertRuleAction | Unset = SloAlertRuleAction.PAGE
    error_rate: float | Unset = UNSET
    window_minutes: int | Unset = UNSET
    min_events: int | Unset = UNSET
    burn_rate: float | Unset = UNSET
    long_window_minutes: int | Unset = UNSET
    short_window_minutes: int | Unset = UNSET
    alert_after_minutes: int | None | Unset = UNSET
    op: SloAlertRuleOp | Unset = UNSET
    severity: str | Unset = UNSET
    display_name: str | Unset = UNSET
    description: str | Unset = UNSET
    policy: SloAlertRulePolicy | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        action: str | Unset = UNSET
        if not isinstance(self.action, Unset):
            action = self.action.value

        error_rate = self.error_rate

        window_minutes = self.window_minutes

        min_events = self.min_events

        burn_rate = self.burn_rate

        long_window_minutes = self.long_window_minutes

        short_window_minutes = self.short_window_minutes

        alert_after_minutes: int | None | Unset
        if isinstance(self.alert_after_minutes, Unset):
            alert_after_minutes = UNSET
        else:
            alert_after_minutes = self.alert_after_minutes

        op: str | Unset = UNSET
        if not isinstance(self.op, Unset):
            op = self.op.value

        severity = self.severity

        display_name = self.display_name

        description = self.description

        policy: dict[str, Any] | Unset = UNSET
        if not isinstance(self.policy, Unset):
            policy = self.policy.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action
        if error_rate is not UNSET:
            field_dict["error_rate"] = error_rate
        if window_minutes is not UNSET:
            field_dict["window_minutes"] = window_minutes
        if min_events is not UNSET:
            field_dict["min_events"] = min_events
        if burn_rate is not UNSET:
            field_dict["burn_rate"] = burn_rate
        if long_window_minutes is not UNSET:
            field_dict["long_window_minutes"] = long_window_minutes
        if short_window_minutes is not UNSET:
            field_dict["short_window_minutes"] = short_window_minutes
        if alert_after_minutes is not UNSET:
            field_dict["alert_after_minutes"] = alert_after_minutes
        if op is not UNSET:
            field_dict["op"] = op
        if severity is not UNSET:
            field_dict["severity"] = severity
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if description is not UNSET:
            field_dict["description"] = description
        if policy is not UNSET:
            field_dict["policy"] = policy

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.slo_alert_rule_policy import SloAlertRulePolicy

        d = dict(src_dict)
        name = d.pop("name")

        kind = SloAlertRuleKind(d.pop("kind"))

        _action = d.pop("action", UNSET)
        action: SloAlertRuleAction | Unset
        if isinstance(_action, Unset):
            action = UNSET
        else:
            action = SloAlertRuleAction(_action)

        error_rate = d.pop("error_rate", UNSET)

        window_minutes = d.pop("window_minutes", UNSET)

        min_events = d.pop("min_events", UNSET)

        burn_rate = d.pop("burn_rate", UNSET)

        long_window_minutes = d.pop("long_window_minutes", UNSET)

        short_window_minutes = d.pop("short_window_minutes", UNSET)

        def _parse_alert_after_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        alert_after_minutes = _parse_alert_after_minutes(d.pop("alert_after_minutes", UNSET))

        _op = d.pop("op", UNSET)
        op: SloAlertRuleOp | Unset
        if isinstance(_op, Unset):
            op = UNSET
        else:
            op = SloAlertRuleOp(_op)

        severity = d.pop("severity", UNSET)

        display_name = d.pop("display_name", UNSET)

        description = d.pop("description", UNSET)

        _policy = d.pop("policy", UNSET)
        policy: SloAlertRulePolicy | Unset
        if isinstance(_policy, Unset):
            policy = UNSET
        else:
            policy = SloAlertRulePolicy.from_dict(_policy)

        slo_alert_rule = cls(
            name=name,
            kind=kind,
            action=action,
            error_rate=error_rate,
            window_minutes=window_minutes,
            min_events=min_events,
            burn_rate=burn_rate,
            long_window_minutes=long_window_minutes,
            short_window_minutes=short_window_minutes,
            alert_after_minutes=alert_after_minutes,
            op=op,
            severity=severity,
            display_name=display_name,
            description=description,
            policy=policy,
        )

        return slo_alert_rule
