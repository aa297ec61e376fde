from enum import StrEnum


class AnalyticsExportReport(StrEnum):
    ACTIVE_USERS = "active_users"
    ADOPTION = "adoption"
    FUNNEL = "funnel"
    OPS_KPIS = "ops_kpis"
    QUERY = "query"
    RETENTION = "retention"

    def __str__(self) -> str:
        return str(self.value)
