from enum import StrEnum


class AnalyticsScheduleCreateDestinationRegion(StrEnum):
    APAC = "apac"
    CA = "ca"
    EU = "eu"
    UK = "uk"
    US = "us"

    def __str__(self) -> str:
        return str(self.value)
