from enum import StrEnum


class AnalyticsEventKind(StrEnum):
    OPS = "ops"
    PRODUCT = "product"

    def __str__(self) -> str:
        return str(self.value)
