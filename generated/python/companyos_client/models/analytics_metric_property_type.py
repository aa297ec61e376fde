from enum import StrEnum


class AnalyticsMetricPropertyType(StrEnum):
    INTEGER = "integer"
    NUMBER = "number"

    def __str__(self) -> str:
        return str(self.value)
