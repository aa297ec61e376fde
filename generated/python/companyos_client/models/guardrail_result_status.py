from enum import StrEnum


class GuardrailResultStatus(StrEnum):
    BREACHED = "breached"
    NO_DATA = "no_data"
    PASS = "pass"

    def __str__(self) -> str:
        return str(self.value)
