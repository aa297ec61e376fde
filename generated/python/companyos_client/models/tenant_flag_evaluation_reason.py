from enum import StrEnum


class TenantFlagEvaluationReason(StrEnum):
    DEFAULT = "DEFAULT"
    DISABLED = "DISABLED"
    TARGETING_MATCH = "TARGETING_MATCH"

    def __str__(self) -> str:
        return str(self.value)
