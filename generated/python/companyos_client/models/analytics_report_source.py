from enum import StrEnum


class AnalyticsReportSource(StrEnum):
    MATERIALIZED = "materialized"
    RAW = "raw"

    def __str__(self) -> str:
        return str(self.value)
