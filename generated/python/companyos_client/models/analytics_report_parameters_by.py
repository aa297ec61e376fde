from enum import StrEnum


class AnalyticsReportParametersBy(StrEnum):
    CLIENT_TYPE = "client_type"
    ENVIRONMENT = "environment"
    FLAG_STATE = "flag_state"
    ROLE = "role"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
