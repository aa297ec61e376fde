from enum import StrEnum


class GetAnalyticsActiveUsersSource(StrEnum):
    MATERIALIZED = "materialized"
    RAW = "raw"

    def __str__(self) -> str:
        return str(self.value)
