from enum import StrEnum


class AlertStatus(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    FIRING = "firing"
    RESOLVED = "resolved"
    SILENCED = "silenced"

    def __str__(self) -> str:
        return str(self.value)
