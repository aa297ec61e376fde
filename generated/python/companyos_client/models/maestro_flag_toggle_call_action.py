from enum import StrEnum


class MaestroFlagToggleCallAction(StrEnum):
    FLAG_TOGGLE = "flag.toggle"

    def __str__(self) -> str:
        return str(self.value)
