from enum import StrEnum


class AnalyticsMetricPropertyPii(StrEnum):
    DROP = "drop"
    HASH = "hash"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
