from enum import StrEnum


class MaestroServiceScaleCallAction(StrEnum):
    SERVICE_SCALE = "service.scale"

    def __str__(self) -> str:
        return str(self.value)
