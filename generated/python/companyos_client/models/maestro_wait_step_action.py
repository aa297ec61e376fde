from enum import StrEnum


class MaestroWaitStepAction(StrEnum):
    WAIT = "wait"

    def __str__(self) -> str:
        return str(self.value)
