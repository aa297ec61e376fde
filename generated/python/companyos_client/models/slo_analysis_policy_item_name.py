from enum import StrEnum


class SloAnalysisPolicyItemName(StrEnum):
    PAGE_FAST = "page-fast"
    PAGE_SLOW = "page-slow"
    TICKET = "ticket"

    def __str__(self) -> str:
        return str(self.value)
