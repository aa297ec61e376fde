from enum import StrEnum


class ServiceSloSummaryState(StrEnum):
    AT_RISK = "at_risk"
    EXHAUSTED = "exhausted"
    HEALTHY = "healthy"
    NOT_CONFIGURED = "not_configured"
    NO_DATA = "no_data"

    def __str__(self) -> str:
        return str(self.value)
