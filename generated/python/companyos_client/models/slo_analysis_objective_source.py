from enum import StrEnum


class SloAnalysisObjectiveSource(StrEnum):
    DEFAULT = "default"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
