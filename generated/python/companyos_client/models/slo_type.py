from enum import StrEnum


class SloType(StrEnum):
    AVAILABILITY = "availability"
    ERROR_RATE = "error_rate"
    FRESHNESS = "freshness"
    LATENCY = "latency"

    def __str__(self) -> str:
        return str(self.value)
