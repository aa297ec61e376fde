from enum import StrEnum


class OfrepBulkFailureErrorCode(StrEnum):
    GENERAL = "GENERAL"
    INVALID_CONTEXT = "INVALID_CONTEXT"
    PARSE_ERROR = "PARSE_ERROR"

    def __str__(self) -> str:
        return str(self.value)
