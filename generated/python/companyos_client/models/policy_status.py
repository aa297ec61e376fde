from enum import StrEnum


class PolicyStatus(StrEnum):
    APPROVED = "approved"
    PENDING = "pending"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
