from enum import StrEnum


class SecurityEventSource(StrEnum):
    AUDIT = "audit"
    IDENTITY = "identity"
    INGEST = "ingest"

    def __str__(self) -> str:
        return str(self.value)
