from enum import StrEnum


class AnalyticsReportParametersMode(StrEnum):
    CUMULATIVE = "cumulative"
    N_DAY = "n_day"
    UNBOUNDED = "unbounded"

    def __str__(self) -> str:
        return str(self.value)
