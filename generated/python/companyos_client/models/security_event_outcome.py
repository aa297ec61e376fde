from enum import StrEnum


class SecurityEventOutcome(StrEnum):
    DENIED = "denied"
    FAILURE = "failure"
    SUCCESS = "success"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
