from enum import StrEnum


class SloCreateBudgetingMethod(StrEnum):
    OCCURRENCES = "occurrences"
    TIMESLICES = "timeslices"

    def __str__(self) -> str:
        return str(self.value)
