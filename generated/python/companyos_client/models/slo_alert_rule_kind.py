from enum import StrEnum


class SloAlertRuleKind(StrEnum):
    BURN_RATE = "burn_rate"
    STATIC_ERROR_RATE = "static_error_rate"

    def __str__(self) -> str:
        return str(self.value)
