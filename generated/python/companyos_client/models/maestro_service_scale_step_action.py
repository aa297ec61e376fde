from enum import StrEnum


class MaestroServiceScaleStepAction(StrEnum):
    SERVICE_SCALE = "service.scale"

    def __str__(self) -> str:
        return str(self.value)
