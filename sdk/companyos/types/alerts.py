"""Types of the ``alerts`` tag (TypedDicts of the spec's schemas)."""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

__all__ = [
    "Alert",
    "AlertErrorBudgetImpact",
    "AlertIngestKey",
    "AlertIngestKeyWithToken",
    "AlertIngestResult",
    "AlertSeverity",
    "AlertStatus",
    "AlertmanagerAlert",
    "AlertmanagerWebhook",
]

AlertStatus = Literal["firing", "resolved", "acknowledged", "silenced"]

AlertSeverity = Literal["critical", "warning", "info"]


class AlertmanagerAlert(TypedDict):
    status: Literal["firing", "resolved"]
    labels: dict[str, str]
    annotations: NotRequired[dict[str, str]]
    startsAt: NotRequired[str]
    endsAt: NotRequired[str]
    generatorURL: NotRequired[str]
    fingerprint: NotRequired[str]


class AlertmanagerWebhook(TypedDict):
    """Prometheus Alertmanager's webhook payload, version 4 (unknown fields are ignored)."""

    version: Literal["4"]
    groupKey: NotRequired[str]
    truncatedAlerts: NotRequired[int]
    status: Literal["firing", "resolved"]
    receiver: NotRequired[str]
    groupLabels: NotRequired[dict[str, str]]
    commonLabels: NotRequired[dict[str, str]]
    commonAnnotations: NotRequired[dict[str, str]]
    externalURL: NotRequired[str]
    alerts: list[AlertmanagerAlert]


class AlertIngestResult(TypedDict):
    received: int
    created: int
    updated: int
    resolved: int
    truncated_alerts: int
    alert_ids: list[str]


class AlertIngestKey(TypedDict):
    id: str
    name: str
    status: Literal["active", "revoked"]
    created_by: str
    created_at: str
    revoked_at: NotRequired[str | None]
    replaced_by: NotRequired[str | None]
    last_used_at: NotRequired[str | None]


class AlertIngestKeyWithToken(AlertIngestKey):
    token: str


class AlertErrorBudgetImpact(TypedDict):
    severity: AlertSeverity
    burn_rate: float
    slo_objective: float
    slo_window_days: int
    slo_source: Literal["service", "default"]
    allowed_error_percent: float
    budget_percent_per_hour: float
    firing_minutes: float
    budget_consumed_percent: float
    hours_to_exhaustion: float | None


class Alert(TypedDict):
    id: str
    tenant_id: str
    fingerprint: str
    name: str
    status: AlertStatus
    severity: AlertSeverity
    service: str | None
    service_id: str | None
    summary: str
    description: NotRequired[str]
    labels: dict[str, str]
    annotations: dict[str, str]
    starts_at: str
    ends_at: NotRequired[str | None]
    generator_url: NotRequired[str | None]
    receiver: NotRequired[str | None]
    occurrences: int
    last_received_at: NotRequired[str]
    acknowledged_by: NotRequired[str | None]
    acknowledged_at: NotRequired[str | None]
    silenced_by: NotRequired[str | None]
    silenced_until: NotRequired[str | None]
    silence_reason: NotRequired[str | None]
    incident_id: NotRequired[str | None]
    error_budget_impact: AlertErrorBudgetImpact
    created_at: str
    updated_at: str
