from enum import StrEnum


class IncidentResponderRole(StrEnum):
    COMMANDER = "commander"
    COMMS = "comms"
    OPS = "ops"

    def __str__(self) -> str:
        return str(self.value)
