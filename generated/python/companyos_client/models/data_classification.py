from enum import StrEnum


class DataClassification(StrEnum):
    CONFIDENTIAL = "confidential"
    INTERNAL = "internal"
    PII = "pii"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
