from enum import StrEnum


class MaestroServiceVerificationVerdictType2Type1(StrEnum):
    DEGRADED = "degraded"
    IMPROVED = "improved"
    UNCHANGED = "unchanged"

    def __str__(self) -> str:
        return str(self.value)
