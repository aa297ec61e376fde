from enum import StrEnum


class AnalyticsReportParametersEnvironment(StrEnum):
    PRODUCTION = "production"
    SANDBOX = "sandbox"
    STAGING = "staging"

    def __str__(self) -> str:
        return str(self.value)
