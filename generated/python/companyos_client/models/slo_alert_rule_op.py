from enum import StrEnum


class SloAlertRuleOp(StrEnum):
    GT = "gt"
    GTE = "gte"

    def __str__(self) -> str:
        return str(self.value)
