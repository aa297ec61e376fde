from enum import StrEnum


class OfrepEvaluationFailureErrorCode(StrEnum):
    FLAG_NOT_FOUND = "FLAG_NOT_FOUND"
    GENERAL = "GENERAL"
    INVALID_CONTEXT = "INVALID_CONTEXT"
    PARSE_ERROR = "PARSE_ERROR"
    TARGETING_KEY_MISSING = "TARGETING_KEY_MISSING"
    TYPE_MISMATCH = "TYPE_MISMATCH"

    def __str__(self) -> str:
        return str(self.value)
