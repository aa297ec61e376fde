from enum import StrEnum


class PolicyRuleType0Effect(StrEnum):
    FORBID = "forbid"
    PERMIT = "permit"

    def __str__(self) -> str:
        return str(self.value)
