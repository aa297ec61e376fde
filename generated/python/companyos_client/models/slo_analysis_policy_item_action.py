from enum import StrEnum


class SloAnalysisPolicyItemAction(StrEnum):
    PAGE = "page"
    TICKET = "ticket"

    def __str__(self) -> str:
        return str(self.value)
