from enum import StrEnum


class AnalyticsReportParametersBreakdown(StrEnum):
    CLIENT_TYPE = "client_type"
    ENVIRONMENT = "environment"
    ROLE = "role"

    def __str__(self) -> str:
        return str(self.value)
