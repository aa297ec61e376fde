from enum import StrEnum


class AnalyticsReportParametersSource(StrEnum):
    MATERIALIZED = "materialized"
    RAW = "raw"

    def __str__(self) -> str:
        return str(self.value)
