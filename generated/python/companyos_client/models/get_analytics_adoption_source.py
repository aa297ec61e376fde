from enum import StrEnum


class GetAnalyticsAdoptionSource(StrEnum):
    MATERIALIZED = "materialized"
    RAW = "raw"

    def __str__(self) -> str:
        return str(self.value)
