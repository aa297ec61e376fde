from enum import StrEnum


class SloAlertRuleAction(StrEnum):
    PAGE = "page"
    TICKET = "ticket"

    def __str__(self) -> str:
        return str(self.value)
