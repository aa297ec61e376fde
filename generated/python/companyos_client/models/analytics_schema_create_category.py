from enum import StrEnum


class AnalyticsSchemaCreateCategory(StrEnum):
    ALERT = "alert"
    AUDIT = "audit"
    DEPLOY = "deploy"
    EXPERIMENT_EXPOSURE = "experiment_exposure"
    FEATURE_USAGE = "feature_usage"
    INCIDENT = "incident"
    OTHER = "other"
    POLICY_DECISION = "policy_decision"
    SLI = "sli"
    SLO_BREACH = "slo_breach"
    UI_FLOW = "ui_flow"

    def __str__(self) -> str:
        return str(self.value)
