from enum import StrEnum


class AlertErrorBudgetImpactSloSource(StrEnum):
    DEFAULT = "default"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
