from enum import StrEnum


class MaestroFlagToggleStepAction(StrEnum):
    FLAG_TOGGLE = "flag.toggle"

    def __str__(self) -> str:
        return str(self.value)
