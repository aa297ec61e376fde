from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_error_budget_impact_slo_source import AlertErrorBudgetImpactSloSource
from ..models.alert_severity import AlertSeverity

T = TypeVar("T", bound="AlertErrorBudgetImpact")


@_attrs_define
class AlertErrorBudgetImpact:
    """An estimate: burn rate from severity (critical 14.4, warning 6, info 1) against the service's SLO
    (or 99.9 % over 30 days); consumed = burn_rate × firing time / SLO window. See docs/alerts.md.

        Attributes:
            severity (AlertSeverity):
            burn_rate (float):
            slo_objective (float):
            slo_window_days (int):
            slo_source (AlertErrorBudgetImpactSloSource):
            allowed_error_percent (float):
            budget_percent_per_hour (float):
            firing_minutes (float):
            budget_consumed_percent (float):
            hours_to_exhaustion (float | None):
    """

    severity: AlertSeverity
    burn_rate: float
    slo_objective: float
    slo_window_days: int
    slo_source: AlertErrorBudgetImpactSloSource
    allowed_error_percent: float
    budget_percent_per_hour: float
    firing_minutes: float
    budget_consumed_percent: float
    hours_to_exhaustion: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        severity = self.severity.value

        burn_rate = self.burn_rate

        slo_objective = self.slo_objective

        slo_window_days = self.slo_window_days

        slo_source = self.slo_source.value

        allowed_error_percent = self.allowed_error_percent

        budget_percent_per_hour = self.budget_percent_per_hour

        firing_minutes = self.firing_minutes

        budget_consumed_percent = self.budget_consumed_percent

        hours_to_exhaustion: float | None
        hours_to_exhaustion = self.hours_to_exhaustion

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "severity": severity,
                "burn_rate": burn_rate,
                "slo_objective": slo_objective,
                "slo_window_days": slo_window_days,
                "slo_source": slo_source,
                "allowed_error_percent": allowed_error_percent,
                "budget_percent_per_hour": budget_percent_per_hour,
                "firing_minutes": firing_minutes,
                "budget_consumed_percent": budget_consumed_percent,
                "hours_to_exhaustion": hours_to_exhaustion,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        severity = AlertSeverity(d.pop("severity"))

        burn_rate = d.pop("burn_rate")

        slo_objective = d.pop("slo_objective")

        slo_window_days = d.pop("slo_window_days")

        slo_source = AlertErrorBudgetImpactSloSource(d.pop("slo_source"))

        allowed_error_percent = d.pop("allowed_error_percent")

        budget_percent_per_hour = d.pop("budget_percent_per_hour")

        firing_minutes = d.pop("firing_minutes")

        budget_consumed_percent = d.pop("budget_consumed_percent")

        def _parse_hours_to_exhaustion(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        hours_to_exhaustion = _parse_hours_to_exhaustion(d.pop("hours_to_exhaustion"))

        alert_error_budget_impact = cls(
            severity=severity,
            burn_rate=burn_rate,
            slo_objective=slo_objective,
            slo_window_days=slo_window_days,
            slo_source=slo_source,
            allowed_error_percent=allowed_error_percent,
            budget_percent_per_hour=budget_percent_per_hour,
            firing_minutes=firing_minutes,
            budget_consumed_percent=budget_consumed_percent,
            hours_to_exhaustion=hours_to_exhaustion,
        )

        alert_error_budget_impact.additional_properties = d
        return alert_error_budget_impact

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
