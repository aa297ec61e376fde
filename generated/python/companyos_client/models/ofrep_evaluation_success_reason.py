from enum import StrEnum


class OfrepEvaluationSuccessReason(StrEnum):
    CACHED = "CACHED"
    DEFAULT = "DEFAULT"
    DISABLED = "DISABLED"
    ERROR = "ERROR"
    SPLIT = "SPLIT"
    STALE = "STALE"
    STATIC = "STATIC"
    TARGETING_MATCH = "TARGETING_MATCH"
    UNKNOWN = "UNKNOWN"

    def __str__(self) -> str:
        return str(self.value)
