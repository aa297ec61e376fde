from enum import StrEnum


class SloIndicatorKind(StrEnum):
    RATIO = "ratio"
    THRESHOLD = "threshold"

    def __str__(self) -> str:
        return str(self.value)
