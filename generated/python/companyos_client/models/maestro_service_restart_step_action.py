from enum import StrEnum


class MaestroServiceRestartStepAction(StrEnum):
    SERVICE_RESTART = "service.restart"

    def __str__(self) -> str:
        return str(self.value)
