from enum import StrEnum


class RolloutGateName(StrEnum):
    RESIDENCY = "residency"
    SECURITY = "security"
    SLO = "slo"

    def __str__(self) -> str:
        return str(self.value)
