from enum import StrEnum


class MaestroServiceRestartCallAction(StrEnum):
    SERVICE_RESTART = "service.restart"

    def __str__(self) -> str:
        return str(self.value)
