from enum import StrEnum


class ExperimentStatus(StrEnum):
    CONCLUDED = "concluded"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
