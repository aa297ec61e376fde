from enum import StrEnum


class MaestroServiceIsolateCallAction(StrEnum):
    SERVICE_ISOLATE = "service.isolate"

    def __str__(self) -> str:
        return str(self.value)
