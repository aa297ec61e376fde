from enum import StrEnum


class SloFollowUpStatus(StrEnum):
    MET = "met"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
