from enum import StrEnum


class AnalyticsRedactionsAdditionalProperty(StrEnum):
    DROP = "drop"
    HASH = "hash"
    MASK = "mask"

    def __str__(self) -> str:
        return str(self.value)
