from enum import StrEnum


class AnalyticsReportReport(StrEnum):
    ACTIVE_USERS = "active_users"
    ADOPTION = "adoption"
    FUNNEL = "funnel"
    OPS_KPIS = "ops_kpis"
    RETENTION = "retention"

    def __str__(self) -> str:
        return str(self.value)
