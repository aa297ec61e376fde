from enum import StrEnum


class PolicyEffect(StrEnum):
    FORBID = "forbid"
    PERMIT = "permit"

    def __str__(self) -> str:
        return str(self.value)
