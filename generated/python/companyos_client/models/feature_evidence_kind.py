from enum import StrEnum


class FeatureEvidenceKind(StrEnum):
    DESIGN = "design"
    KPI_RESULTS = "kpi_results"
    RISK_CONTROLS = "risk_controls"
    SECURITY_SIGNOFF = "security_signoff"
    SLO_HEALTH = "slo_health"
    SUNSET_PLAN = "sunset_plan"

    def __str__(self) -> str:
        return str(self.value)
