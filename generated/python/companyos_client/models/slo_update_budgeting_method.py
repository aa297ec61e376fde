from enum import StrEnum


class SloUpdateBudgetingMethod(StrEnum):
    OCCURRENCES = "occurrences"
    TIMESLICES = "timeslices"

    def __str__(self) -> str:
        return str(self.value)
