from enum import StrEnum


class AlertCategory(StrEnum):
    OPERATIONS = "operations"
    SECURITY = "security"

    def __str__(self) -> str:
        return str(self.value)
