from enum import StrEnum


class ExperimentConcludeOutcome(StrEnum):
    INCONCLUSIVE = "inconclusive"
    KEEP_CONTROL = "keep_control"
    SHIP_TREATMENT = "ship_treatment"

    def __str__(self) -> str:
        return str(self.value)
